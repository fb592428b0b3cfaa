/**
 * npm run bench [-- --json] [--runs N] [--only a,b,b',c,d,e,f]
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
import { benchSweep } from './bench-sweep';
import { bulkWasmBytes, loadWasmBulkEngine } from './wasm-bulk';

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
// The same cases on the WebAssembly engine (docs/wasm-engine.md), each right after its TypeScript run.
const wasm: BenchOptions = { ...options, bulk: loadWasmBulkEngine() };
const cases: [string, (o: BenchOptions) => BenchResult][] = [
  ['a', benchTlbHits],
  ['b', benchCachedChase],
  ["b'", benchUncachedChase],
  ['c', benchFullWalks],
  ['d', benchPeakMemory],
  // A fresh engine per configuration, as the sweep workers give each experiment one.
  ['f', (o) => benchSweep(o.runs, o.bulk != null ? loadWasmBulkEngine : null)],
];
const results: BenchResult[] = [];
for (const [key, run] of cases) {
  if (only !== null && !only.has(key)) continue;
  const result = run(options);
  const onWasm = run(wasm);
  results.push(result, withSpeedup(onWasm, result));
  if (!json) console.log(formatBench(result));
  if (!json) console.log(formatBench(withSpeedup(onWasm, result)));
}
if (!json) console.log(`wasm module: ${bulkWasmBytes()} bytes (src/wasm/bulk/build/bulk.wasm)`);
const lecture = only === null || only.has('e') ? lectureTable() : null;
if (lecture !== null && !json) console.log(formatLecture(lecture));
if (json) {
  console.log(
    JSON.stringify({ node: process.version, runs, wasmBytes: bulkWasmBytes(), results, lecture }, null, 2),
  );
}

/** The wasm result with its rate over the TypeScript one's (rates only, not memory). */
function withSpeedup(onWasm: BenchResult, onTs: BenchResult): BenchResult {
  if (
    onWasm.status !== 'ok' ||
    onTs.status !== 'ok' ||
    onWasm.unit !== onTs.unit ||
    onTs.unit.startsWith('MiB')
  )
    return onWasm;
  // Durations (the sweep) compare by their access rates: the two runs differ in length.
  const rateOf = (r: typeof onWasm) => (r.unit === 's' ? Number(r.details?.accessesPerCpuSecond) : r.value);
  const speedup = Math.round((rateOf(onWasm) / rateOf(onTs)) * 100) / 100;
  return { ...onWasm, details: { ...onWasm.details, timesTypeScript: speedup } };
}
