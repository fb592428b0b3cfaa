/**
 * Builds the panel alone, runs the lecture experiment in headless Chromium and reports how long it
 * took, the table, and a screenshot: `node --import tsx tests/ui/experiments/preview/measure.ts [out.png] [--dark]`.
 */
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../../e2e/harness/serve';
import { build, preview } from 'vite';

const configFile = fileURLToPath(new URL('./vite.config.ts', import.meta.url));
const [shot = 'test-artifacts/experiments-preview.png', ...flags] = process.argv.slice(2);
await build({ configFile, logLevel: 'warn' });
const server = await preview({ configFile, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
const address = server.httpServer.address();
if (address === null || typeof address === 'string') throw new Error('no port');
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text(), m.location().url));
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(`http://127.0.0.1:${address.port}/${flags.includes('--dark') ? '?dark' : ''}`);
  console.log('hardwareConcurrency', await page.evaluate(() => navigator.hardwareConcurrency));
  await page.screenshot({ path: shot.replace(/\.png$/, '-before.png') });
  const started = Date.now();
  await page.getByRole('button', { name: 'Lecture experiment' }).click();
  const samples: string[] = [];
  while (!(await page.locator('.sweep-progress:not([data-status="running"])').count())) {
    samples.push(String(await page.getByRole('progressbar').getAttribute('aria-valuenow')));
    await page.waitForTimeout(250);
  }
  console.log(`done after ${((Date.now() - started) / 1000).toFixed(1)} s (wall, from the click)`);
  console.log('progress samples', samples.join(' '));
  console.log(await page.locator('.progress-text').textContent());
  const rows = await page.locator('.sweep-table tr').allInnerTexts();
  for (const row of rows) console.log(row.replace(/\s*\n\s*/g, ' | '));
  await page.screenshot({ path: shot, fullPage: true });
  console.log(shot);

  // Cancel in the middle of a run: how long until the pool's worker has stopped?
  const cancelMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await page.waitForFunction(
      () => Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')) >= 10 + 0,
    );
    cancelMs.push(
      await page.evaluate(async () => {
        const store = (window as unknown as { sweepStore: { getState(): { cancel(): Promise<void> } } })
          .sweepStore;
        const t = performance.now();
        await store.getState().cancel();
        return performance.now() - t;
      }),
    );
  }
  console.log('cancel → workers stopped (ms):', cancelMs.map((ms) => ms.toFixed(1)).join(' '));
} finally {
  await browser.close();
  await server.close();
}
