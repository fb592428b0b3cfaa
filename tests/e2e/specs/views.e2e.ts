// The controls around the walk: level sliders and the cost formula, the linear-address input,
// presets, the shareable URL and playback.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { counter, expectCounter, openApp, play, readCounter, stepForwardTimes } from '../harness/app';
import { check, eventually, expectAttribute, expectText, expectVisible } from '../harness/expect';
import type { E2ETest } from '../harness/types';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

const guestLevels = (page: Page) => page.getByLabel('Guest levels (n)');
const eptLevels = (page: Page) => page.getByLabel('EPT levels (m)');
const costFormula = (page: Page) => page.getByLabel('Cost formula');
const linearAddress = (page: Page) => page.getByLabel('Linear address');
const presetPicker = (page: Page) => page.getByLabel('Preset');

async function setLevels(page: Page, n: number, m: number): Promise<void> {
  await guestLevels(page).fill(String(n));
  await eptLevels(page).fill(String(m));
}

/** The number of references the formula reports, not glued to other digits, after "=". */
const formulaTotal = (total: number) => new RegExp(`=\\s*${total}(?!\\d)`);

async function enterAddress(page: Page, text: string): Promise<void> {
  const input = linearAddress(page);
  await input.fill(text);
  await input.press('Enter');
}

interface PresetEntry {
  file: string;
  name: string;
}

/** public/scenarios/index.json: a list of presets, each with a file name and a display name. */
function readPresetIndex(): PresetEntry[] {
  const raw: unknown = JSON.parse(readFileSync(join(repoRoot, 'public', 'scenarios', 'index.json'), 'utf8'));
  const list: unknown = Array.isArray(raw)
    ? raw
    : ((raw as { presets?: unknown; scenarios?: unknown }).presets ??
      (raw as { scenarios?: unknown }).scenarios);
  check(Array.isArray(list) && list.length > 0, 'public/scenarios/index.json lists no presets');
  return list.map((item: unknown, i) => {
    const entry = item as Record<string, unknown>;
    const file = entry.file ?? entry.path ?? entry.url;
    const name = entry.name ?? entry.title ?? file;
    check(typeof file === 'string' && typeof name === 'string', `index.json entry ${i} has no file/name`);
    return { file, name };
  });
}

export const tests: E2ETest[] = [
  {
    name: '5-level guest on 5-level EPT costs 35 references',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await setLevels(page, 5, 5);
      await expectText(costFormula(page), formulaTotal(35));
      await expectCounter(page, null, 35);
    },
  },
  {
    name: '1-level guest on 1-level EPT costs 3 references',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await setLevels(page, 1, 1);
      await expectText(costFormula(page), formulaTotal(3));
      await expectCounter(page, null, 3);
    },
  },
  {
    name: 'a malformed linear address shows an inline error and keeps the walk',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await stepForwardTimes(page, 3);
      const before = await counter(page).textContent();
      await enterAddress(page, 'zz');
      await expectAttribute(linearAddress(page), 'aria-invalid', 'true');
      await expectVisible(page.getByRole('alert'));
      await page.waitForTimeout(300);
      const after = await counter(page).textContent();
      check(after === before, `counter changed from "${before}" to "${after}" after a malformed address`);
    },
  },
  {
    name: 'a non-canonical linear address shows an error',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await enterAddress(page, '0x8000_0000_0000');
      await expectVisible(page.getByRole('alert'));
      await expectText(page.getByRole('alert'), /canonical|#GP|general.protection/i);
    },
  },
  {
    name: 'every preset in public/scenarios/index.json loads',
    timeoutMs: 60_000,
    fn: async (page, baseUrl) => {
      const presets = readPresetIndex();
      await openApp(page, baseUrl);
      for (const preset of presets) {
        await presetPicker(page).selectOption({ label: preset.name });
        await eventually(
          `preset "${preset.name}" to be on screen`,
          () =>
            presetPicker(page).evaluate(
              (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '',
            ),
          (label) => label.trim() === preset.name,
        );
        await expectCounter(page, null, null, 10_000);
      }
    },
  },
  {
    name: 'the URL reproduces scenario and step after reload',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await setLevels(page, 5, 4);
      await expectCounter(page, 0, 29);
      await stepForwardTimes(page, 7);
      await expectCounter(page, 7, 29);
      const shared = await eventually(
        'the URL to carry the state',
        async () => page.url(),
        (url) => url !== baseUrl && url.length > baseUrl.length,
      );
      // Give a debounced URL update time to settle, then read it again.
      await page.waitForTimeout(400);
      const url = page.url();
      check(url.length >= shared.length, 'URL shrank after settling');

      // A cold load of the shared URL, then a reload of it.
      await page.goto('about:blank');
      await page.goto(url);
      await expectCounter(page, 7, 29, 15_000);
      await page.reload();
      await expectCounter(page, 7, 29, 15_000);
    },
  },
  {
    name: 'Play advances the counter',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await expectCounter(page, 0, 24);
      await play(page).click();
      await eventually(
        'the counter to advance',
        () => readCounter(page),
        ([step]) => step >= 2,
        10_000,
      );
    },
  },
];
