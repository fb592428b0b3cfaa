/**
 * What the bulk WebAssembly module exports (src/wasm/bulk/index.ts). The caller instantiates it —
 * Node reads the file, the app fetches its URL — and hands the exports over; the engine layer
 * never loads bytes itself.
 */
export interface BulkExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  configPtr(): number;
  countersPtr(): number;
  statsPtr(): number;
  init(): void;
  run(count: number): void;
  resetCounters(): void;
  lastPa(): number;
}

/** The imports the module expects (AssemblyScript's abort hook). */
export const bulkImports = {
  env: {
    abort(): never {
      throw new Error('the bulk WebAssembly module aborted');
    },
  },
};
