// The controls around the walk: level sliders and the cost formula, the linear-address input,
// presets, the shareable URL and playback.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { counter, expectCounter, openApp, play, readCounter, stepForwardTimes } from '../harness/app';
import { check, eventually, expectAttribute, expectText } from '../harness/expect';
import type { E2ETest } from '../harness/types';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

const guestLevels = (page: Page) => page.getByLabel('Guest levels (n)');
const eptLevels = (page: Page) => page.getByLabel('EPT levels (m)');
const abstractTotal = (page: Page) => page.getByLabel('References of the abstract walk');
const linearAddress = (page: Page) => page.getByLabel('Linear address');
const scenarioPicker = (page: Page) => page.getByRole('combobox', { name: 'Scenario', exact: true });
const errorBanner = (page: Page) => page.getByRole('alert');

async function setLevels(page: Page, n: number, m: number): Promise<void> {
  await guestLevels(page).fill(String(n));
  await eptLevels(page).fill(String(m));
}

/** The cost panel's formula with the numbers filled in: "5·5 + 5 + 5 = 35". */
function expectFormula(page: Page, n: number, m: number, total: number) {
  const filled = new RegExp(`${n}\\s*[·×*]\\s*${m}\\s*\\+\\s*${n}\\s*\\+\\s*${m}\\s*=\\s*${total}(?!\\d)`);
  return expectText(page.getByTestId('cost-formula'), filled);
}

async function enterAddress(page: Page, text: string): Promise<void> {
  const input = linearAddress(page);
  await input.fill(text);
  await input.press('Enter');
}

/** The element that describes `input` (aria-describedby): its inline error. */
async function inlineError(page: Page, input: Locator): Promise<Locator> {
  const id = await eventually(
    'the input to point at its error (aria-describedby)',
    () => input.getAttribute('aria-describedby', { timeout: 500 }),
    (value) => typeof value === 'string' && value.length > 0,
  );
  return page.locator(`[id="${id}"]`);
}

interface PresetEntry {
  file: string;
  name: string;
}

/** public/scenarios/index.json: a list of { file, name?, description? }. */
function readPresetIndex(): PresetEntry[] {
  const list: unknown = JSON.parse(readFileSync(join(repoRoot, 'public', 'scenarios', 'index.json'), 'utf8'));
  check(Array.isArray(list) && list.length > 0, 'public/scenarios/index.json lists no presets');
  return list.map((item: unknown, i) => {
    const { file, name } = item as { file?: unknown; name?: unknown };
    check(typeof file === 'string', `index.json entry ${i} has no "file"`);
    return { file, name: typeof name === 'string' ? name : file };
  });
}

/** Picks a preset and waits until its walk is on screen (the picker shows it, the counter is at 0). */
async function choosePreset(page: Page, preset: PresetEntry): Promise<void> {
  await scenarioPicker(page).selectOption(preset.file);
  // The picker is controlled: it shows the file once the app has loaded that preset.
  await eventually(
    `preset "${preset.name}" to be selected`,
    () => scenarioPicker(page).inputValue({ timeout: 500 }),
    (value) => value === preset.file,
    10_000,
  );
  await expectCounter(page, 0, null, 10_000);
}

export const tests: E2ETest[] = [
  {
    name: '5-level guest on 5-level EPT costs 35 references',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await setLevels(page, 5, 5);
      await expectText(abstractTotal(page), /^35$/);
      await expectFormula(page, 5, 5, 35);
    },
  },
  {
    name: '1-level guest on 1-level EPT costs 3 references',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await setLevels(page, 1, 1);
      await expectText(abstractTotal(page), /^3$/);
      await expectFormula(page, 1, 1, 3);
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
      await expectText(await inlineError(page, linearAddress(page)), /\S/);
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
      await expectAttribute(linearAddress(page), 'aria-invalid', 'true');
      await expectText(await inlineError(page, linearAddress(page)), /canonical/i);
    },
  },
  {
    name: 'every preset in public/scenarios/index.json loads',
    timeoutMs: 60_000,
    fn: async (page, baseUrl) => {
      const presets = readPresetIndex();
      await openApp(page, baseUrl);
      for (const preset of presets) {
        await choosePreset(page, preset);
        await page.waitForTimeout(150);
        const alerts = await errorBanner(page).allTextContents();
        check(alerts.length === 0, `preset "${preset.name}" shows an error: ${alerts.join(' | ')}`);
      }
    },
  },
  {
    name: 'the URL reproduces scenario and step after reload',
    fn: async (page, baseUrl) => {
      // The last preset (not the startup default) whose walk has a few references to step through.
      await openApp(page, baseUrl);
      let total = 0;
      let chosen: PresetEntry | undefined;
      for (const preset of readPresetIndex().slice(1).reverse()) {
        await choosePreset(page, preset);
        [, total] = await readCounter(page);
        if (total >= 3) {
          chosen = preset;
          break;
        }
      }
      check(chosen, 'no preset besides the first has a walk with 3 or more references');
      await page.waitForTimeout(300);
      const before = page.url();
      const steps = Math.min(5, total);
      await stepForwardTimes(page, steps);
      await expectCounter(page, steps, total);
      await eventually(
        `the URL to change with the step (preset "${chosen.name}", step ${steps})`,
        async () => page.url(),
        (url) => url !== before,
      );
      await page.waitForTimeout(300); // a debounced URL update settles
      const url = page.url();
      const va = await linearAddress(page).inputValue();

      // A cold load of the shared URL, then a reload of it.
      await page.goto('about:blank');
      await page.goto(url);
      await expectCounter(page, steps, total, 15_000);
      const vaAfter = await linearAddress(page).inputValue();
      check(vaAfter === va, `the shared URL shows linear address "${vaAfter}", expected "${va}"`);
      await page.reload();
      await expectCounter(page, steps, total, 15_000);
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
