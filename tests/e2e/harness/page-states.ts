// The states of the page a user meets on the way through a lecture: each one reached from a fresh
// page the way a user would reach it (clicks, keys, pickers), and settled before anyone looks.
import type { Page } from 'playwright-core';
import { expectCounter, openApp, readCounter, stepForwardTimes } from './app';
import { eventually, expectText, expectVisible } from './expect';

export interface PageState {
  name: string;
  /** Brings a fresh page at `baseUrl` into the state. */
  reach: (page: Page, baseUrl: string) => Promise<void>;
  /** Generous per-state limit (the experiment runs a sweep). */
  timeoutMs?: number;
}

const scenarioPicker = (page: Page) => page.getByRole('combobox', { name: 'Scenario', exact: true });
const cachePreset = (page: Page) => page.getByRole('combobox', { name: 'Cache preset', exact: true });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

export async function choosePreset(page: Page, file: string): Promise<void> {
  await scenarioPicker(page).selectOption(file);
  await eventually(
    `preset ${file} to be selected`,
    () => scenarioPicker(page).inputValue({ timeout: 500 }),
    (value) => value === file,
    10_000,
  );
  await expectCounter(page, 0, null, 10_000);
}

export async function chooseCachePreset(page: Page, name: string): Promise<void> {
  await cachePreset(page).selectOption(name);
  await eventually(
    `cache preset ${name} to be on screen`,
    () => page.locator('.caches-section:not(.is-empty)').count(),
    (count) => count === 1,
    10_000,
  );
  await expectCounter(page, 0, null, 10_000);
}

/** Clicks End and waits for the counter to read total / total. */
export async function goToEnd(page: Page): Promise<void> {
  const [, total] = await readCounter(page);
  await button(page, 'End').click();
  await expectCounter(page, total, total);
}

async function runLectureExperiment(page: Page): Promise<void> {
  const panel = page.getByRole('region', { name: 'Experiments' });
  await expectVisible(panel, 15_000);
  await panel.getByRole('button', { name: 'Lecture experiment', exact: true }).click();
  await expectText(panel.locator('.progress-text'), /Done: \d+ of \d+ points/, 50_000);
}

export const PAGE_STATES: PageState[] = [
  { name: 'default', reach: (page, url) => openApp(page, url) },
  {
    name: 'mid-walk',
    reach: async (page, url) => {
      await openApp(page, url);
      await stepForwardTimes(page, 12);
    },
  },
  {
    name: 'end of walk',
    reach: async (page, url) => {
      await openApp(page, url);
      await goToEnd(page);
    },
  },
  {
    name: 'fault preset',
    reach: async (page, url) => {
      await openApp(page, url);
      await choosePreset(page, 'pf-not-present.json');
      await goToEnd(page);
    },
  },
  {
    name: 'cache preset',
    reach: async (page, url) => {
      await openApp(page, url);
      await chooseCachePreset(page, 'skylake');
      await stepForwardTimes(page, 6);
    },
  },
  {
    name: 'presenter mode',
    reach: async (page, url) => {
      await openApp(page, url);
      await button(page, 'Presenter mode').click();
      await eventually(
        'presenter mode to be on',
        () => page.evaluate(() => document.documentElement.dataset.presenter),
        (value) => value === 'true',
      );
      await stepForwardTimes(page, 5);
    },
  },
  {
    name: 'dark mode',
    reach: async (page, url) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await openApp(page, url);
      await eventually(
        'the dark theme',
        () => page.evaluate(() => document.documentElement.dataset.theme),
        (value) => value === 'dark',
      );
      await stepForwardTimes(page, 5);
    },
  },
  {
    name: 'dark mode, fault and caches',
    reach: async (page, url) => {
      await openApp(page, url);
      await button(page, 'Dark theme').click();
      await choosePreset(page, 'ept-violation-data.json');
      await chooseCachePreset(page, 'skylake');
      await goToEnd(page);
    },
  },
  {
    name: 'dark presenter mode',
    reach: async (page, url) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await openApp(page, url);
      await button(page, 'Presenter mode').click();
      await stepForwardTimes(page, 3);
    },
  },
  {
    name: 'predict mode, an answer checked',
    reach: async (page, url) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await openApp(page, `${url}?predict=1`);
      const form = page.getByRole('form', { name: 'Your prediction' });
      await form.getByLabel('References in all').fill('20');
      await form.getByRole('button', { name: 'Check' }).click();
      await expectText(page.locator('.predict-score'), 'Score: 0 of 1 right');
    },
  },
  {
    name: 'experiments done',
    timeoutMs: 75_000,
    reach: async (page, url) => {
      await openApp(page, url);
      await runLectureExperiment(page);
    },
  },
  {
    name: 'experiments done, dark',
    timeoutMs: 75_000,
    reach: async (page, url) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await openApp(page, url);
      await runLectureExperiment(page);
    },
  },
];
