import type { Locator } from 'playwright-core';

const DEFAULT_TIMEOUT_MS = 5_000;
const POLL_MS = 50;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until `accept` says yes, or fails after `timeoutMs` with the last value seen.
 * `probe` errors (element not there yet, strict-mode ambiguity) count as "not yet" and are reported.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: { value: T } | { error: unknown };
  for (;;) {
    try {
      const value = await probe();
      if (accept(value)) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() >= deadline) break;
    await sleep(POLL_MS);
  }
  const seen = 'error' in last ? `error: ${firstLine(last.error)}` : JSON.stringify(last.value);
  throw new Error(`expected ${what} within ${timeoutMs} ms; last seen ${seen}`);
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

/** The one element `locator` matches; "not there" and "ambiguous" become readable errors. */
async function single(locator: Locator): Promise<Locator> {
  const count = await locator.count();
  if (count === 0) throw new Error('no element matches');
  if (count > 1) throw new Error(`${count} elements match (ambiguous)`);
  return locator;
}

const normalize = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

function matches(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}

/** The element's text (whitespace collapsed) eventually contains/matches `expected`. */
export async function expectText(
  locator: Locator,
  expected: string | RegExp,
  timeoutMs?: number,
): Promise<string> {
  return eventually(
    `${String(locator)} to have text ${String(expected)}`,
    async () => normalize(await (await single(locator)).textContent({ timeout: 500 })),
    (text) => matches(text, expected),
    timeoutMs,
  );
}

/** The element is eventually visible. */
export async function expectVisible(locator: Locator, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The element's attribute eventually equals `expected`. */
export async function expectAttribute(
  locator: Locator,
  name: string,
  expected: string,
  timeoutMs?: number,
): Promise<void> {
  await eventually(
    `${String(locator)} to have ${name}="${expected}"`,
    async () => (await single(locator)).getAttribute(name, { timeout: 500 }),
    (value) => value === expected,
    timeoutMs,
  );
}

/** Fails with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
