import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const CANDIDATE_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROME_PATH, then /usr/bin/chromium, then the usual names on PATH; null when none exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : null;
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of CANDIDATE_NAMES) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  return null;
}

export function chromiumMissingMessage(env: NodeJS.ProcessEnv = process.env): string {
  const where = env.CHROME_PATH
    ? `CHROME_PATH=${env.CHROME_PATH} is not an executable file.`
    : `No Chromium found (looked at CHROME_PATH, /usr/bin/chromium, and ${CANDIDATE_NAMES.join('/')} on PATH).`;
  return [
    `e2e: ${where}`,
    'The end-to-end tests drive a real Chromium. Install it with',
    '    sudo apt-get install chromium',
    'or point CHROME_PATH at a Chromium/Chrome binary, e.g. CHROME_PATH=/opt/chrome/chrome npm run test:e2e',
  ].join('\n');
}
