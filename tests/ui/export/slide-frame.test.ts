// A picture exported for a slide fills 1920×1080 as far as its shape allows, centred, uncropped.
import { describe, expect, it } from 'vitest';
import { fitInFrame, SLIDE_16_9 } from '../../../src/ui/export/files';

describe('fitInFrame', () => {
  it('a tall walk picture is scaled to the slide height and centred across', () => {
    const place = fitInFrame(1000, 1200, SLIDE_16_9);
    expect(place.scale).toBeCloseTo(0.9);
    expect(place.y).toBeCloseTo(0);
    expect(place.x).toBeCloseTo((1920 - 900) / 2);
  });
  it('a wide one is scaled to the slide width and centred down', () => {
    const place = fitInFrame(3840, 1000, SLIDE_16_9);
    expect(place.scale).toBeCloseTo(0.5);
    expect(place.x).toBeCloseTo(0);
    expect(place.y).toBeCloseTo((1080 - 500) / 2);
  });
});
