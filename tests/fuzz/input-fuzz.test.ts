// Seeded fuzzing of every way a scenario comes in: damaged preset texts through the parser and the
// walk CLI's entry function, damaged links and imports through the store the app uses. Each case
// must end in a valid result or a clear message, never a throw; a refused link or import leaves
// the document as it was (docs/robustness.md, "Fuzzing").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkCommand } from '../../src/cli/walk-command';
import { parseScenario, ScenarioError } from '../../src/engine/scenario';
import { createAppStore } from '../../src/state/create-app-store';
import { importScenarioText } from '../../src/state/import-text';
import { decodeLink, encodeLink } from '../../src/state/url-codec';
import { createWalkClient } from '../../src/worker/client';
import { damagedHash, damagedText, mutateValue, seeded } from './mutate';

const dir = join(import.meta.dirname, '../../public/scenarios');
const presets = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'index.json')
  .map((f) => readFileSync(join(dir, f), 'utf8'));
/** A case slower than this counts as a hang. */
const HANG_MS = 2000;

interface Counts {
  tried: number;
  clean: number;
  crash: number;
  hang: number;
  /** Clean cases that ended in a valid result (the rest ended in a message). */
  accepted: number;
}
const counts: Record<string, Counts> = {};
const crashes: string[] = [];

async function fuzz(
  name: string,
  cases: number,
  seed: number,
  one: (random: () => number) => Promise<boolean>,
) {
  const c: Counts = (counts[name] = { tried: 0, clean: 0, crash: 0, hang: 0, accepted: 0 });
  const random = seeded(seed);
  for (let i = 0; i < cases; i++) {
    c.tried++;
    const start = performance.now();
    try {
      const accepted = await one(random);
      if (performance.now() - start > HANG_MS) c.hang++;
      else c.clean++;
      if (accepted) c.accepted++;
    } catch (error) {
      c.crash++;
      if (crashes.length < 5) crashes.push(`${name} #${i}: ${error instanceof Error ? error.stack : error}`);
    }
  }
  expect(crashes).toEqual([]);
  expect(c).toMatchObject({ tried: cases, clean: cases, crash: 0, hang: 0 });
  // The damage is not all fatal: some cases still walk, so the valid path is exercised too.
  expect(c.accepted).toBeGreaterThan(0);
  expect(c.accepted).toBeLessThan(cases);
}

const presetText = (random: () => number) => presets[Math.floor(random() * presets.length)]!;

afterAll(() => {
  const lines = Object.entries(counts).map(
    ([name, c]) =>
      `${name}: tried ${c.tried}, clean ${c.clean}, crash ${c.crash}, hang ${c.hang} (valid ${c.accepted})`,
  );
  console.info(`input fuzz\n  ${lines.join('\n  ')}`);
});

describe('fuzzing scenario input', () => {
  it('the parser returns a scenario or a ScenarioError for 2,000 damaged presets', async () => {
    await fuzz('parser', 2000, 0x5eed1, async (random) => {
      try {
        parseScenario(damagedText(random, presetText(random)));
        return true;
      } catch (error) {
        if (!(error instanceof ScenarioError) || !/^Invalid scenario/.test(error.message)) throw error;
        return false;
      }
    });
  });

  it('the walk CLI ends every one of 2,000 damaged presets with a result or one line and a non-zero exit', async () => {
    await fuzz('cli', 2000, 0x5eed2, async (random) => {
      const text = damagedText(random, presetText(random));
      let stderr = '';
      let stdout = '';
      const args = random() < 0.2 ? ['-', '--json'] : ['-'];
      const code = await walkCommand(args, {
        readFile: () => Promise.reject(new Error('no files here')),
        readStdin: async () => text,
        stdout: (t) => void (stdout += t),
        stderr: (t) => void (stderr += t),
      });
      if (code === 0 && stdout !== '' && stderr === '') return true;
      if ((code === 1 || code === 3) && /^walk: [^\n]+\n$/.test(stderr) && !/\n\s+at /.test(stderr))
        return false;
      throw new Error(`exit ${code}, stderr ${JSON.stringify(stderr.slice(0, 300))}`);
    });
  });

  it('1,000 damaged links open or say what is wrong, and a refused one changes nothing', async () => {
    const store = createAppStore(createWalkClient());
    expect(await store.getState().loadScenario(JSON.parse(presets[0]!), 'first.json')).toBe(true);
    await fuzz('links', 1000, 0x5eed3, async (random) => {
      const good = JSON.parse(presetText(random)) as unknown;
      const hash =
        random() < 0.5
          ? encodeLink({ scenario: mutateValue(random, good), accessIndex: 0, step: 3 })
          : damagedHash(random, encodeLink({ scenario: good, accessIndex: 0, step: 3 }));
      const before = store.getState().scenario;
      let link;
      try {
        link = decodeLink(hash);
      } catch (error) {
        if (
          error instanceof Error &&
          /^The scenario in this link (is damaged|would unpack)/.test(error.message)
        )
          return false;
        throw error;
      }
      if (link === null || 'levels' in link) return false;
      store.getState().dismissError();
      if (await store.getState().loadScenario(link.scenario, 'link', { cursor: link.step })) return true;
      const { scenario, error } = store.getState();
      if (scenario !== before) throw new Error('a refused link changed the document');
      if (error?.kind !== 'link' || !/\S/.test(error.message)) throw new Error('a refused link said nothing');
      return false;
    });
  });

  it('1,000 damaged imports load or say what is wrong, and a refused one changes nothing', async () => {
    const store = createAppStore(createWalkClient());
    expect(await store.getState().loadScenario(JSON.parse(presets[0]!), 'first.json')).toBe(true);
    await fuzz('imports', 1000, 0x5eed4, async (random) => {
      const text = damagedText(random, presetText(random));
      const before = store.getState();
      store.getState().dismissError();
      if (await importScenarioText(store.getState(), text, 'damaged.json')) return true;
      const { scenario, cursor, error } = store.getState();
      if (scenario !== before.scenario || cursor !== before.cursor)
        throw new Error('a refused import changed the document');
      if (
        error?.kind !== 'file' ||
        !error.message.startsWith('damaged.json: ') ||
        !error.note?.startsWith('Nothing was imported')
      )
        throw new Error(`a refused import said ${JSON.stringify(error)}`);
      return false;
    });
  });
});
