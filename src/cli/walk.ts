/** Entry point of `npm run --silent walk -- <scenario.json | -> [--json]`; see walk-command.ts. */
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { walkCommand } from './walk-command';

process.exitCode = await walkCommand(process.argv.slice(2), {
  readFile: (path) => readFile(path, 'utf8'),
  readStdin: () => text(process.stdin),
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
});
