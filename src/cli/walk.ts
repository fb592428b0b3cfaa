/** Entry point of `npm run --silent walk -- <scenario.json | -> [--json]`; see walk-command.ts. */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { walkCommand } from './walk-command';

// Whatever escapes (a closed pipe, an error in a stream) is still one line, never a stack trace.
const lastResort = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'EPIPE') {
    process.stderr.write(
      `walk: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
};
process.on('uncaughtException', lastResort);
process.on('unhandledRejection', lastResort);
process.stdout.on('error', lastResort);

process.exitCode = await walkCommand(process.argv.slice(2), {
  readFile: (path) => readFile(path, 'utf8'),
  readStdin: () => text(process.stdin),
  stdout: (chunk) => (process.stdout.write(chunk) ? undefined : once(process.stdout, 'drain').then(() => {})),
  stderr: (chunk) => process.stderr.write(chunk),
});
