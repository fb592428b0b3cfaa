// Step → frame in the page: a probe that times each → from the keydown (captured before the app
// sees it) to the first animation frame after the step counter changed, and to the frame after.
// Shared by the step-frame spec and tests/e2e/measure-step-paint.ts.
import type { Page } from 'playwright-core';
import { expectCounter } from './app';

export interface StepSample {
  /** keydown → DOM updated. */
  commit: number;
  /** keydown → next animation frame. */
  frame: number;
  /** keydown → the frame after (the paint is done). */
  painted: number;
}

/** Installed in the page: one sample per keydown that changes the counter. */
export function installStepProbe(): void {
  interface Sample {
    commit: number;
    frame: number;
    painted: number;
  }
  const w = window as unknown as { __samples: Sample[]; __pending: number | null };
  w.__samples = [];
  w.__pending = null;
  // The floor: a bare DOM change on "b", with no app work, timed the same way.
  const bare = document.body.appendChild(document.createElement('output'));
  bare.style.cssText = 'position:fixed;right:0;bottom:0;font-size:10px';
  // Capture on window: runs before the app's own keydown listener.
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'ArrowRight' && event.key !== 'b') return;
      w.__pending = performance.now();
      if (event.key === 'b') bare.textContent = String(w.__pending);
    },
    { capture: true },
  );
  const counter = document.querySelector('output[aria-label="Memory references"]');
  if (!counter) throw new Error('no counter');
  const observer = new MutationObserver(() => {
    const start = w.__pending;
    if (start === null) return;
    w.__pending = null;
    const commit = performance.now() - start;
    requestAnimationFrame(() => {
      const frame = performance.now() - start;
      requestAnimationFrame(() => w.__samples.push({ commit, frame, painted: performance.now() - start }));
    });
  });
  for (const target of [counter, bare])
    observer.observe(target, { childList: true, characterData: true, subtree: true });
}

export async function stepRound(page: Page, total: number, key = 'ArrowRight'): Promise<void> {
  await page.keyboard.press('Home');
  await expectCounter(page, 0, total);
  await page.waitForTimeout(100);
  for (let i = 1; i <= total; i++) {
    const before = await page.evaluate(
      () => (window as unknown as { __samples: unknown[] }).__samples.length,
    );
    await page.keyboard.press(key);
    await page.waitForFunction(
      (n) => (window as unknown as { __samples: unknown[] }).__samples.length > n,
      before,
      { timeout: 5_000 },
    );
  }
}

export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** "label  median … ms  p95 … ms  max … ms" for a list of milliseconds. */
export function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(1).padStart(6);
  return `${label.padEnd(34)} median ${f(percentile(sorted, 50))} ms   p95 ${f(percentile(sorted, 95))} ms   max ${f(sorted[sorted.length - 1] ?? NaN)} ms`;
}
