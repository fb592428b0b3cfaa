/**
 * The engine's public surface: everything the worker, the store and the views may use. The
 * scenario contract (parse, build, run, trace) is its own entry point, src/engine/scenario.
 * Lint forbids the layers above from importing any other engine file (eslint.config.js).
 */
export * from './vocabulary';
export * from './events';
export * from './event-references';
export * from './result';
export * from './machine-api';
export * from './paging';
export * from './address';
export * from './cost';
export * from './decode';
export * from './cpu-defaults';
export * from './cache/cache-config';
export * from './cache/snapshot-types';
export * from './cache/presets';
export * from './cache/replay';
export * from './workload/experiment-config';
export * from './workload/run-experiment';
export * from './workload/pass-memo';
export * from './workload/latency-model';
export * from './workload/workload-spec';
export * from './workload/workload-space';
export * from './workload/trace-stream';
export * from './workload/trace-parse';
export * from './workload/pass-result';
export type { BulkEngine, BulkPassRequest, EngineName, PassRunner } from './workload/pass-runner';
// The WebAssembly bulk engine's host side (docs/wasm-engine.md); the caller loads the module.
export * from './wasm-host/bulk-exports';
export { createWasmBulkEngine, wasmUnsupported } from './wasm-host/wasm-bulk-engine';
export * from './exercises';
export * from './hv';
export * from './hv/view';
export * from './lecture';
