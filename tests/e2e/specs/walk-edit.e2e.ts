// The walk view as a class meets it: editing an entry on the path re-walks it, the view exports
// as SVG and PNG, the cache preset turns a repeated access into 0 references, and presenter mode
// keeps the grid, the narration and the controls on a 1280×720 screen.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { counter, expectCounter, openApp, stepForwardTimes } from '../harness/app';
import { check, eventually, expectText } from '../harness/expect';
import type { E2ETest } from '../harness/types';

const artifactsDir = join(import.meta.dirname, '..', '..', '..', 'test-artifacts', 'e2e');
const shot = async (page: Page, name: string) => {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, name) });
};

const narration = (page: Page) => page.getByTestId('narration');
const tables = (page: Page) => page.getByRole('region', { name: "Tables on the walk's path" });
const cachePreset = (page: Page) => page.getByRole('combobox', { name: 'Cache preset' });
const accessPicker = (page: Page) => page.getByRole('combobox', { name: 'Access', exact: true });
const scenarioPicker = (page: Page) => page.getByRole('combobox', { name: 'Scenario', exact: true });
const gridCells = (page: Page, state: string) =>
  page.getByRole('grid', { name: /Walk grid/ }).locator(`[role="gridcell"][data-state="${state}"]`);

/** Clicks an export button; the downloaded file's suggested name and bytes. */
async function download(page: Page, name: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

async function loadPreset(page: Page, file: string): Promise<void> {
  await scenarioPicker(page).selectOption(file);
  await eventually(
    `preset ${file} to be selected`,
    () => scenarioPicker(page).inputValue({ timeout: 500 }),
    (value) => value === file,
    10_000,
  );
  await expectCounter(page, 0, null, 10_000);
}

export const tests: E2ETest[] = [
  {
    name: 'clearing P of the guest PT entry re-walks to a page fault with its error code',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await page.keyboard.press('End');
      await expectCounter(page, 24, 24);
      await tables(page).getByRole('button', { name: 'Edit guest PT entry' }).click();
      const editor = page.getByRole('form', { name: 'Edit guest PT entry' });
      // A click, not uncheck(): the box shows the entry in memory, which changes once the walk re-runs.
      await editor.getByRole('checkbox', { name: 'P', exact: true }).click();
      // The walk stops at the PTE: 4 guest reads, each after a 4-step EPT walk.
      await expectCounter(page, 20, 20, 10_000);
      await expectText(narration(page), /^Step 20 — read guest PT entry 0 .*not present/);
      await expectText(
        page.getByTestId('walk-summary'),
        /Page fault \(#PF\) after 20 memory references.*error code 0x4\b/,
      );
      check((await gridCells(page, 'not-performed').count()) === 4, 'the final translation is not performed');
      await shot(page, 'walk-edit-page-fault.png');
    },
  },
  {
    name: 'Export SVG saves the grid, address bits, narration and tables; Export PNG the same picture at 2×',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await stepForwardTimes(page, 7);
      const svg = await download(page, 'Export SVG');
      check(svg.name === 'nestwalk-step-7-of-24.svg', `SVG file named ${svg.name}`);
      const text = svg.bytes.toString('utf8');
      check(
        /^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/.test(text),
        'a standalone SVG file',
      );
      const cells = text.match(/role="gridcell"/g)?.length ?? 0;
      check(cells === 25, `the grid's 24 reference cells and the data cell, found ${cells}`);
      check(/data-step="7"[^>]*data-state="current"/.test(text), 'step 7 is marked current');
      check(text.includes('Step 7 — EPT PDPT entry 0'), 'the narration sentence is in the picture');
      check(text.includes('guest PML4'), 'the table cards are in the picture');
      check(text.includes('offset 11:0'), 'the address bits are in the picture');
      check(!text.includes('No translation caches'), 'a machine without caches exports no caches panel');
      check(!text.includes('var(--'), 'no CSS variable is left unresolved');

      // The SVG drawn by the browser on its own, outside the app.
      const view = await page.context().newPage();
      await view.setContent(`<img id="i" src="data:image/svg+xml;base64,${svg.bytes.toString('base64')}">`);
      const size = await view.evaluate(async () => {
        const img = document.getElementById('i') as HTMLImageElement;
        await img.decode();
        return { w: img.naturalWidth, h: img.naturalHeight };
      });
      check(size.w > 600 && size.h > 600, `the SVG renders as an image (${size.w}×${size.h})`);
      await view.screenshot({ path: join(artifactsDir, 'walk-export-svg.png'), fullPage: true });
      await view.close();

      const png = await download(page, 'Export PNG');
      check(png.name === 'nestwalk-step-7-of-24.png', `PNG file named ${png.name}`);
      check(
        png.bytes.subarray(1, 4).toString('latin1') === 'PNG',
        'the PNG file starts with the PNG signature',
      );
      const [pw, ph] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
      check(pw === size.w * 2 && ph === size.h * 2, `PNG ${pw}×${ph} is twice the SVG ${size.w}×${size.h}`);

      const slide = await download(page, 'PNG for a slide (16:9)');
      check(slide.name === 'nestwalk-step-7-of-24-16x9.png', `slide PNG named ${slide.name}`);
      const [sw, sh] = [slide.bytes.readUInt32BE(16), slide.bytes.readUInt32BE(20)];
      check(sw === 1920 && sh === 1080, `the slide PNG is 1920×1080, not ${sw}×${sh}`);
    },
  },
  {
    name: 'the cache preset: a repeated access of the same page makes 0 references, spared by the TLB',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await cachePreset(page).selectOption('skylake');
      await expectCounter(page, null, 13, 10_000);

      await loadPreset(page, 'caches-skylake.json');
      check((await cachePreset(page).inputValue()) === 'skylake', 'the preset shows the scenario’s caches');
      await accessPicker(page).selectOption('1');
      await expectCounter(page, 0, 0);
      await expectText(page.getByTestId('grid-formula').locator('..'), /24 spared by caches: 0 references/);
      const spared = gridCells(page, 'skipped');
      check((await spared.count()) === 24, `24 cells spared, found ${await spared.count()}`);
      check((await spared.filter({ hasText: 'TLB' }).count()) === 24, 'every spared cell says TLB');
      await expectText(narration(page), /24 of them spared by cached translations, so 0 memory references/);
      await expectText(
        page.getByRole('region', { name: 'Translation caches' }).getByRole('list'),
        /L1 DTLB 4K: hit/,
      );
      await shot(page, 'walk-caches-repeat.png');

      // Without caches the same access walks in full; with them again it is a hit.
      await cachePreset(page).selectOption('none');
      await expectCounter(page, null, 24, 10_000);
      await cachePreset(page).selectOption('skylake');
      await expectCounter(page, 0, 0, 10_000);
    },
  },
  {
    name: 'presenter mode keeps the controls, the grid and the narration on a 1280×720 screen',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await page.getByRole('button', { name: 'Presenter mode' }).click();
      await stepForwardTimes(page, 7);
      await page.waitForTimeout(300);
      const viewport = page.viewportSize()!;
      const boxes = {
        counter: await counter(page).boundingBox(),
        grid: await page.getByRole('grid', { name: /Walk grid/ }).boundingBox(),
        narration: await narration(page).boundingBox(),
        'step forward': await page.getByRole('button', { name: 'Step forward', exact: true }).boundingBox(),
      };
      for (const [what, box] of Object.entries(boxes)) {
        check(box !== null, `${what} is on screen`);
        check(
          box.y >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width,
          `${what} fits in ${viewport.width}×${viewport.height}: ${JSON.stringify(box)}`,
        );
      }
      check(!(await page.getByRole('region', { name: 'Experiments' }).isVisible()), 'experiments are hidden');
      check(
        !(await page.getByRole('button', { name: 'Export SVG' }).isVisible()),
        'export buttons are hidden',
      );
      await shot(page, 'walk-presenter-1280x720.png');
    },
  },
  {
    name: 'presenter mode keeps the access picker: the cold walk, then the cached one',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await page.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption('caches-skylake.json');
      await expectCounter(page, null, 13, 10_000);
      await page.getByRole('button', { name: 'Presenter mode' }).click();
      check(await accessPicker(page).isVisible(), 'the access picker is on screen in presenter mode');
      check(!(await page.getByRole('combobox', { name: 'CPL' }).isVisible()), 'the CPL editor is hidden');
      await accessPicker(page).selectOption('1');
      await expectCounter(page, 0, 0, 10_000);
      await accessPicker(page).selectOption('2');
      await expectCounter(page, null, 2, 10_000);
      // The cache preset stays too: a lecture turns the caches off and on.
      check(await cachePreset(page).isVisible(), 'the cache preset is on screen in presenter mode');
      await cachePreset(page).selectOption('none');
      await expectCounter(page, 0, 24, 10_000);
    },
  },
];
