/**
 * Screenshots the built preview in headless Chromium: `node --import tsx tests/ui/views/preview/shoot.ts
 * <baseUrl> <outDir> [query…]`. Each query (e.g. "walk=pf&cursor=20") becomes one PNG at 1280×720.
 */
import { launchChromium } from '../../../e2e/harness/serve';

const [base = 'http://localhost:4791/', out = 'test-artifacts', ...queries] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on('console', (msg) => msg.type() === 'error' && console.error('console:', msg.text()));
page.on('pageerror', (err) => console.error('pageerror:', err.message));
for (const query of queries.length ? queries : ['']) {
  await page.goto(`${base}?${query}`);
  await page.waitForTimeout(400);
  const name = (query || 'default').replace(/[^a-z0-9=]+/gi, '_');
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: query.includes('full') });
  console.log(`${out}/${name}.png`);
}
await browser.close();
