import { describe, expect, it } from 'vitest';
import { setup2D, VA, DATA_GPA, HOST_OFFSET } from './setup-2d';
import { walk } from './fixture';
import { expectOutcome } from '../result-narrowing';

describe('2D walk smoke', () => {
  it('4-level guest on 4-level EPT makes 24 references', () => {
    const s = setup2D();
    const { result, events } = walk(s.config, s.tables.memory, VA);
    expectOutcome(result, 'ok');
    expect(result.references).toHaveLength(24);
    expect(result.gpa).toBe(DATA_GPA + 0x123);
    expect(result.pa).toBe(DATA_GPA + HOST_OFFSET + 0x123);
    expect(events.filter((e) => e.type === 'guest-read' || e.type === 'nested-read')).toHaveLength(24);
  });
});
