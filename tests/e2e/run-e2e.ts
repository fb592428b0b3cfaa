// End-to-end tests in real headless Chromium: build the app, serve it on a free loopback port,
// run every tests/e2e/specs/*.e2e.ts, print "N passed, N failed", exit non-zero on any failure.
//
//   npm run test:e2e                      build + run everything
//   npm run test:e2e -- --grep "walk ›"   only tests whose "<spec> › <name>" contains the text
//   npm run test:e2e -- --no-build        serve the existing dist/ instead of building
//
// Chromium: CHROME_PATH, else /usr/bin/chromium, else chromium/google-chrome on PATH.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { chromiumMissingMessage, findChromium } from './harness/find-chromium';
import { runSpecs, type SpecFile } from './harness/runner';
import type { E2ESpecModule } from './harness/types';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');
const specsDir = join(here, 'specs');
const artifactsDir = join(root, 'test-artifacts', 'e2e');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface Args {
  grep?: string;
  noBuild: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { noBuild: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') args.noBuild = true;
    else if (arg === '--grep') args.grep = argv[++i];
    else if (arg?.startsWith('--grep=')) args.grep = arg.slice('--grep='.length);
    else throw new Error(`e2e: unknown argument ${arg}`);
  }
  return args;
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function loadSpecs(): Promise<SpecFile[]> {
  const files = readdirSync(specsDir)
    .filter((f) => f.endsWith('.e2e.ts'))
    .sort();
  const specs: SpecFile[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(specsDir, file)).href)) as Partial<E2ESpecModule>;
    if (!Array.isArray(mod.tests)) throw new Error(`e2e: ${file} does not export "tests"`);
    specs.push({ name: basename(file, '.e2e.ts'), tests: mod.tests });
  }
  return specs;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(chromiumMissingMessage());
    return 1;
  }

  const specs = await loadSpecs();

  let outDir = join(root, 'dist');
  let tempOutDir: string | null = null;
  let server: PreviewServer | null = null;
  let browser: Browser | null = null;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    if (tempOutDir) rmSync(tempOutDir, { recursive: true, force: true });
  };
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    if (!args.noBuild) {
      // A private output folder: a build running beside us in dist/ can't change what we test.
      tempOutDir = mkdtempSync(join(tmpdir(), 'nestwalk-e2e-'));
      outDir = tempOutDir;
      const t = Date.now();
      await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
      console.log(`e2e: built the app in ${seconds(t)}`);
    }

    server = await preview({
      root,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string') throw new Error('e2e: preview server has no port');
    const baseUrl = `http://127.0.0.1:${address.port}/`;

    const t = Date.now();
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    console.log(`e2e: ${basename(executablePath)} ${browser.version()} on ${baseUrl}`);

    const summary = await runSpecs(specs, { browser, baseUrl, artifactsDir, grep: args.grep });
    console.log(`e2e: ran ${summary.passed + summary.failed} test(s) in ${seconds(t)}`);
    if (summary.failed > 0) {
      console.log('e2e: failed:');
      for (const f of summary.failures) console.log(`  - ${f.title}`);
    }
    console.log(`${summary.passed} passed, ${summary.failed} failed`);
    return summary.failed > 0 || summary.passed === 0 ? 1 : 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
