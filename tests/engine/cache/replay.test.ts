/**
 * The caches panel's replay: the snapshot before an access (or an operation) with the events it
 * reported, replayed to the last step, equals the snapshot the machine takes after it — every
 * entry, its recency under each replacement policy, and every counter. Random small machines and
 * steps (random-machine.ts), real presets and tiny caches where evictions happen all the time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMachine } from '../../../src/engine/machine';
import type { Machine } from '../../../src/engine/machine-api';
import type { CacheOp } from '../../../src/engine/cache/cache-ops';
import { replayCaches } from '../../../src/engine/cache/replay';
import type { WalkEvent } from '../../../src/engine/events';
import {
  buildMachine,
  linearOf,
  machineArb,
  offsetIn,
  stepsArb,
  tinyConfig,
  type CachesUnderTest,
  type MachineSpec,
  type Step,
} from './random-machine';

/** The cache operation a non-access step stands for (a rewrite: the store, with no invalidation). */
function opOf(
  step: Exclude<Step, { kind: unknown }>,
  m: Machine,
  spec: MachineSpec,
  vas: readonly bigint[],
): CacheOp | null {
  switch (step.op) {
    case 'invlpg':
      return { op: 'invlpg', va: linearOf(vas[step.page]!, 0) };
    case 'mov-cr3':
      return { op: 'mov-cr3', cr3: m.cr3, noFlush: false };
    case 'invept':
      return { op: 'invept', type: 'single-context' };
    case 'vm-exit':
      return { op: 'vm-exit' };
    case 'flush-all':
      return spec.mode === 'native'
        ? { op: 'invpcid', type: 'all-context', pcid: 0 }
        : { op: 'invept', type: 'all-context' };
    case 'rewrite': {
      const refs = m.probe({ va: linearOf(vas[step.page]!, 0), kind: 'read', cpl: 0 }).references;
      const target = refs[refs.length - 1 - Math.min(step.depth, refs.length - 1)];
      return target
        ? { op: 'write-entry', addr: target.addr, lo: (target.lo ^ step.flip) >>> 0, hi: target.hi }
        : null;
    }
  }
}

function checkReplay(spec: MachineSpec, steps: Step[], caches: CachesUnderTest): void {
  const built = buildMachine(spec);
  const machine = createMachine(built.config, built.memory, { caches });
  for (const step of steps) {
    const events: WalkEvent[] = [];
    const sink = (e: WalkEvent) => events.push(e);
    const before = machine.cacheSnapshot();
    if ('kind' in step) {
      const offset = offsetIn(step.offset, built.bytes[step.page]!);
      machine.translate(
        { va: linearOf(built.vas[step.page]!, offset), kind: step.kind, cpl: step.cpl },
        sink,
      );
    } else {
      const op = opOf(step, machine, spec, built.vas);
      if (op === null) continue;
      machine.perform(op, sink);
    }
    expect(replayCaches(before, events)).toEqual(machine.cacheSnapshot());
  }
}

const CASES: [string, CachesUnderTest, number][] = [
  ['skylake', 'skylake', 150],
  ['zen3', 'zen3', 150],
  ['tiny, LRU', tinyConfig('lru'), 250],
  ['tiny, pseudo-LRU', tinyConfig('plru'), 250],
  ['tiny, random', tinyConfig('random'), 150],
];

describe('replaying the cache events of an access onto the snapshot before it', () => {
  for (const [name, caches, numRuns] of CASES) {
    it(`${name}: gives the snapshot after it`, () => {
      fc.assert(
        fc.property(
          machineArb.chain((spec) => fc.tuple(fc.constant(spec), stepsArb(spec.pages.length))),
          ([spec, steps]) => checkReplay(spec, steps, caches),
        ),
        { numRuns },
      );
    });
  }
});
