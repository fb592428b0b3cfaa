// The Experiments panel: the lecture's pointer-chase experiment end to end on the sweep workers,
// cancel, a trace with a bad line, and the CSV / PNG exports.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { parseSweepCsv } from '../../../src/state/sweep-csv';
import { check, eventually, expectText, expectVisible } from '../harness/expect';
import type { E2ETest } from '../harness/types';

const artifacts = join(import.meta.dirname, '..', '..', '..', 'test-artifacts', 'e2e');

const LECTURE_ROWS = [
  'Native, 4 KiB pages',
  'EPT 4 KiB, guest 4 KiB',
  'EPT 2 MiB, guest 4 KiB',
  'EPT 1 GiB, guest 4 KiB',
];

const panel = (page: Page) => page.getByRole('region', { name: 'Experiments' });
const button = (page: Page, name: string) => panel(page).getByRole('button', { name, exact: true });
const progressBar = (page: Page) => panel(page).getByRole('progressbar', { name: 'Sweep progress' });
const status = (page: Page) => panel(page).locator('.progress-text');

async function openPanel(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await expectVisible(panel(page), 15_000);
}

const progress = async (page: Page) =>
  Number(await progressBar(page).getAttribute('aria-valuenow', { timeout: 500 }));

/** The row of the results table for a configuration: its cells' text. */
async function rowCells(table: Locator, label: string): Promise<string[]> {
  const row = table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: label, exact: true }) });
  return row.getByRole('cell').allInnerTexts();
}

/** Clicks an export button and waits for its file (generously: a busy machine delays downloads). */
async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    button(page, name).click(),
  ]);
  return readFileSync(await file.path());
}

const nsOf = (cell: string): number => Number(/([\d.]+) ns/.exec(cell)?.[1] ?? NaN);

export const tests: E2ETest[] = [
  {
    name: 'live update: a cache preset change reruns on the WebAssembly engine and says its engine time',
    timeoutMs: 60_000,
    fn: async (page, baseUrl) => {
      await openPanel(page, baseUrl);
      await button(page, 'Lecture experiment').click();
      await expectText(status(page), /Done: 32 of 32 points/, 40_000);
      await expectText(
        panel(page).locator('.sweep-engine'),
        'Engine: WebAssembly (bulk loop) for all 32 points',
      );
      await panel(page).getByLabel('Live update').check();
      const settings = panel(page).getByRole('form', { name: 'Sweep settings' });
      await settings.getByLabel('Translation caches').selectOption('skylake');
      const live = panel(page).locator('.sweep-recomputed');
      const first = await expectText(
        live,
        /^Live update: recomputed in \d+ ms \(engine time \d+ ms for the 32 points\)$/,
        30_000,
      );
      // Back to the preset of the first run: every pass was run before and is taken, not rerun.
      await settings.getByLabel('Translation caches').selectOption('sandy-bridge');
      const back = await expectText(live, /all unchanged, taken from earlier runs\)$/, 30_000);
      console.log(`    ${first} → ${back}`);
    },
  },
  {
    name: 'the lecture experiment runs to the end and tables the four configurations',
    timeoutMs: 60_000,
    fn: async (page, baseUrl) => {
      await openPanel(page, baseUrl);
      await button(page, 'Lecture experiment').click();
      await expectVisible(progressBar(page));
      const done = await expectText(status(page), /Done: 32 of 32 points in [\d.]+ s/, 40_000);
      check((await progress(page)) === 100, 'the progress bar ends at 100');

      const table = panel(page).getByRole('table', { name: /Average per access/ });
      const headers = await table.getByRole('columnheader').allInnerTexts();
      check(headers.at(-1) === '32 GiB', `the last column is 32 GiB, got ${headers.join(' | ')}`);
      const at32: number[] = [];
      for (const label of LECTURE_ROWS) {
        const cells = await rowCells(table, label);
        check(cells.length === 8, `"${label}" has 8 cells, got ${cells.length}`);
        for (const cell of cells)
          check(/[\d.]+ ns/.test(cell) && /[\d.]+ refs/.test(cell), `"${label}": "${cell}"`);
        at32.push(nsOf(cells.at(-1)!));
      }
      const [native, ept4k, ept2m, ept1g] = at32 as [number, number, number, number];
      // The lecture's argument: 4 KiB EPT pages cost the most, 2 MiB pages get close to native.
      check(ept4k > ept2m && ept2m >= ept1g && ept1g >= native, `32 GiB times in ns: ${at32.join(', ')}`);
      check(ept2m / native < 1.5 && ept4k / native > 1.5, `slowdowns: ${ept4k / native}, ${ept2m / native}`);

      mkdirSync(artifacts, { recursive: true });
      // From the top of the page, so the sticky walk controls sit where they belong, not over the panel.
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = await panel(page).boundingBox();
      check(box !== null, 'the panel has a box');
      await page.screenshot({ path: join(artifacts, 'experiments-lecture.png'), fullPage: true, clip: box });
      // The hit rates behind it: past the TLB's reach nothing hits the TLB, the walk caches still do.
      await button(page, 'Paging-structure-cache hits').click();
      const walkCacheRates: number[] = [];
      for (const label of LECTURE_ROWS) {
        const cell = (await rowCells(table, label)).at(-1)!;
        const rate = Number(/PSC hits ([\d.]+) %/.exec(cell)?.[1] ?? NaN);
        check(rate > 0 && rate < 100, `"${label}" at 32 GiB: "${cell}"`);
        walkCacheRates.push(rate);
      }
      await button(page, 'TLB hits').click();
      const tlbAt32 = (await rowCells(table, LECTURE_ROWS[1]!)).at(-1)!;
      check(/TLB hits [0-4]\.\d %/.test(tlbAt32), `EPT 4 KiB at 32 GiB hardly hits the TLB: "${tlbAt32}"`);
      await expectVisible(panel(page).getByRole('img', { name: /accesses translated by a TLB/ }));
      await page.screenshot({ path: join(artifacts, 'experiments-tlb-hits.png'), fullPage: true, clip: box });
      console.log(
        `    ${done}; at 32 GiB native/EPT 4K/2M/1G: ${at32.join(' / ')} ns; PSC hits ${walkCacheRates.join(' / ')} %`,
      );
    },
  },
  {
    name: 'cancel stops a sweep and keeps its results; the next sweep runs to the end',
    timeoutMs: 60_000,
    fn: async (page, baseUrl) => {
      await openPanel(page, baseUrl);
      await button(page, 'Lecture experiment').click();
      await eventually(
        'the sweep to be under way',
        () => progress(page),
        (p) => p >= 5,
        20_000,
      );
      await button(page, 'Cancel').click();
      await expectText(status(page), /Cancelled: \d+ of 32 points kept/);
      check(await button(page, 'Cancel').isDisabled(), 'Cancel is disabled after cancelling');

      await panel(page).getByLabel('Largest heap').selectOption({ label: '8 MiB' });
      await button(page, 'Run sweep').click();
      await expectText(status(page), /Done: 8 of 8 points/, 20_000);
    },
  },
  {
    name: 'a trace with a bad line is refused naming the line, and the settings stay',
    fn: async (page, baseUrl) => {
      await openPanel(page, baseUrl);
      await panel(page).getByLabel('Workload').selectOption('trace');
      await panel(page).getByLabel('Accesses per point').fill('1234');
      await panel(page)
        .getByLabel('Trace file')
        .setInputFiles({
          name: 'chase.trace',
          mimeType: 'text/plain',
          buffer: Buffer.from('0x7f0000001000 r\n0x7f0000002000 w\n0x7f00000zz000\n'),
        });
      await expectText(
        panel(page).getByRole('alert'),
        /chase\.trace: line 3: "0x7f00000zz000" is not a hexadecimal address/,
      );
      check(
        (await panel(page).getByLabel('Workload').inputValue()) === 'trace',
        'the workload stays "trace"',
      );
      check(
        (await panel(page).getByLabel('Accesses per point').inputValue()) === '1234',
        'the accesses stay 1234',
      );
    },
  },
  {
    name: 'CSV export parses back to the table and keeps the time model; PNG export is an image of the chart',
    timeoutMs: 60_000,
    fn: async (page, baseUrl) => {
      await openPanel(page, baseUrl);
      await panel(page).getByLabel('Largest heap').selectOption({ label: '32 MiB' });
      // A flat time model of the user's own numbers.
      await panel(page).getByLabel('Time model').selectOption('flat');
      await panel(page).getByLabel('Cycles per table reference').fill('30');
      await panel(page).getByLabel('Cycles per data access').fill('100');
      await panel(page).getByLabel('Clock (GHz)').fill('2');
      await button(page, 'Run sweep').click();
      await expectText(status(page), /Done: 12 of 12 points/, 20_000);

      const rows = parseSweepCsv((await download(page, 'Export CSV')).toString('utf8'));
      check(rows.length === 12, `12 CSV rows, got ${rows.length}`);
      for (const { numbers: n } of rows) {
        check(n.reference_cycles === 30 && n.data_cycles === 100 && n.ghz === 2, 'the CSV keeps the model');
        // 100 + 30 per reference, plus at most a few cycles for second-level TLB hits.
        const walk = n.cycles_per_access! - 100 - 30 * n.references_per_access!;
        check(walk >= 0 && walk < 8, `cycles ${n.cycles_per_access} for ${n.references_per_access} refs`);
        check(Math.abs(n.ns_per_access! * 2 - n.cycles_per_access!) < 1e-9, 'ns at 2 GHz');
      }
      const table = panel(page).getByRole('table', { name: /Average per access/ });
      const ept4k = await rowCells(table, 'EPT 4 KiB, guest 4 KiB');
      const csvNs = rows
        .filter((r) => r.configuration === 'ept-4K-4K')
        .map((r) => r.numbers.ns_per_access!)
        .sort((a, b) => a - b);
      check(
        ept4k.every((cell, i) => Math.abs(nsOf(cell) - csvNs[i]!) <= Math.max(0.05, csvNs[i]! * 0.005)),
        `CSV ns ${csvNs.join(', ')} vs table ${ept4k.join(' | ')}`,
      );

      const bytes = await download(page, 'Export PNG');
      check(bytes.subarray(1, 4).toString('latin1') === 'PNG', 'the PNG export is a PNG');
      // IHDR: width and height at bytes 16–23; the chart is drawn at twice its 920 × 400 viewBox.
      check(bytes.readUInt32BE(16) === 1840 && bytes.readUInt32BE(20) === 800, 'the PNG is 1840 × 800');
      check(bytes.length > 20_000, `the PNG holds a drawing (${bytes.length} bytes)`);
    },
  },
];
