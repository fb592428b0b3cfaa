// Narrow screens (a tablet at 768×1024, a phone at 390×844): the narration right under the grid,
// the page never wider than the screen, the tables scrolling sideways with a visible cue, and a
// playback bar that stays small.
import type { Page } from 'playwright-core';
import { openApp, stepForwardTimes } from '../harness/app';
import { check, eventually } from '../harness/expect';
import type { E2ETest } from '../harness/types';

const box = async (page: Page, what: string, locate: (page: Page) => ReturnType<Page['locator']>) => {
  const b = await locate(page).boundingBox();
  check(b !== null, `${what} is on the page`);
  return b;
};

const SCREENS = [
  { width: 768, height: 1024, bar: 110 },
  { width: 390, height: 844, bar: 140 },
] as const;

export const tests: E2ETest[] = SCREENS.map(({ width, height, bar }): E2ETest => ({
  name: `at ${width}×${height} the narration sits under the grid, the tables scroll with a cue, the bar stays small`,
  fn: async (page, baseUrl) => {
    await page.setViewportSize({ width, height });
    await openApp(page, baseUrl);
    await stepForwardTimes(page, 3);
    const grid = await box(page, 'the grid', (p) => p.getByRole('grid', { name: /Walk grid/ }));
    const narration = await box(page, 'the narration', (p) => p.getByTestId('narration'));
    const bits = await box(page, 'the address bits', (p) => p.locator('.nw-address').first());
    const gap = narration.y - (grid.y + grid.height);
    check(gap >= 0 && gap < 80, `the narration starts ${gap} px under the grid`);
    check(bits.y > narration.y, 'the address bits come after the narration');
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    check(widths[0]! <= widths[1]!, `the page is ${widths[0]} px wide on a ${widths[1]} px screen`);
    const playback = await box(page, 'the playback bar', (p) => p.getByRole('group', { name: 'Playback' }));
    check(playback.height <= bar, `the playback bar is ${playback.height} px tall`);
    const tables = page.getByRole('region', { name: "Tables on the walk's path" });
    const scroller = tables.locator('.nw-tables-scroll');
    const overflows = await scroller.evaluate((el) => el.scrollWidth > el.clientWidth);
    const cue = tables.locator('.nw-tables-cue');
    check(
      (await cue.isVisible()) === overflows,
      `the scroll cue is shown exactly when the cards overflow (${overflows})`,
    );
    if (overflows) {
      await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      await eventually(
        'the cue to say more is on the left',
        () => scroller.getAttribute('data-more'),
        (v) => v === 'left',
      );
    }
  },
}));
