// The lecture tour in the real browser: started from the header, walked from the first stop to
// the last with Next (across the walk and scenes pages), opened at a stop from its link, in
// presenter mode, and accessible.
import type { Page } from 'playwright-core';
import { TOUR_STOPS, nestedWalkReferences } from '../../../src/engine';
import { describeViolations, formatCounts, runAxe } from '../harness/axe';
import { expectCounter, openApp } from '../harness/app';
import { check, eventually, expectText, expectVisible } from '../harness/expect';
import type { E2ETest } from '../harness/types';

const bar = (page: Page) => page.getByTestId('tour-bar');
const next = (page: Page) => bar(page).getByRole('button', { name: /Next/ });

async function expectStop(page: Page, n: number): Promise<void> {
  const stop = TOUR_STOPS[n - 1]!;
  await expectText(
    bar(page).getByText(/Lecture tour · stop/),
    `Lecture tour · stop ${n} / ${TOUR_STOPS.length}`,
  );
  await expectVisible(bar(page).getByRole('heading', { name: stop.title, exact: true }));
  await eventually(
    `the address to name stop ${n}`,
    async () => new URL(page.url()).searchParams.get('tour'),
    (tour) => tour === String(n),
  );
  if (stop.scene.view === 'hv') {
    const { sceneId } = stop.scene;
    check(new URL(page.url()).searchParams.get('hv') === sceneId, `stop ${n} opens the ${sceneId} scene`);
  }
}

export const tests: E2ETest[] = [
  {
    name: 'tour: every stop is a history entry; the browser’s Back and Forward move between stops',
    timeoutMs: 60_000,
    fn: async (page, baseUrl) => {
      await page.goto(`${baseUrl}?tour=1`);
      await expectStop(page, 1);
      check(
        (await page.getByRole('link', { name: 'Start the lecture tour' }).count()) === 0,
        'the header offers no tour start while the tour runs',
      );
      await next(page).click();
      await expectStop(page, 2);
      await next(page).click();
      await expectStop(page, 3);
      await page.goBack();
      await expectStop(page, 2);
      await page.goBack();
      await expectStop(page, 1);
      await page.goForward();
      await expectStop(page, 2);
      await expectVisible(page.getByTestId('figure-linear-vs-tree'));
      await page.goForward();
      await expectStop(page, 3);
    },
  },
  {
    name: 'tour: from the header link, Next walks every stop from the first to the last',
    timeoutMs: 90_000,
    fn: async (page, baseUrl) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await openApp(page, baseUrl);
      await page.getByRole('link', { name: 'Start the lecture tour' }).click();
      await expectStop(page, 1);
      check(
        (await bar(page).getByRole('button', { name: /Back/ }).isDisabled()) === true,
        'Back is disabled on stop 1',
      );
      for (let n = 2; n <= TOUR_STOPS.length; n++) {
        await next(page).click();
        await expectStop(page, n);
      }
      check(await next(page).isDisabled(), 'Next is disabled on the last stop');
      await expectVisible(page.getByTestId('figure-tlb-reach'));
      check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    },
  },
  {
    name: 'tour: a deep link opens its stop’s scene; → steps inside the stop; Page Up goes back',
    fn: async (page, baseUrl) => {
      const n = TOUR_STOPS.findIndex((s) => s.id === 'non-root') + 1;
      await page.goto(`${baseUrl}?tour=${n}`);
      await expectStop(page, n);
      await expectCounter(page, 0, nestedWalkReferences(4, 4));
      await page.keyboard.press('ArrowRight');
      await expectCounter(page, 1, nestedWalkReferences(4, 4));
      await expectStop(page, n);
      await page.keyboard.press('PageUp');
      await expectStop(page, n - 1);
      // A stop on the hypervisor's side opens the scenes page with the tour kept.
      const hv = TOUR_STOPS.findIndex((s) => s.scene.view === 'hv') + 1;
      await page.goto(`${baseUrl}?tour=${hv}`);
      await expectStop(page, hv);
      await expectText(page.getByLabel('Scene position', { exact: true }), /^event 0 \//);
      await page.keyboard.press('ArrowRight');
      await expectText(page.getByLabel('Scene position', { exact: true }), /^event 1 \//);
      await expectStop(page, hv);
    },
  },
  {
    name: 'tour: presenter mode stays on across stops and pages; axe finds nothing critical or serious',
    timeoutMs: 60_000,
    fn: async (page, baseUrl) => {
      const ids = [
        'two-dimensional',
        'linear-vs-tree',
        'shadow-vs-ept',
        'tlb-miss-caches',
        'tlb-reach-vs-ram',
      ];
      for (const id of ids) {
        const n = TOUR_STOPS.findIndex((s) => s.id === id) + 1;
        await page.goto(`${baseUrl}?tour=${n}&presenter=1`);
        await expectStop(page, n);
        await eventually(
          'presenter mode on the page',
          async () => page.evaluate(() => document.documentElement.dataset.presenter),
          (value) => value === 'true',
        );
        const report = await runAxe(page);
        console.log(`    axe tour=${n} (${id}), presenter: ${formatCounts(report.counts)}`);
        const blocking = report.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
        check(
          blocking.length === 0,
          `stop ${n}: critical or serious violations:\n${describeViolations(blocking)}`,
        );
      }
      // Next from a walk stop to a scene stop keeps presenter=1 in the address.
      const before = TOUR_STOPS.findIndex((s) => s.id === 'linear-vs-tree') + 1;
      await page.goto(`${baseUrl}?tour=${before}&presenter=1`);
      await expectStop(page, before);
      await next(page).click();
      await expectStop(page, before + 1);
      check(new URL(page.url()).searchParams.get('presenter') === '1', 'presenter=1 kept on the scenes page');
    },
  },
  {
    name: 'embed: embed=1 shows the walk, a tour stop or a scene without the page chrome, with a link to the full page',
    fn: async (page, baseUrl) => {
      await page.goto(`${baseUrl}?embed=1`);
      await expectCounter(page, 0, nestedWalkReferences(4, 4));
      check(
        !(await page.getByRole('link', { name: 'Start the lecture tour' }).isVisible()),
        'no header in embed mode',
      );
      check(!(await page.locator('#exercises').isVisible()), 'no exercises in embed mode');
      const open = page.getByRole('link', { name: /Open in nestwalk/ });
      await expectVisible(open);
      check(!(await open.getAttribute('href'))!.includes('embed'), 'the full-page link leaves embed mode');
      // A tour stop about the cost row keeps that row.
      const n = TOUR_STOPS.findIndex((s) => s.id === 'non-root') + 1;
      await page.goto(`${baseUrl}?tour=${n}&embed=1`);
      await expectStop(page, n);
      await expectVisible(page.getByRole('heading', { name: 'What n × m levels cost' }));
      await page.goto(`${baseUrl}?hv=ksm&embed=1`);
      await expectText(page.getByLabel('Scene position', { exact: true }), /^event 0 \//);
      check(
        !(await page.getByRole('link', { name: 'Back to the walk view' }).isVisible()),
        'no scenes header',
      );
    },
  },
];
