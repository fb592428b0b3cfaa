// Damaged links and imports fed to the built app (docs/robustness.md, "Fuzzing"): each ends in the
// scenario it carries or in a clear message; a refused one leaves the document, the walk position
// and the address bar as they were; the page never reports an error. Seeded, so a failure replays.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { deflateSync } from 'fflate';
import { counter, expectCounter, openApp, readCounter } from '../harness/app';
import { check, eventually } from '../harness/expect';
import type { E2ETest } from '../harness/types';
import { encodeLink } from '../../../src/state/url-codec';
import { damagedHash, damagedText, mutateValue, seeded } from '../../fuzz/mutate';

const scenarios = join(import.meta.dirname, '..', '..', '..', 'public', 'scenarios');
const presetText = (file: string) => readFileSync(join(scenarios, file), 'utf8');
const PRESETS = ['default.json', 'npt.json', 'five-level.json', 'pf-not-present.json', 'caches-skylake.json'];
const alert = (page: Page) => page.getByRole('alert');
const hashOf = (page: Page) => page.evaluate(() => window.location.hash);
const toBase64Url = (bytes: Uint8Array) =>
  Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

interface Counts {
  tried: number;
  clean: number;
  crash: number;
  hang: number;
}
const report = (what: string, c: Counts) =>
  console.log(`    ${what}: tried ${c.tried}, clean ${c.clean}, crash ${c.crash}, hang ${c.hang}`);

/** Links: a few by hand (a zip bomb, a repeated key, malformed fields), the rest seeded damage. */
function damagedLinks(count: number): string[] {
  const random = seeded(0x11a4);
  const preset = JSON.parse(presetText('default.json')) as Record<string, unknown>;
  const bomb = toBase64Url(deflateSync(new Uint8Array(9 * 1024 * 1024).fill(0x20), { level: 9 }));
  const repeated = toBase64Url(deflateSync(new TextEncoder().encode('{"name":"a","name":"b"}')));
  const links = [
    `#z=${bomb}&step=2`,
    `#z=${repeated}`,
    encodeLink({ scenario: { ...preset, name: { text: 'x' } }, accessIndex: 0, step: 0 }),
    encodeLink({ scenario: { ...preset, accesses: 'all of them' }, accessIndex: 0, step: 0 }),
    '#s=eyJjcHUiOnsiY3Iz!!!&step=4',
  ];
  while (links.length < count) {
    const good = JSON.parse(presetText(PRESETS[links.length % PRESETS.length]!)) as unknown;
    links.push(
      random() < 0.5
        ? encodeLink({ scenario: mutateValue(random, good), accessIndex: 0, step: 2 })
        : damagedHash(random, encodeLink({ scenario: good, accessIndex: 0, step: 2 })),
    );
  }
  return links;
}

/** Import files: a few by hand, the rest seeded damage of the presets. */
function damagedFiles(count: number): { name: string; text: string }[] {
  const random = seeded(0x1f11e);
  const preset = JSON.parse(presetText('default.json')) as Record<string, unknown>;
  const files = [
    { name: 'twice.json', text: '{\n  "name": "a",\n  "name": "b"\n}' },
    { name: 'name-object.json', text: JSON.stringify({ ...preset, name: { text: 'x' } }) },
    { name: 'accesses-text.json', text: JSON.stringify({ ...preset, accesses: 'all of them' }) },
    { name: 'cut.json', text: '{ "cpu": ' },
    { name: 'deep.json', text: `{"cpu":{"cr3":${'['.repeat(5000)}${']'.repeat(5000)}}}` },
  ];
  while (files.length < count) {
    const text = damagedText(random, presetText(PRESETS[files.length % PRESETS.length]!));
    files.push({ name: `damaged-${files.length}.json`, text });
  }
  return files;
}

function watchErrors(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on('pageerror', () => seen.count++);
  page.on('console', (message) => {
    if (message.type() === 'error') seen.count++;
  });
  return seen;
}

export const tests: E2ETest[] = [
  {
    name: '40 damaged links: each opens or says "Link problem"; a refused one keeps its URL and shows the first preset',
    timeoutMs: 240_000,
    fn: async (page, baseUrl) => {
      const errors = watchErrors(page);
      const c: Counts = { tried: 0, clean: 0, crash: 0, hang: 0 };
      const links = damagedLinks(40);
      for (const [i, hash] of links.entries()) {
        c.tried++;
        const errorsBefore = errors.count;
        // A query that differs per case: a new document, not a hash change within the old one.
        await page.goto(`${baseUrl}/?case=${i}${hash}`);
        try {
          await eventually(
            'a walk or a message',
            () => counter(page).textContent({ timeout: 500 }),
            (t) => /\/\s*[1-9]/.test(t ?? ''),
            10_000,
          );
        } catch {
          c.hang++;
          continue;
        }
        // Past the address bar's write delay: a refused link must still be there.
        await page.waitForTimeout(400);
        const shown = (await alert(page).count()) > 0 ? await alert(page).innerText() : '';
        if (shown.startsWith('Link problem')) {
          check((await hashOf(page)) === hash, `case ${i}: the damaged link stays in the address bar`);
          check(/\S+\n\S/.test(shown), `case ${i}: the message says what is wrong: ${shown}`);
          await expectCounter(page, null, 24); // the first preset (default.json) stands in
        } else {
          check(shown === '', `case ${i}: an opened link shows no other message: ${shown}`);
        }
        if (errors.count > errorsBefore) c.crash++;
        else c.clean++;
      }
      report('links', c);
      check(c.clean === links.length, `all ${links.length} links clean: ${JSON.stringify(c)}`);
    },
  },
  {
    name: '40 damaged imports: each loads or says "Could not import"; a refused one keeps the document, the step and the URL',
    timeoutMs: 240_000,
    fn: async (page, baseUrl) => {
      const errors = watchErrors(page);
      await openApp(page, baseUrl);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expectCounter(page, 2, 24);
      const input = page.getByLabel('Import scenario', { exact: true });
      const c: Counts = { tried: 0, clean: 0, crash: 0, hang: 0 };
      const files = damagedFiles(40);
      for (const [i, file] of files.entries()) {
        c.tried++;
        const errorsBefore = errors.count;
        await page.waitForTimeout(300); // the address bar has caught up with the view
        const before = { hash: await hashOf(page), at: await readCounter(page) };
        await input.setInputFiles({
          name: file.name,
          mimeType: 'application/json',
          buffer: Buffer.from(file.text),
        });
        let outcome: 'refused' | 'loaded';
        try {
          outcome = await eventually(
            `case ${i}: a message or the imported walk`,
            async () => {
              if ((await alert(page).count()) > 0) return 'refused' as const;
              return (await hashOf(page)) !== before.hash ? ('loaded' as const) : null;
            },
            (v) => v !== null,
            10_000,
          ).then((v) => v!);
        } catch {
          c.hang++;
          continue;
        }
        if (outcome === 'refused') {
          const shown = await alert(page).innerText();
          check(shown.startsWith('Could not import'), `case ${i}: says it could not import: ${shown}`);
          check(shown.includes(file.name), `case ${i}: names the file`);
          check(shown.includes('Nothing was imported'), `case ${i}: says nothing was imported`);
          await page.waitForTimeout(300);
          check((await hashOf(page)) === before.hash, `case ${i}: the address bar is unchanged`);
          const at = await readCounter(page);
          check(
            at[0] === before.at[0] && at[1] === before.at[1],
            `case ${i}: the walk position is unchanged`,
          );
          await alert(page).getByRole('button', { name: 'Dismiss' }).click();
        }
        if (errors.count > errorsBefore) c.crash++;
        else c.clean++;
      }
      report('imports', c);
      check(c.clean === files.length, `all ${files.length} imports clean: ${JSON.stringify(c)}`);
    },
  },
  {
    name: 'an import with a UTF-8 byte-order mark opens',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(presetText('native.json'))]);
      await page
        .getByLabel('Import scenario', { exact: true })
        .setInputFiles({ name: 'bom.json', mimeType: 'application/json', buffer: bytes });
      await expectCounter(page, 0, 4, 10_000);
      check((await alert(page).count()) === 0, 'no message');
    },
  },
];
