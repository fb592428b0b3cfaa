import type { Page } from 'playwright-core';
import { eventually, expectText } from './expect';

// Stable accessible names the UI promises; the specs reach the app only through these.
// Exact names: other labels may contain the same words.
export const counter = (page: Page) => page.getByLabel('Memory references', { exact: true });
export const stepForward = (page: Page) => page.getByRole('button', { name: 'Step forward', exact: true });
export const stepBack = (page: Page) => page.getByRole('button', { name: 'Step back', exact: true });
export const reset = (page: Page) => page.getByRole('button', { name: 'Reset', exact: true });
export const play = (page: Page) => page.getByRole('button', { name: 'Play', exact: true });

/** "<step> / <total>" somewhere in the counter, digits not glued to others. */
export function counterPattern(step: number | null, total: number | null): RegExp {
  const s = step === null ? '\\d+' : String(step);
  const t = total === null ? '\\d+' : String(total);
  return new RegExp(`(?:^|\\D)${s}\\s*/\\s*${t}(?:\\D|$)`);
}

/** Waits until the counter reads `step / total`. */
export async function expectCounter(
  page: Page,
  step: number | null,
  total: number | null,
  timeoutMs?: number,
) {
  return expectText(counter(page), counterPattern(step, total), timeoutMs);
}

/** Current `[step, total]` read from the counter. */
export async function readCounter(page: Page): Promise<[number, number]> {
  const text = await expectText(counter(page), counterPattern(null, null));
  const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
  if (!m) throw new Error(`counter text "${text}" has no "step / total"`);
  return [Number(m[1]), Number(m[2])];
}

/** Opens the app and waits for the first walk to be on screen (the counter has a non-zero total). */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expectText(counter(page), /(?:^|\D)\d+\s*\/\s*[1-9]\d*(?:\D|$)/, 10_000);
}

/** Clicks Step forward `times` times, waiting for each step to land before the next click. */
export async function stepForwardTimes(page: Page, times: number): Promise<void> {
  const [start] = await readCounter(page);
  for (let i = 1; i <= times; i++) {
    await stepForward(page).click();
    await eventually(
      `counter step ${start + i}`,
      () => readCounter(page),
      ([step]) => step === start + i,
    );
  }
}
