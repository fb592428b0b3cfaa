// The walk itself: the default scenario (4-level guest on 4-level EPT) makes 24 memory references,
// and the step controls move a cursor over them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  expectCounter,
  openApp,
  readCounter,
  reset,
  stepBack,
  stepForward,
  stepForwardTimes,
} from '../harness/app';
import { check } from '../harness/expect';
import type { E2ETest } from '../harness/types';

const artifactsDir = join(import.meta.dirname, '..', '..', '..', 'test-artifacts', 'e2e');

export const tests: E2ETest[] = [
  {
    name: 'the default walk starts at 0 / 24',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await expectCounter(page, 0, 24);
    },
  },
  {
    name: 'Step forward 24 times reaches 24 / 24, and no further',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await expectCounter(page, 0, 24);
      await stepForwardTimes(page, 24);
      await expectCounter(page, 24, 24);
      mkdirSync(artifactsDir, { recursive: true });
      await page.screenshot({ path: join(artifactsDir, 'walk-complete.png') });

      // At the end Step forward is either disabled or does nothing.
      if (!(await stepForward(page).isDisabled())) {
        await stepForward(page).click();
        await page.waitForTimeout(200);
      }
      await expectCounter(page, 24, 24);
    },
  },
  {
    name: 'Step back and Reset move the cursor back',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await stepForwardTimes(page, 24);
      await stepBack(page).click();
      await expectCounter(page, 23, 24);
      await stepBack(page).click();
      await expectCounter(page, 22, 24);
      await reset(page).click();
      await expectCounter(page, 0, 24);
    },
  },
  {
    name: 'Step back at 0 stays at 0',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await expectCounter(page, 0, 24);
      if (!(await stepBack(page).isDisabled())) {
        await stepBack(page).click();
        await page.waitForTimeout(200);
      }
      await expectCounter(page, 0, 24);
    },
  },
  {
    name: 'the → and ← keys step forward and back',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await expectCounter(page, 0, 24);
      await page.keyboard.press('ArrowRight');
      await expectCounter(page, 1, 24);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expectCounter(page, 3, 24);
      await page.keyboard.press('ArrowLeft');
      await expectCounter(page, 2, 24);
      const [step, total] = await readCounter(page);
      check(step === 2 && total === 24, `expected 2 / 24 after → → → ←, got ${step} / ${total}`);
    },
  },
];
