import type { Page } from 'playwright-core';

/** One end-to-end test: gets a fresh page (1280×720) and the base URL of the served build. */
export interface E2ETest {
  name: string;
  fn: (page: Page, baseUrl: string) => Promise<void>;
  /** Per-test limit in milliseconds (default 30 000). */
  timeoutMs?: number;
}

/** A spec module under tests/e2e/specs/*.e2e.ts exports `tests`. */
export interface E2ESpecModule {
  tests: E2ETest[];
}
