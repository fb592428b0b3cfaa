// axe-core over the states a lecture passes through; prints each state's counts (all impacts) and
// fails on any critical or serious violation.
import { describeViolations, formatCounts, runAxe } from '../harness/axe';
import { check } from '../harness/expect';
import { PAGE_STATES } from '../harness/page-states';
import type { E2ETest } from '../harness/types';

export const tests: E2ETest[] = PAGE_STATES.map((state): E2ETest => ({
  name: `axe: ${state.name} has no critical or serious violations`,
  timeoutMs: state.timeoutMs ?? 30_000,
  fn: async (page, baseUrl) => {
    await state.reach(page, baseUrl);
    const report = await runAxe(page);
    console.log(`    axe ${state.name}: ${formatCounts(report.counts)}`);
    const blocking = report.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
    check(blocking.length === 0, `critical or serious violations:\n${describeViolations(blocking)}`);
  },
}));
