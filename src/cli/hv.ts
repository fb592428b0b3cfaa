/** Entry point of `npm run --silent hv -- <script.json | -> [--mode …] [--json]`; see hv-command.ts. */
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { hvCommand } from './hv-command';

process.exitCode = await hvCommand(process.argv.slice(2), {
  readFile: (path) => readFile(path, 'utf8'),
  readStdin: () => text(process.stdin),
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
});
