// Builds the app into a private temporary folder (or takes dist/), serves it with Vite's preview on
// a free loopback port and launches Chromium: what the e2e runner and the step→paint measurement share.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { chromiumMissingMessage, findChromium } from './find-chromium';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Headless Chromium with the flags this machine needs (CHROME_PATH, /usr/bin/chromium or PATH). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (executablePath === null) throw new Error(chromiumMissingMessage());
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface ServedApp {
  readonly baseUrl: string;
  readonly browser: Browser;
  readonly executablePath: string;
  /** Closes the browser and the server and removes the temporary build. */
  close(): Promise<void>;
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

export interface ServeOptions {
  /** Serve the existing dist/ instead of building. */
  noBuild?: boolean;
  /** Keep names readable (for profiles). */
  noMinify?: boolean;
  log?: (line: string) => void;
}

export async function serveApp(options: ServeOptions = {}): Promise<ServedApp> {
  const log = options.log ?? ((line: string) => console.log(line));
  const executablePath = findChromium();
  if (!executablePath) throw new Error(chromiumMissingMessage());

  let outDir = join(repoRoot, 'dist');
  let tempOutDir: string | null = null;
  let server: PreviewServer | null = null;
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    if (tempOutDir) rmSync(tempOutDir, { recursive: true, force: true });
  };
  try {
    if (!options.noBuild) {
      // A private output folder: a build running beside us in dist/ can't change what we test.
      tempOutDir = mkdtempSync(join(tmpdir(), 'nestwalk-e2e-'));
      outDir = tempOutDir;
      const t = Date.now();
      await build({
        root: repoRoot,
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true, ...(options.noMinify && { minify: false }) },
      });
      log(`e2e: built the app in ${seconds(t)}`);
    }
    server = await preview({
      root: repoRoot,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string') throw new Error('e2e: preview server has no port');
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    return { baseUrl: `http://127.0.0.1:${address.port}/`, browser, executablePath, close };
  } catch (error) {
    await close();
    throw error;
  }
}
