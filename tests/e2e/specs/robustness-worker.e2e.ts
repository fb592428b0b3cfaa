// Workers that stop in the built app: the page records the Workers it constructs (an init script
// wraps the constructor; the app itself exposes nothing), the test terminates them, and the walk
// and the sweep recover and say so.
import type { Page } from 'playwright-core';
import { expectCounter, openApp, stepForward } from '../harness/app';
import { check, eventually, expectText, expectVisible } from '../harness/expect';
import type { E2ETest } from '../harness/types';

/** Keeps every Worker the page constructs in `window.__workers`, with the name it was given. */
function recordWorkers() {
  const Native = window.Worker;
  const made: { name: string; worker: Worker }[] = [];
  (window as unknown as { __workers: typeof made }).__workers = made;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      made.push({ name: options?.name ?? '', worker: this });
    }
  };
}

/** Terminates the live workers called `name` (at most `count`); answers how many. */
function terminate(page: Page, name: string, count = Infinity): Promise<number> {
  return page.evaluate(
    ([name, count]) => {
      const made = (window as unknown as { __workers: { name: string; worker: Worker }[] }).__workers;
      const chosen = made.filter((w) => w.name === name).slice(0, count);
      for (const w of chosen) w.worker.terminate();
      return chosen.length;
    },
    [name, count] as const,
  );
}

const workersNamed = (page: Page, name: string) =>
  page.evaluate(
    (name) =>
      (window as unknown as { __workers: { name: string }[] }).__workers.filter((w) => w.name === name)
        .length,
    name,
  );

const banner = (page: Page) => page.getByRole('alert');
const panel = (page: Page) => page.getByRole('region', { name: 'Experiments' });

export const tests: E2ETest[] = [
  {
    name: 'a terminated walk worker is noticed at its deadline, replaced, and the walk goes on with a message',
    timeoutMs: 45_000,
    fn: async (page, baseUrl) => {
      await page.addInitScript(recordWorkers);
      await openApp(page, baseUrl);
      check((await terminate(page, 'nestwalk-engine')) === 1, 'one walk worker to terminate');
      // The next walk goes to the dead worker: nothing answers until the deadline.
      await page.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption('npt.json');
      await expectText(banner(page), /The walk engine was restarted/, 20_000);
      await expectText(
        banner(page),
        /\(no answer within 10 s\)\. A new one was started and the walk ran again\./,
      );
      await expectText(banner(page), /Nothing was lost/);
      await expectCounter(page, 0, null, 5_000);
      check(
        (await page.getByRole('combobox', { name: 'Scenario', exact: true }).inputValue()) === 'npt.json',
        'the chosen preset is on screen',
      );
      await stepForward(page).click();
      await expectCounter(page, 1, null);
      check((await workersNamed(page, 'nestwalk-engine')) === 2, 'a second walk worker was started');
    },
  },
  {
    name: 'a sweep worker terminated mid-sweep: its point runs again, the sweep finishes and says so',
    timeoutMs: 90_000,
    fn: async (page, baseUrl) => {
      await page.addInitScript(recordWorkers);
      await page.goto(baseUrl);
      await expectVisible(panel(page), 15_000);
      await panel(page).getByRole('button', { name: 'Lecture experiment', exact: true }).click();
      const bar = panel(page).getByRole('progressbar', { name: 'Sweep progress' });
      await eventually(
        'the sweep to be under way',
        async () => Number(await bar.getAttribute('aria-valuenow', { timeout: 500 })),
        (percent) => percent > 0,
        15_000,
      );
      const before = await workersNamed(page, 'nestwalk-sweep');
      check((await terminate(page, 'nestwalk-sweep', 1)) === 1, 'a sweep worker to terminate');
      await expectText(panel(page).locator('.progress-text'), /Done: 32 of 32 points/, 70_000);
      await expectText(
        panel(page).locator('.sweep-rerun'),
        /^A sweep worker stopped \(no progress within 15 s\) and was replaced: 1 point ran again from the start/,
      );
      check((await workersNamed(page, 'nestwalk-sweep')) === before + 1, 'one sweep worker was replaced');
      check(!(await panel(page).locator('.progress-text').innerText()).includes('failed'), 'no point failed');
    },
  },
];
