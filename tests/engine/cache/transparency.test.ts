/**
 * Transparency: with every invalidation the architecture requires made, caches never change a
 * result — outcome, addresses, page sizes, fault details — and only ever remove references (the
 * cached walk's references are a subsequence of the uncached walk's; the rest are `skipped`).
 * Random small machines (random-machine.ts) and random steps; each preset and tiny caches with
 * each replacement policy, so evictions happen all the time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMachine } from '../../../src/engine/machine';
import {
  ACCESS_FETCH,
  ACCESS_READ,
  ACCESS_WRITE,
  OUTCOMES,
  type WalkReference,
} from '../../../src/engine/vocabulary';
import { type TranslationResult } from '../../../src/engine/result';
import { type Machine } from '../../../src/engine/machine-api';
import type { SparseMemory } from '../../../src/engine/memory/sparse-memory';
import {
  buildMachine,
  offsetIn,
  linearOf,
  machineArb,
  stepsArb,
  tinyConfig,
  type CachesUnderTest,
  type MachineSpec,
  type Step,
} from './random-machine';
import { fieldsOf } from '../result-narrowing';

const KIND_CODES = { read: ACCESS_READ, write: ACCESS_WRITE, fetch: ACCESS_FETCH } as const;

const essentials = (r: TranslationResult) =>
  fieldsOf(r, [
    'outcome',
    'gpa',
    'pa',
    'pageSize',
    'guestPageSize',
    'nestedPageSize',
    'errorCode',
    'faultGpa',
    'exitQualification',
    'exitInfo1',
    'faultGuestLevel',
    'faultNestedLevel',
  ]);

const sameRef = (a: WalkReference, b: WalkReference) =>
  a.kind === b.kind &&
  a.guestLevel === b.guestLevel &&
  a.nestedLevel === b.nestedLevel &&
  a.addr === b.addr &&
  a.lo === b.lo &&
  a.hi === b.hi;

function isSubsequence(part: readonly WalkReference[], whole: readonly WalkReference[]): boolean {
  let j = 0;
  for (const ref of part) {
    while (j < whole.length && !sameRef(ref, whole[j]!)) j++;
    if (j === whole.length) return false;
    j++;
  }
  return true;
}

const words = (memory: SparseMemory) => {
  const out: string[] = [];
  memory.forEachWord((addr, lo, hi) => out.push(`${addr}:${lo}:${hi}`));
  return out.join(',');
};

/** Steps other than accesses, applied to every machine; a rewrite is followed by a full flush. */
function applyOp(
  step: Exclude<Step, { kind: unknown }>,
  machines: Machine[],
  spec: MachineSpec,
  vas: readonly bigint[],
): void {
  const [plain] = machines;
  const flushAll = () =>
    machines.forEach((m) =>
      spec.mode === 'native'
        ? m.perform({ op: 'invpcid', type: 'all-context', pcid: 0 })
        : m.perform({ op: 'invept', type: 'all-context' }),
    );
  switch (step.op) {
    case 'invlpg':
      machines.forEach((m) => m.perform({ op: 'invlpg', va: linearOf(vas[step.page]!, 0) }));
      return;
    case 'mov-cr3':
      machines.forEach((m) => m.perform({ op: 'mov-cr3', cr3: m.cr3, noFlush: false }));
      return;
    case 'invept':
      machines.forEach((m) => m.perform({ op: 'invept', type: 'single-context' }));
      return;
    case 'vm-exit':
      machines.forEach((m) => m.perform({ op: 'vm-exit' }));
      return;
    case 'flush-all':
      flushAll();
      return;
    case 'rewrite': {
      const probe = plain!.probe({ va: linearOf(vas[step.page]!, 0), kind: 'read', cpl: 0 });
      const refs = probe.references.filter((r) =>
        step.nested ? r.kind === 'nested' && r.guestLevel === 0 : r.kind === 'guest',
      );
      const target = refs[refs.length - 1 - Math.min(step.depth, refs.length - 1)];
      if (target === undefined) return;
      const lo = (target.lo ^ step.flip) >>> 0;
      machines.forEach((m) => m.perform({ op: 'write-entry', addr: target.addr, lo, hi: target.hi }));
      flushAll();
    }
  }
}

function checkTransparency(spec: MachineSpec, steps: Step[], caches: CachesUnderTest): void {
  const built = buildMachine(spec);
  const memories = [built.memory.clone(), built.memory.clone(), built.memory.clone()];
  const plain = createMachine(built.config, memories[0]!, { caches: 'none' });
  const cached = createMachine(built.config, memories[1]!, { caches });
  const bulk = createMachine(built.config, memories[2]!, { caches });
  for (const step of steps) {
    if (!('kind' in step)) {
      applyOp(step, [plain, cached, bulk], spec, built.vas);
      continue;
    }
    const offset = offsetIn(step.offset, built.bytes[step.page]!);
    const access = { va: linearOf(built.vas[step.page]!, offset), kind: step.kind, cpl: step.cpl };
    const expected = plain.translate(access);
    const got = cached.translate(access);
    expect(essentials(got)).toEqual(essentials(expected));
    expect(got.stale).toBeUndefined();
    expect(isSubsequence(got.references, expected.references)).toBe(true);
    expect(got.references.length + got.skipped!.length).toBe(expected.references.length);
    const code = bulk.run(access.va.hi, access.va.lo, KIND_CODES[access.kind], access.cpl);
    expect(OUTCOMES[code]).toBe(expected.outcome);
    if (expected.outcome === 'ok') expect(bulk.lastPa).toBe(expected.pa);
    expect(bulk.lastReferences).toBe(got.references.length);
  }
  // The same A/D flags were set: caches skip only reads whose flags were already set.
  expect(words(memories[1]!)).toBe(words(memories[0]!));
  expect(words(memories[2]!)).toBe(words(memories[0]!));
}

const CASES: [string, CachesUnderTest, number][] = [
  ['skylake', 'skylake', 500],
  ['sandy-bridge', 'sandy-bridge', 300],
  ['zen3', 'zen3', 400],
  ['tiny, LRU', tinyConfig('lru'), 500],
  ['tiny, pseudo-LRU', tinyConfig('plru'), 400],
  ['tiny, random', tinyConfig('random'), 400],
  ['ideal', 'ideal', 40],
];

describe('caches are transparent when software invalidates as required', () => {
  for (const [name, caches, numRuns] of CASES) {
    it(`${name}: same results as no caches, only fewer references`, () => {
      fc.assert(
        fc.property(
          machineArb.chain((spec) => fc.tuple(fc.constant(spec), stepsArb(spec.pages.length))),
          ([spec, steps]) => checkTransparency(spec, steps, caches),
        ),
        { numRuns },
      );
    });
  }
});
