/**
 * Node's way to the WebAssembly bulk engine: reads the module built by `npm run build:wasm`
 * (src/wasm/bulk/build/bulk.wasm) and instantiates it (docs/wasm-engine.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bulkImports, type BulkExports } from '../engine/wasm-host/bulk-exports';
import { createWasmBulkEngine } from '../engine/wasm-host/wasm-bulk-engine';
import type { BulkEngine } from '../engine/workload/pass-runner';

export const BULK_WASM_PATH = fileURLToPath(new URL('../wasm/bulk/build/bulk.wasm', import.meta.url));

let module: WebAssembly.Module | null = null;

/** The compiled module's size in bytes, after loadWasmBulkEngine. */
export const bulkWasmBytes = (): number => readFileSync(BULK_WASM_PATH).byteLength;

/** A fresh engine (its own instance and memory); throws with the build command when the module is missing. */
export function loadWasmBulkEngine(): BulkEngine {
  if (module === null) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(BULK_WASM_PATH);
    } catch {
      throw new Error(`${BULK_WASM_PATH} is missing: run npm run build:wasm`);
    }
    module = new WebAssembly.Module(new Uint8Array(bytes));
  }
  const instance = new WebAssembly.Instance(module, bulkImports);
  return createWasmBulkEngine(instance.exports as unknown as BulkExports);
}
