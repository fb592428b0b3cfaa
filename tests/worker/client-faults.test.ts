/**
 * A walk worker that stops without a word — terminated, closed, or dropping a message it could not
 * read — is noticed by its deadline, replaced, and the request runs again; a value too deep to post
 * is refused before it is sent. Deadlines are expired by hand: nothing here waits on a clock.
 */
import { describe, expect, it } from 'vitest';
import { createWalkClient, WorkerDiedError, type WorkerLike } from '../../src/worker/client';
import type { DeadlineTimer } from '../../src/worker/deadline';
import { manualTimer } from './manual-timer';
import { MAX_NESTING, tooDeepAt } from '../../src/worker/nesting';
import { readPreset } from './scenarios';
import { useWalkWorkers } from './walk-workers';

const { servedWorker, silentWorker, track } = useWalkWorkers();

/** Terminated or closed from inside: it takes messages and never answers, and raises nothing. */
const goneWorker = silentWorker;

/** A served worker whose every message arrives as null, as a too-deep structured clone does. */
function nullingWorker(): { worker: WorkerLike; posted: () => number } {
  const served = servedWorker().worker;
  let posted = 0;
  return {
    worker: { ...served, postMessage: () => (posted++, served.postMessage(null)) },
    posted: () => posted,
  };
}

/** Lets the client's promise chain move on (message ports deliver in macrotasks). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function clientOver(workers: WorkerLike[], timer: DeadlineTimer) {
  let created = 0;
  const client = track(createWalkClient({ createWorker: () => workers[created++] ?? null, timer }));
  return { client, created: () => created };
}

describe('a walk worker that stops without a word', () => {
  it('is given up at the deadline, replaced, and the walk runs again on the new worker', async () => {
    const clock = manualTimer();
    const gone = goneWorker();
    const { client, created } = clientOver([gone.worker, servedWorker().worker], clock.timer);
    const pending = client.walk(readPreset('default.json'));
    expect(clock.pending()).toEqual([10_000]);
    clock.expireAll();
    const reply = await pending;
    expect(gone.terminated()).toBe(true);
    expect(created()).toBe(2);
    expect(reply).toMatchObject({ ok: true, restarted: 'no answer within 10 s' });
    expect(clock.pending()).toEqual([]);
  });

  it('recovers from a message that arrived as null, and the next walks use the new worker', async () => {
    const clock = manualTimer();
    const nulling = nullingWorker();
    const { client, created } = clientOver([nulling.worker, servedWorker().worker], clock.timer);
    const pending = client.walk(readPreset('default.json'));
    await settle();
    clock.expireAll();
    expect(await pending).toMatchObject({ ok: true, restarted: 'no answer within 10 s' });
    const again = await client.walk(readPreset('default.json'));
    expect(again.ok && again.restarted).toBe(undefined);
    expect(created()).toBe(2);
    expect(nulling.posted()).toBe(1);
  });

  it('every call waiting on a stopped worker runs again, each once', async () => {
    const clock = manualTimer();
    const { client } = clientOver([goneWorker().worker, servedWorker().worker], clock.timer);
    const walk = client.walk(readPreset('default.json'));
    const image = client.memoryImage(readPreset('default.json'));
    clock.expireAll();
    const [a, b] = await Promise.all([walk, image]);
    expect(a).toMatchObject({ ok: true, restarted: 'no answer within 10 s' });
    expect(b).toMatchObject({ ok: true, restarted: 'no answer within 10 s' });
  });

  it('fails with a clear message when the new worker stops too, and recovers on the next call', async () => {
    const clock = manualTimer();
    const { client, created } = clientOver(
      [goneWorker().worker, goneWorker().worker, servedWorker().worker],
      clock.timer,
    );
    const pending = client.walk(readPreset('default.json'));
    clock.expireAll();
    await settle();
    expect(created()).toBe(2);
    clock.expireAll();
    await expect(pending).rejects.toBeInstanceOf(WorkerDiedError);
    await expect(pending).rejects.toThrow(
      'The walk engine stopped (no answer within 10 s, twice). Your scenario is kept; the engine restarts on the next walk.',
    );
    expect((await client.walk(readPreset('default.json'))).ok).toBe(true);
  });

  it('an answer in time cancels its deadline', async () => {
    const clock = manualTimer();
    const { client } = clientOver([servedWorker().worker], clock.timer);
    const reply = await client.walk(readPreset('default.json'));
    expect(reply.ok && reply.restarted).toBe(undefined);
    expect(clock.pending()).toEqual([]);
  });
});

/** `{ a: { a: … } }` `depth` levels deep. */
function nested(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('deeply nested input', () => {
  it('is refused before it is posted, naming where it gets too deep', async () => {
    const clock = manualTimer();
    const nulling = nullingWorker();
    const { client } = clientOver([nulling.worker], clock.timer);
    for (const depth of [3_000, 5_000]) {
      const scenario = { ...(readPreset('default.json') as object), cpu: nested(depth) };
      const reply = await client.walk(scenario);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'scenario' } });
      if (reply.ok) return;
      expect(reply.error.message).toMatch(/nested more than 64 levels deep \(at cpu\.a\.a/);
      expect(reply.error.message).toContain('It was not sent to the engine.');
    }
    expect(nulling.posted()).toBe(0);
    expect(clock.pending()).toEqual([]);
  });

  it('lets every preset through: a scenario is a few levels deep', () => {
    for (const file of ['default.json', 'native.json']) expect(tooDeepAt(readPreset(file))).toBe(null);
    expect(tooDeepAt(nested(MAX_NESTING - 1))).toBe(null);
    expect(tooDeepAt(nested(MAX_NESTING))).toMatch(/^a(\.a)+$/);
    expect(tooDeepAt([[[1]]], 2)).toBe('[0][0]');
  });
});
