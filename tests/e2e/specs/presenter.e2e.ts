// Presenter mode for a lecture hall: every text on the page at least 18 px on a 1280×720 projector
// (walk, summary, the cost panel), and a 1920×1080 screen showing the same page larger.
import type { Page } from 'playwright-core';
import { openApp, stepForwardTimes } from '../harness/app';
import { check } from '../harness/expect';
import { goToEnd } from '../harness/page-states';
import { describeSmall, visibleTexts } from '../harness/text-sizes';
import type { E2ETest } from '../harness/types';

const MIN_PX = 18;

/** Every text anywhere on the page (scrolled into view or not) is at least MIN_PX. */
async function expectLargeText(page: Page, state: string): Promise<void> {
  const samples = await visibleTexts(page, { wholePage: true });
  check(samples.length > 100, `${state}: only ${samples.length} texts found`);
  const small = samples.filter((s) => s.px < MIN_PX - 0.05);
  check(
    small.length === 0,
    `${state}: ${small.length} of ${samples.length} texts under ${MIN_PX} px:\n${describeSmall(samples, MIN_PX)}`,
  );
  console.log(`    ${state}: ${samples.length} texts, smallest ${Math.min(...samples.map((s) => s.px))} px`);
}

const gridBox = async (page: Page) => {
  const box = await page.getByRole('grid', { name: /Walk grid/ }).boundingBox();
  check(box !== null, 'the walk grid is on screen');
  return box;
};

export const tests: E2ETest[] = [
  {
    name: 'at 1280×720 every text is at least 18 px: mid-walk and at the end with its summary',
    timeoutMs: 60_000,
    fn: async (page, baseUrl) => {
      await openApp(page, `${baseUrl}?presenter=1`);
      await stepForwardTimes(page, 5);
      await expectLargeText(page, 'default walk, step 5');
      await goToEnd(page);
      await expectLargeText(page, 'default walk, end and summary');
    },
  },
  {
    name: 'at 1920×1080 the page is the 1280×720 one scaled up: grid 1.5× larger, grid and narration above the fold',
    fn: async (page, baseUrl) => {
      await openApp(page, `${baseUrl}?presenter=1`);
      const small = await gridBox(page);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.waitForTimeout(300);
      const large = await gridBox(page);
      const ratio = large.height / small.height;
      check(ratio > 1.4, `the grid grew ${ratio.toFixed(2)}× from 1280×720 to 1920×1080`);
      check(large.y + large.height <= 1080, `the grid ends at ${large.y + large.height} px, below the fold`);
      const sentence = await page.locator('.nw-sentence').first().boundingBox();
      check(sentence !== null && sentence.y + sentence.height <= 1080, 'the narration is above the fold');
      const samples = await visibleTexts(page);
      const smallest = Math.min(...samples.map((s) => s.px));
      check(smallest >= MIN_PX * 1.4, `the smallest text at 1920×1080 is ${smallest} px`);
    },
  },
];
