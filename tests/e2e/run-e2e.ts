// End-to-end tests in real headless Chromium: build the app, serve it on a free loopback port,
// run every tests/e2e/specs/*.e2e.ts, print "N passed, N failed", exit non-zero on any failure.
//
//   npm run test:e2e                      build + run everything
//   npm run test:e2e -- --grep "walk ›"   only tests whose "<spec> › <name>" contains the text
//   npm run test:e2e -- --no-build        serve the existing dist/ instead of building
//
// Chromium: CHROME_PATH, else /usr/bin/chromium, else chromium/google-chrome on PATH.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromiumMissingMessage, findChromium } from './harness/find-chromium';
import { runSpecs, type SpecFile } from './harness/runner';
import { repoRoot, serveApp, type ServedApp } from './harness/serve';
import type { E2ESpecModule } from './harness/types';

const here = fileURLToPath(new URL('.', import.meta.url));
const specsDir = join(here, 'specs');
const artifactsDir = join(repoRoot, 'test-artifacts', 'e2e');

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
  if (!findChromium()) {
    console.error(chromiumMissingMessage());
    return 1;
  }
  const specs = await loadSpecs();

  let app: ServedApp | null = null;
  const onSignal = () => void (app?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    app = await serveApp({ noBuild: args.noBuild });
    const t = Date.now();
    console.log(`e2e: ${basename(app.executablePath)} ${app.browser.version()} on ${app.baseUrl}`);

    const summary = await runSpecs(specs, {
      browser: app.browser,
      baseUrl: app.baseUrl,
      artifactsDir,
      grep: args.grep,
    });
    console.log(`e2e: ran ${summary.passed + summary.failed} test(s) in ${seconds(t)}`);
    if (summary.failed > 0) {
      console.log('e2e: failed:');
      for (const f of summary.failures) console.log(`  - ${f.title}`);
    }
    console.log(`${summary.passed} passed, ${summary.failed} failed`);
    return summary.failed > 0 || summary.passed === 0 ? 1 : 0;
  } finally {
    await app?.close();
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
