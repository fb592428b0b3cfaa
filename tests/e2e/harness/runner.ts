import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { E2ETest } from './types';

export interface SpecFile {
  /** Short name, e.g. "walk" for specs/walk.e2e.ts. */
  name: string;
  tests: E2ETest[];
}

export interface RunOptions {
  browser: Browser;
  baseUrl: string;
  artifactsDir: string;
  /** Only tests whose "<spec> › <name>" contains this text. */
  grep?: string;
  log?: (line: string) => void;
}

export interface RunSummary {
  passed: number;
  failed: number;
  failures: { title: string; error: string; screenshot: string | null }[];
}

const DEFAULT_TEST_TIMEOUT_MS = 30_000;
const ACTION_TIMEOUT_MS = 5_000;

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Console errors and uncaught exceptions on the page: any of them fails the test. */
function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location();
    // Chromium asks for /favicon.ico on its own; a missing icon is not an app error.
    if (/\/favicon\.ico$/.test(where.url) && message.text().startsWith('Failed to load resource')) return;
    const at = where.url ? ` (${where.url}:${where.lineNumber})` : '';
    errors.push(`console.error: ${message.text()}${at}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught page error: ${error.stack ?? error.message}`));
  page.on('crash', () => errors.push('page crashed'));
  return errors;
}

/** Runs every test in a fresh browser context and page; never throws for a failing test. */
export async function runSpecs(specs: SpecFile[], options: RunOptions): Promise<RunSummary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const summary: RunSummary = { passed: 0, failed: 0, failures: [] };
  mkdirSync(options.artifactsDir, { recursive: true });

  for (const spec of specs) {
    for (const test of spec.tests) {
      const title = `${spec.name} › ${test.name}`;
      if (options.grep && !title.includes(options.grep)) continue;
      const started = Date.now();
      const context = await options.browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      page.setDefaultTimeout(ACTION_TIMEOUT_MS);
      page.setDefaultNavigationTimeout(15_000);
      const pageErrors = watchPageErrors(page);
      let error: string | null = null;
      try {
        await withTimeout(test.fn(page, options.baseUrl), test.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS, title);
      } catch (e) {
        error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      }
      // Errors logged while the last action settled still count.
      if (pageErrors.length > 0) {
        const listed = pageErrors.map((line) => `  ${line}`).join('\n');
        error = `${error ? `${error}\n` : ''}page reported errors:\n${listed}`;
      }
      const ms = Date.now() - started;
      if (error === null) {
        summary.passed++;
        log(`  ✓ ${title} (${ms} ms)`);
      } else {
        summary.failed++;
        let screenshot: string | null = join(options.artifactsDir, `failed-${slug(title)}.png`);
        try {
          await page.screenshot({ path: screenshot, timeout: 5_000 });
        } catch {
          screenshot = null;
        }
        summary.failures.push({ title, error, screenshot });
        log(`  ✗ ${title} (${ms} ms)`);
        log(indent(error));
        if (screenshot) log(`    screenshot: ${screenshot}`);
      }
      await context.close().catch(() => undefined);
    }
  }
  return summary;
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
