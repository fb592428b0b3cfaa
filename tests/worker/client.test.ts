import { describe, expect, it, vi } from 'vitest';
import { createWalkClient, WorkerDiedError } from '../../src/worker/client';
import { readPreset, referenceCount } from './scenarios';
import { useWalkWorkers } from './walk-workers';

const { servedWorker, silentWorker, track } = useWalkWorkers();

describe('createWalkClient over a MessageChannel', () => {
  it('walks a scenario and answers with the trace and one event list per access', async () => {
    const client = track(createWalkClient({ createWorker: () => servedWorker().worker }));
    expect(client.mode).toBe('worker');
    const reply = await client.walk(readPreset('default.json'));
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.trace.results).toHaveLength(1);
    expect(reply.trace.results[0]?.outcome).toBe('ok');
    expect(reply.events).toHaveLength(1);
    expect(referenceCount(reply.events[0] ?? [])).toBe(24);
  });

  it('answers a malformed scenario with a scenario error naming the JSON paths', async () => {
    const client = track(createWalkClient({ createWorker: () => servedWorker().worker }));
    const bad = { ...(readPreset('default.json') as object), accesses: [{ va: 'zz', kind: 'read' }] };
    const reply = await client.walk(bad);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.kind).toBe('scenario');
    expect(reply.error.paths).toEqual(['accesses[0].va']);
    expect(reply.error.message).toContain('accesses[0].va');
  });

  it('gives the starting memory image of a scenario built with mappings', async () => {
    const client = track(createWalkClient({ createWorker: () => servedWorker().worker }));
    const reply = await client.memoryImage(readPreset('default.json'));
    if (!reply.ok) throw new Error(reply.error.message);
    // The guest PML4 entry the builder wrote for 0x7fff_f000_0000, at EPT-mapped hPA 0x1_0000_1000 + 255·8.
    expect(reply.memory.some((word) => word.addr === '0x1000017f8')).toBe(true);
  });

  it('replaces a worker that dies and runs the pending call again on the new one', async () => {
    const workers = [silentWorker(), servedWorker()];
    let created = 0;
    const client = track(createWalkClient({ createWorker: () => workers[created++]?.worker ?? null }));

    const pending = client.walk(readPreset('default.json'));
    workers[0]?.crash('error', 'out of memory');
    const reply = await pending;
    expect(workers[0]?.terminated()).toBe(true);
    expect(created).toBe(2);
    expect(reply).toMatchObject({ ok: true, restarted: 'out of memory' });
  });

  it('treats an unreadable message from the worker as a death too', async () => {
    const workers = [silentWorker(), servedWorker()];
    let created = 0;
    const client = track(createWalkClient({ createWorker: () => workers[created++]?.worker ?? null }));
    const pending = client.memoryImage(readPreset('default.json'));
    workers[0]?.crash('messageerror');
    expect(await pending).toMatchObject({ ok: true, restarted: expect.stringMatching(/could not be read/) });
  });

  it('gives up after the new worker dies too, and starts another on the next call', async () => {
    const workers = [silentWorker(), silentWorker(), servedWorker()];
    let created = 0;
    const client = track(createWalkClient({ createWorker: () => workers[created++]?.worker ?? null }));
    const pending = client.walk(readPreset('default.json'));
    workers[0]?.crash('error', 'out of memory');
    await vi.waitUntil(() => created === 2);
    workers[1]?.crash('error', 'out of memory');
    await expect(pending).rejects.toBeInstanceOf(WorkerDiedError);
    await expect(pending).rejects.toThrow(/stopped \(out of memory, twice\).*restarts on the next walk/);
    expect((await client.walk(readPreset('default.json'))).ok).toBe(true);
  });
});

describe('createWalkClient without a Worker', () => {
  it('falls back to running the engine in-thread behind the same async interface', async () => {
    const client = track(createWalkClient());
    expect(client.mode).toBe('in-thread');
    const pending = client.walk(readPreset('default.json'));
    expect(pending).toBeInstanceOf(Promise);
    const reply = await pending;
    if (!reply.ok) throw new Error(reply.error.message);
    expect(referenceCount(reply.events[0] ?? [])).toBe(24);
  });

  it('answers scenario errors in-thread the same way', async () => {
    const client = track(createWalkClient({ createWorker: () => null }));
    const reply = await client.walk('{ "format": ');
    expect(reply).toMatchObject({ ok: false, error: { kind: 'scenario', paths: ['(root)'] } });
  });
});
