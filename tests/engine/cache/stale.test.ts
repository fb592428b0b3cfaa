/**
 * Stale translations: an entry changed in memory, nobody invalidated, and the old translation is
 * still used. The engine reports it (result `stale`, `staleBy`, a 'stale' event) by checking each
 * hit against memory as it is now.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLinearAddress } from '../../../src/engine/address';
import { createMachine } from '../../../src/engine/machine';
import type { TranslationResult } from '../../../src/engine/result';
import type { AccessKind } from '../../../src/engine/vocabulary';
import { GPA, HOST_OFFSET, VA, access, makeFixture, type Fixture } from './cache-fixture';
import { buildMachine, linearOf, machineArb, offsetIn, stepsArb, tinyConfig } from './random-machine';
import { expectOutcome, fieldsOf } from '../result-narrowing';

/** The references of an uncached read of `va` at CPL 3, on a fresh machine over the same memory. */
const uncachedReferences = (f: Fixture, va: string) =>
  createMachine(f.config, f.tables.memory).probe({ va: parseLinearAddress(va), kind: 'read', cpl: 3 })
    .references;

/** Host-physical address of the guest entry read at `level` when walking `va` uncached. */
const guestEntryAddr = (f: Fixture, va: string, level: number): number =>
  uncachedReferences(f, va).find((r) => r.kind === 'guest' && r.guestLevel === level)!.addr;

/** Host-physical address of the EPT leaf that maps `va`'s final gPA. */
const nestedLeafAddr = (f: Fixture, va: string): number =>
  uncachedReferences(f, va)
    .filter((r) => r.kind === 'nested' && r.guestLevel === 0)
    .at(-1)!.addr;

/** `va` accessed once (so the caches hold it), then its level-`level` guest entry rewritten, no INVLPG. */
function cacheThenRewrite(
  f: Fixture,
  va: string,
  level: number,
  lo: number,
  kind: AccessKind = 'read',
): void {
  access(f.machine, va, kind);
  f.machine.perform({ op: 'write-entry', addr: guestEntryAddr(f, va, level), lo, hi: 0 });
}

describe('stale translations', () => {
  it('a PTE remapped without INVLPG: the TLB still gives the old page, reported stale', () => {
    const f = makeFixture();
    cacheThenRewrite(f, VA.A, 1, GPA.B + 0b111 + 0x20);
    const { result, events } = access(f.machine, VA.A);
    expectOutcome(result, 'ok');
    expect(result.pa).toBe(GPA.A + HOST_OFFSET);
    expect(result.stale).toBe(true);
    expect(result.staleBy).toEqual(['l1-dtlb-4k']);
    const staleEvent = events.find((e) => e.type === 'stale');
    expect(staleEvent).toMatchObject({
      reason: expect.stringMatching(/memory now translates this page to 0x100401000/),
    });
    // INVLPG makes it right.
    f.machine.perform({ op: 'invlpg', va: parseLinearAddress(VA.A) });
    const after = access(f.machine, VA.A).result;
    expectOutcome(after, 'ok');
    expect(after.pa).toBe(GPA.B + HOST_OFFSET);
    expect(after.stale).toBeUndefined();
  });

  it('write permission removed without INVLPG: the write still succeeds through the TLB', () => {
    const f = makeFixture();
    cacheThenRewrite(f, VA.A, 1, GPA.A + 0b101 + 0x60, 'write');
    const { result } = access(f.machine, VA.A, 'write');
    expectOutcome(result, 'ok');
    expect(result.stale).toBe(true);
    f.machine.perform({ op: 'invlpg', va: parseLinearAddress(VA.A) });
    expect(access(f.machine, VA.A, 'write').result.outcome).toBe('page-fault');
  });

  it('a PDE pointed elsewhere: the PDE cache still leads to the old page table', () => {
    const f = makeFixture();
    // Point A's PDE at D's page table (gPA 0x7000), where B's index holds nothing.
    cacheThenRewrite(f, VA.A, 2, 0x7000 + 0b111 + 0x20);
    const { result } = access(f.machine, VA.B);
    expectOutcome(result, 'ok');
    expect(result.staleBy).toEqual(['pde-cache']);
    f.machine.perform({ op: 'invlpg', va: parseLinearAddress(VA.B) });
    expect(access(f.machine, VA.B).result.outcome).toBe('page-fault');
  });

  it('an EPT leaf changed: INVLPG is not enough (the gPA mapping stays), INVEPT is', () => {
    const f = makeFixture();
    access(f.machine, VA.A);
    const leaf = nestedLeafAddr(f, VA.A);
    f.machine.perform({
      op: 'write-entry',
      addr: leaf,
      lo: (0x2_0000_0000 % 2 ** 32) + 0b111 + (6 << 3),
      hi: 2,
    });
    expect(access(f.machine, VA.A).result.staleBy).toEqual(['l1-dtlb-4k']);
    f.machine.perform({ op: 'invlpg', va: parseLinearAddress(VA.A) });
    const afterInvlpg = access(f.machine, VA.A).result;
    expect(afterInvlpg.staleBy).toEqual(['gpa-tlb-4k']);
    expectOutcome(afterInvlpg, 'ok');
    expect(afterInvlpg.pa).toBe(GPA.A + HOST_OFFSET);
    f.machine.perform({ op: 'invept', type: 'single-context' });
    const afterInvept = access(f.machine, VA.A).result;
    expect(afterInvept.stale).toBeUndefined();
    expectOutcome(afterInvept, 'ok');
    expect(afterInvept.pa).toBe(0x2_0000_0000);
  });

  it('a probe (hover preview) reports staleness too, and changes nothing', () => {
    const f = makeFixture();
    cacheThenRewrite(f, VA.A, 1, GPA.B + 0b111 + 0x20);
    const before = JSON.stringify(f.machine.cacheSnapshot());
    const probe = f.machine.probe({ va: parseLinearAddress(VA.A), kind: 'read', cpl: 3 });
    expect(probe.stale).toBe(true);
    expect(JSON.stringify(f.machine.cacheSnapshot())).toBe(before);
  });
});

const essentials = (r: TranslationResult) =>
  fieldsOf(r, ['outcome', 'pa', 'gpa', 'errorCode', 'faultGpa', 'exitQualification', 'exitInfo1']);

describe('stale detection is sound', () => {
  it('with writes and no invalidation, every result that differs from memory is flagged stale', () => {
    let flagged = 0;
    fc.assert(
      fc.property(
        machineArb.chain((spec) => fc.tuple(fc.constant(spec), stepsArb(spec.pages.length))),
        fc.constantFrom('skylake' as const, 'zen3' as const, tinyConfig('lru')),
        ([spec, steps], caches) => {
          const built = buildMachine(spec);
          const memory = built.memory.clone();
          const cached = createMachine(built.config, memory, { caches });
          const truth = createMachine(built.config, memory); // same memory, no caches
          for (const step of steps) {
            if ('kind' in step) {
              const va = linearOf(built.vas[step.page]!, offsetIn(step.offset, built.bytes[step.page]!));
              const access = { va, kind: step.kind, cpl: step.cpl };
              const expected = truth.probe(access);
              const got = cached.translate(access);
              if (JSON.stringify(essentials(got)) !== JSON.stringify(essentials(expected))) {
                expect(got.stale).toBe(true);
                flagged++;
              }
            } else if (step.op === 'rewrite') {
              const probe = truth.probe({ va: linearOf(built.vas[step.page]!, 0), kind: 'read', cpl: 0 });
              const refs = probe.references.filter((r) =>
                step.nested ? r.kind === 'nested' && r.guestLevel === 0 : r.kind === 'guest',
              );
              const target = refs[refs.length - 1 - Math.min(step.depth, refs.length - 1)];
              if (target !== undefined) {
                cached.perform({
                  op: 'write-entry',
                  addr: target.addr,
                  lo: (target.lo ^ step.flip) >>> 0,
                  hi: target.hi,
                });
              }
            }
          }
        },
      ),
      { numRuns: 800 },
    );
    expect(flagged).toBeGreaterThan(20);
  });
});
