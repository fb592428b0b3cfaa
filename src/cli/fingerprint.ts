/**
 * npm run fingerprint [-- --lines] [--engine wasm]
 * One hash of what the engine computes over a grid of experiments — cache presets × workloads ×
 * heap sizes × native / EPT / NPT × guest page sizes, 4- and 5-level — with every cache counter.
 * A change meant only to make the engine faster must leave it as it was: run it before and after.
 * `--lines` prints each experiment's result, to find the first that differs. `--engine wasm` runs
 * the grid on the WebAssembly engine (docs/wasm-engine.md): it must print the same hash.
 */
import { createHash } from 'node:crypto';
import type { Machine } from '../engine/machine-api';
import type { CacheCounters } from '../engine/cache/snapshot-types';
import { defaultMachineFactory, runExperiment } from '../engine/workload/run-experiment';
import { fingerprintGrid, fingerprintLine } from './fingerprint-grid';
import { loadWasmBulkEngine } from './wasm-bulk';

const args = process.argv.slice(2);
const printLines = args.includes('--lines');
const engineArg = args.indexOf('--engine');
const engine = engineArg >= 0 ? args[engineArg + 1] : 'typescript';
if (engine !== 'typescript' && engine !== 'wasm') {
  console.error('--engine takes typescript or wasm');
  process.exit(2);
}
const bulk = engine === 'wasm' ? loadWasmBulkEngine() : null;
const hash = createHash('sha1');
let count = 0;
let fallbacks = 0;
for (const config of fingerprintGrid()) {
  let counters: CacheCounters | null = null;
  let machine: Machine | null = null;
  const result =
    bulk === null
      ? runExperiment(config, {
          createMachine: (c, memory, caches) => (machine = defaultMachineFactory(c, memory, caches)),
        })
      : runExperiment(config, { bulk, onPass: (_pass, runner) => (counters = runner.cacheCounters()) });
  if (bulk !== null && result.engine !== 'wasm') fallbacks++;
  const line = fingerprintLine(config, result, (machine as Machine | null)?.cacheCounters() ?? counters);
  hash.update(line + '\n');
  count++;
  if (printLines) console.log(line);
}
const note = bulk === null ? '' : ` (wasm engine; ${fallbacks} fell back to TypeScript)`;
console.log(`${count} experiments, fingerprint ${hash.digest('hex')}${note}`);
