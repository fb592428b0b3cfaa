// Keyboard and pointer in the real browser: the arrows step the walk after a choice in a select,
// P and ?presenter=1 switch presenter mode, a grid cell, a step row or a table card jumps to its
// step, and the glossary opens and closes with focus coming back.
import type { Page } from 'playwright-core';
import { expectCounter, openApp, stepForwardTimes } from '../harness/app';
import { check, eventually, expectText, expectVisible } from '../harness/expect';
import { choosePreset } from '../harness/page-states';
import type { E2ETest } from '../harness/types';

const presenterButton = (page: Page) => page.getByRole('button', { name: 'Presenter mode' });
const presenterOn = (page: Page) =>
  page.evaluate(() => document.documentElement.dataset.presenter === 'true');
const grid = (page: Page) => page.getByRole('grid', { name: /Walk grid/ });
const speed = (page: Page) => page.getByRole('combobox', { name: /Speed/ });

async function expectPresenter(page: Page, on: boolean): Promise<void> {
  await eventually(
    `presenter mode ${on ? 'on' : 'off'}`,
    () => presenterOn(page),
    (v) => v === on,
  );
  const pressed = await presenterButton(page).getAttribute('aria-pressed');
  check(pressed === String(on), `the Presenter button says aria-pressed=${pressed}, expected ${on}`);
}

export const tests: E2ETest[] = [
  {
    name: 'after a choice in the Scenario select → and ← step the walk, and the choice stays',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      const picker = page.getByRole('combobox', { name: 'Scenario', exact: true });
      await picker.focus(); // as after a click on it
      await choosePreset(page, 'guest-2m-on-ept-4k.json');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expectCounter(page, 2, null);
      await page.keyboard.press('ArrowLeft');
      await expectCounter(page, 1, null);
      check(
        (await picker.inputValue()) === 'guest-2m-on-ept-4k.json',
        'the arrows changed the Scenario select',
      );
      await page.keyboard.press('End');
      const total = Number(
        /\/\s*(\d+)/.exec((await page.getByLabel('Memory references').textContent()) ?? '')?.[1],
      );
      await expectCounter(page, total, total);
      await page.keyboard.press('Home');
      await expectCounter(page, 0, total);
    },
  },
  {
    name: 'after a choice in the Speed select the arrows step, not change the speed',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      const options = await speed(page)
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const chosen = options[options.length - 1]!;
      await speed(page).focus();
      await speed(page).selectOption(chosen);
      await page.keyboard.press('ArrowRight');
      await expectCounter(page, 1, 24);
      check((await speed(page).inputValue()) === chosen, 'the arrow changed the Speed select');
    },
  },
  {
    name: 'P toggles presenter mode and the URL; ?presenter=1 opens in presenter mode',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await expectPresenter(page, false);
      await page.keyboard.press('p');
      await expectPresenter(page, true);
      await eventually(
        'presenter=1 in the URL',
        () => Promise.resolve(page.url()),
        (u) => /[?&]presenter=1/.test(u),
      );
      await expectVisible(page.getByRole('combobox', { name: 'Scenario', exact: true }));
      await page.keyboard.press('P');
      await expectPresenter(page, false);
      check(!/presenter=/.test(page.url()), `presenter still in the URL ${page.url()}`);

      await openApp(page, `${baseUrl}?presenter=1`);
      await expectPresenter(page, true);
      // Presenter mode still steps from the keyboard.
      await page.keyboard.press('ArrowRight');
      await expectCounter(page, 1, 24);
    },
  },
  {
    name: 'a grid cell, a step row and a table card jump to their step (click and Enter)',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await grid(page).locator('[role="gridcell"][data-step="17"]').click();
      await expectCounter(page, 17, 24);
      await grid(page).locator('[role="gridcell"][data-step="9"]').focus();
      await page.keyboard.press('Enter');
      await expectCounter(page, 9, 24);
      // The arrows keep stepping from a focused cell.
      await page.keyboard.press('ArrowRight');
      await expectCounter(page, 10, 24);

      const rows = page.getByRole('list', { name: 'Steps so far' });
      await rows.getByRole('button', { name: /^Go to step 3\b/ }).click();
      await expectCounter(page, 3, 24);

      await stepForwardTimes(page, 2);
      await page.getByRole('button', { name: /^Go to step 20 \(/ }).focus();
      await page.keyboard.press('Enter');
      await expectCounter(page, 20, 24);
      await expectText(grid(page).locator('[aria-current="step"]'), /20/);
    },
  },
  {
    name: 'the glossary opens from the header, explains the terms and gives focus back on Escape',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      const opener = page.getByRole('button', { name: 'Glossary', exact: true });
      await opener.click();
      const dialog = page.getByRole('dialog', { name: 'Glossary' });
      await expectVisible(dialog);
      for (const term of ['gVA', 'gPA', 'hPA', 'EPTP', 'PWC', 'STLB'])
        await expectVisible(dialog.getByText(term, { exact: true }));
      await page.keyboard.press('Escape');
      await eventually(
        'the glossary to close',
        () => dialog.isVisible(),
        (v) => !v,
      );
      await eventually(
        'focus back on the Glossary button',
        () => opener.evaluate((el) => el === document.activeElement),
        (v) => v,
      );
      // Keys reach the walk again.
      await page.keyboard.press('ArrowRight');
      await expectCounter(page, 1, 24);
    },
  },
];
