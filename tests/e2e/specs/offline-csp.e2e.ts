// The built app after its first visit works without a network (its service worker answers from
// the precache), and under its Content-Security-Policy no view raises a violation.
import type { Page } from 'playwright-core';
import { expectCounter, openApp, stepForward } from '../harness/app';
import { check, expectText, expectVisible } from '../harness/expect';
import { choosePreset } from '../harness/page-states';
import type { E2ETest } from '../harness/types';

/** Collects `securitypolicyviolation` events in `window.__csp` from the first script on. */
function recordViolations() {
  const seen: string[] = [];
  (window as unknown as { __csp: string[] }).__csp = seen;
  document.addEventListener('securitypolicyviolation', (e) =>
    seen.push(
      `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
    ),
  );
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

async function expectNoViolations(page: Page, where: string) {
  const seen = await violations(page);
  check(seen.length === 0, `no CSP violation on ${where}; got ${seen.join('; ')}`);
}

export const tests: E2ETest[] = [
  {
    name: 'after the first visit the app reloads and walks offline',
    timeoutMs: 45_000,
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      // The precache is complete once the service worker is active.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.context().setOffline(true);
      try {
        await page.reload();
        await expectCounter(page, 0, null, 10_000);
        await stepForward(page).click();
        await expectCounter(page, 1, null);
        // Another preset comes from the precache too.
        await choosePreset(page, 'native.json');
        await stepForward(page).click();
        await expectCounter(page, 1, null);
        const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
        check(controlled, 'the offline page is served by the service worker');
      } finally {
        await page.context().setOffline(false);
      }
    },
  },
  {
    name: 'the page ships a Content-Security-Policy without unsafe-inline or unsafe-eval',
    fn: async (page, baseUrl) => {
      await page.goto(baseUrl);
      const policy = await page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content', { timeout: 5_000 });
      check(policy !== null, 'a CSP meta tag');
      for (const directive of [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
      ])
        check(policy.includes(directive), `the policy has ${directive}: ${policy}`);
      check(!/unsafe-inline|'unsafe-eval'/.test(policy), `no unsafe-inline or unsafe-eval: ${policy}`);
    },
  },
  {
    name: 'walk, experiments, hypervisor scenes and worksheet raise no CSP violation',
    timeoutMs: 90_000,
    fn: async (page, baseUrl) => {
      await page.addInitScript(recordViolations);
      await openApp(page, baseUrl);
      await stepForward(page).click();
      await expectCounter(page, 1, null);
      await choosePreset(page, 'caches-skylake.json');
      await expectNoViolations(page, 'the walk');

      const panel = page.getByRole('region', { name: 'Experiments' });
      await panel.getByRole('button', { name: 'Lecture experiment', exact: true }).click();
      await expectText(panel.locator('.progress-text'), /Done: 32 of 32 points/, 60_000);
      await expectNoViolations(page, 'the experiments');

      await page.goto(`${baseUrl}?hv=context-switch`);
      await expectVisible(page.getByLabel('Scene position', { exact: true }));
      await page.getByRole('button', { name: /^Step forward/ }).click();
      await expectNoViolations(page, 'the hypervisor scenes page');

      await page.goto(`${baseUrl}?worksheet=7&count=3`);
      await expectVisible(page.getByRole('heading').first());
      await expectNoViolations(page, 'the worksheet');
    },
  },
];
