/**
 * Builds the bulk WebAssembly module before the Node tests when it is missing or older than its
 * source (docs/wasm-engine.md): the build output is never committed.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BULK_WASM_PATH } from '../src/cli/wasm-bulk';

const SOURCE_DIR = join(import.meta.dirname, '../src/wasm/bulk');

function stale(): boolean {
  let built: number;
  try {
    built = statSync(BULK_WASM_PATH).mtimeMs;
  } catch {
    return true;
  }
  return readdirSync(SOURCE_DIR).some((name) => statSync(join(SOURCE_DIR, name)).mtimeMs > built);
}

export default function setup(): void {
  if (stale()) execFileSync('npm', ['run', '--silent', 'build:wasm'], { stdio: 'inherit' });
}
