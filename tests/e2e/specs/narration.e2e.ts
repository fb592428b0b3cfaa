// The walk view tells its walk on its own: one count (the levels this walk uses) in the opening
// sentence, the grid header and the counter; the last step keeps its sentence; a summary with the
// count's breakdown and the wrong counts follows; a fault names who handles it.
import type { Page } from 'playwright-core';
import { expectCounter, openApp } from '../harness/app';
import { eventually, expectText } from '../harness/expect';
import type { E2ETest } from '../harness/types';

const narration = (page: Page) => page.getByTestId('narration');
const summary = (page: Page) => page.getByTestId('walk-summary');
const gridFormula = (page: Page) => page.getByTestId('grid-formula');
const scenarioPicker = (page: Page) => page.getByRole('combobox', { name: 'Scenario', exact: true });

async function loadPreset(page: Page, file: string): Promise<void> {
  await scenarioPicker(page).selectOption(file);
  await eventually(
    `preset ${file} to be selected`,
    () => scenarioPicker(page).inputValue({ timeout: 500 }),
    (value) => value === file,
    10_000,
  );
}

/** Opening sentence, grid header and counter all state `total` (with `formula` as walked). */
async function expectCount(page: Page, total: number, formula: RegExp): Promise<void> {
  await expectCounter(page, 0, total, 10_000);
  await expectText(narration(page), formula);
  // a native header shows the bare count: "this walk: 3"
  const native = !formula.source.includes('·');
  await expectText(gridFormula(page), native ? new RegExp(`this walk: ${total}$`) : formula);
}

const PRESETS: readonly [string, number, RegExp][] = [
  ['default.json', 24, /4·4 \+ 4 \+ 4 = 24(?!\d)/],
  ['guest-4k-on-ept-2m.json', 19, /4·3 \+ 4 \+ 3 = 19(?!\d)/],
  ['guest-2m-on-ept-4k.json', 19, /3·4 \+ 3 \+ 4 = 19(?!\d)/],
  ['guest-1g-on-ept-1g.json', 8, /2·2 \+ 2 \+ 2 = 8(?!\d)/],
  ['native.json', 4, /(?:^|\D)4 (?:memory )?references/],
];

export const tests: E2ETest[] = [
  {
    name: 'every preset states one count: the levels it walks, in sentence, grid header and counter',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      for (const [file, total, formula] of PRESETS) {
        await loadPreset(page, file);
        await expectCount(page, total, formula);
      }
      await expectText(narration(page), /this walk uses 4 levels: 4 memory references/);
      await loadPreset(page, 'guest-1g-on-ept-1g.json');
      await expectText(narration(page), /n = 2 guest levels and m = 2 EPT levels.*full depth would make 24/);
    },
  },
  {
    name: 'native walks to 2 MiB and 1 GiB pages state 3 and 2; the sliders n = 2, m = 3 state 11',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await page.getByLabel('Nested paging').selectOption('native');
      await expectCounter(page, 0, 4, 10_000);
      await page.getByLabel('Guest page size').selectOption('2M');
      await expectCount(page, 3, /(?:^|\D)3 (?:memory )?references/);
      await expectText(narration(page), /a large page ends it at the PD/);
      await page.getByLabel('Guest page size').selectOption('1G');
      await expectCount(page, 2, /(?:^|\D)2 (?:memory )?references/);

      await page.getByLabel('Guest levels (n)').fill('2');
      await page.getByLabel('EPT levels (m)').fill('3');
      await expectCount(page, 11, /2·3 \+ 2 \+ 3 = 11(?!\d)/);
    },
  },
  {
    name: 'step 24 keeps its sentence; the summary gives the breakdown and the counts 8, 20 and 25',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await page.keyboard.press('End');
      await expectCounter(page, 24, 24);
      await expectText(
        narration(page),
        /^Step 24 — EPT PT entry 0 .*translating gPA 0x400123 \(the data address\)/,
      );
      await expectText(page.getByTestId('summary-breakdown'), /4 guest reads \+ 5 EPT walks × 4 = 24/);
      await expectText(
        summary(page),
        /Translation complete: gVA 0x7ffff0000123 → gPA 0x400123 → hPA 0x100400123/,
      );
      await expectText(summary(page), /Not 8: .*16 EPT cells/);
      await expectText(summary(page), /Not 20: .*4 EPT cells of the final gPA row/);
      await expectText(summary(page), /Not 25: .*data access itself/);
    },
  },
  {
    name: 'each wrong count marks in the grid the cells it gets wrong (hover, focus, choose)',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await page.keyboard.press('End');
      await expectCounter(page, 24, 24);
      const wrong = page.getByRole('list', { name: 'Counts that are wrong, and why' });
      const marked = page.locator('[role="gridcell"][data-marked]');
      await wrong.getByRole('button', { name: /^Not 8:/ }).hover();
      await eventually(
        '16 cells marked for 8',
        () => marked.count(),
        (k) => k === 16,
      );
      await expectText(page.getByTestId('grid-highlight'), /the 16 cells a count of 8 leaves out/);
      await wrong.getByRole('button', { name: /^Not 20:/ }).focus();
      await eventually(
        '4 cells marked for 20',
        () => marked.count(),
        (k) => k === 4,
      );
      await wrong.getByRole('button', { name: /^Not 25:/ }).click();
      await expectText(page.getByTestId('grid-highlight'), /the data access, which a count of 25 adds/);
      await page.mouse.move(0, 0);
      await page.keyboard.press('Tab');
      await expectText(page.getByTestId('grid-highlight'), /a count of 25 adds/);
    },
  },
  {
    name: 'a fault says who handles it: a guest #PF the guest OS, an EPT violation the hypervisor',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await loadPreset(page, 'pf-not-present.json');
      await expectCounter(page, 0, 20, 10_000);
      await page.keyboard.press('End');
      await expectText(narration(page), /^Step 20 — read guest PT entry 0 .*not present/);
      await expectText(summary(page), /Handled by: the guest OS .*no VM exit/);
      await loadPreset(page, 'ept-violation-guest-table.json');
      await expectCounter(page, null, 19, 10_000);
      await page.keyboard.press('End');
      await expectText(summary(page), /EPT violation .*Handled by: the hypervisor — a VM exit/);
    },
  },
  {
    name: 'with caches the step where a cache acts names it, and a new address starts at step 0',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await loadPreset(page, 'caches-skylake.json');
      await page.getByRole('combobox', { name: 'Access', exact: true }).selectOption('1');
      await expectCounter(page, 0, 0, 10_000);
      await expectText(
        narration(page),
        /The TLB l1-dtlb-4k supplies its entry for the whole translation .*24 cells/,
      );
      await expectText(summary(page), /24 cells: caches spared 24, so 0 memory references were made/);

      await loadPreset(page, 'default.json');
      await page.keyboard.press('End');
      await expectCounter(page, 24, 24);
      const input = page.getByLabel('Linear address');
      await input.fill('0x7fff_f000_0ff8');
      await input.press('Enter');
      await expectCounter(page, 0, 24, 10_000);
      await expectText(narration(page), /^About to translate gVA 0x7ffff0000ff8/);
    },
  },
];
