/**
 * npm run bench [-- --json] [--runs N] [--only a,b,b',c,d,e]
 * Engine throughput on one core: each case runs several times and reports the median.
 */
import {
  benchCachedChase,
  benchFullWalks,
  benchPeakMemory,
  benchTlbHits,
  benchUncachedChase,
  type BenchOptions,
} from './bench-cases';
import type { BenchResult } from './bench-measure';
import { formatBench } from './bench-format';
import { cachedMachineFactory } from './bench-machine';
import { formatLecture, lectureTable } from './bench-lecture';

const args = process.argv.slice(2);
const json = args.includes('--json');
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? new Set(args[onlyArg + 1]!.split(',')) : null;
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs takes a positive integer');
  process.exit(2);
}

const options: BenchOptions = { runs, cachedMachine: cachedMachineFactory() };
const cases: [string, (o: BenchOptions) => BenchResult][] = [
  ['a', benchTlbHits],
  ['b', benchCachedChase],
  ["b'", benchUncachedChase],
  ['c', benchFullWalks],
  ['d', benchPeakMemory],
];
const results: BenchResult[] = [];
for (const [key, run] of cases) {
  if (only !== null && !only.has(key)) continue;
  const result = run(options);
  results.push(result);
  if (!json) console.log(formatBench(result));
}
const lecture = only === null || only.has('e') ? lectureTable() : null;
if (lecture !== null && !json) console.log(formatLecture(lecture));
if (json) {
  console.log(JSON.stringify({ node: process.version, runs, results, lecture }, null, 2));
}
