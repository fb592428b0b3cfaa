// axe-core in the page under test: its script is injected (the app does not ship it) and run over
// the whole document; the result is cut down to what a report and an assertion need.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
export const IMPACTS: readonly Impact[] = ['critical', 'serious', 'moderate', 'minor'];

export interface AxeViolation {
  id: string;
  impact: Impact;
  help: string;
  /** Selector and failure summary of each offending node. */
  nodes: string[];
  nodeCount: number;
}

export interface AxeReport {
  violations: AxeViolation[];
  /** Offending nodes per impact (one rule failing on 3 nodes counts 3). */
  counts: Record<Impact, number>;
}

interface RawResult {
  violations: {
    id: string;
    impact: Impact | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

/** Runs axe-core (WCAG 2 A/AA and best-practice rules) over the page as it is now. */
export async function runAxe(page: Page): Promise<AxeReport> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated, not added as a <script>: the app's Content-Security-Policy refuses inline scripts.
  if (!loaded) await page.evaluate(readFileSync(axePath, 'utf8'));
  const raw = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    })) as RawResult;
    // Only what crosses back: axe's result holds DOM references.
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
      })),
    };
  })) as RawResult;
  const counts: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  const violations = raw.violations.map((v): AxeViolation => {
    const impact = v.impact ?? 'minor';
    counts[impact] += v.nodes.length;
    return {
      id: v.id,
      impact,
      help: v.help,
      nodeCount: v.nodes.length,
      nodes: v.nodes.map(
        (n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`,
      ),
    };
  });
  return { violations, counts };
}

/** "critical 0 · serious 0 · moderate 1 · minor 0". */
export const formatCounts = (counts: Record<Impact, number>) =>
  IMPACTS.map((impact) => `${impact} ${counts[impact]}`).join(' · ');

/** One line per violated rule with its first nodes, for a failure message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `[${v.impact}] ${v.id} (${v.nodeCount}): ${v.help}\n${v.nodes
          .slice(0, 6)
          .map((n) => `    ${n}`)
          .join('\n')}`,
    )
    .join('\n');
}
