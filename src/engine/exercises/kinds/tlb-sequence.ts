/**
 * "Count references along a sequence" with Skylake's TLBs and paging-structure caches: a cold
 * walk, then accesses chosen from the same page, its 4 KiB neighbour, a write to the first page
 * (its cached D flag is clear), a page in another 2 MiB region. Every count is the engine's.
 */
import type { Prng } from '../../workload/prng';
import type { Problem } from '../problem';
import { PROBLEM_KIND_TITLES } from '../problem';
import {
  coveringNestedMappings,
  guestTableFrames,
  hex,
  randomGuestPage,
  randomHostBase,
  randomUserAddress,
  scenarioDocument,
  type AccessDoc,
  type GuestMappingDoc,
  type WalkShape,
} from '../random-walk-scenario';
import { traceOf } from '../run-document';
import { CACHE_PRESETS } from '../../cache/presets';

const LABELS = new Map(CACHE_PRESETS.skylake.structures.map((s) => [s.name, s.label]));

const SHAPE: WalkShape = { nested: 'ept', la57: false, guestPage: '4K', nestedLevels: 4, nestedPage: '4K' };
const STEP_WORDS = {
  again: 'the same address again',
  neighbour: 'the next 4 KiB page',
  write: 'a write to the first page',
  far: 'a page in another 2 MiB region',
} as const;
type StepName = keyof typeof STEP_WORDS;

export function tlbSequenceProblem(prng: Prng, seed: number): Problem {
  const base = randomUserAddress(prng, false) & ~0x1f_ffffn; // room for a neighbour in the same 2 MiB
  const first = base + BigInt(prng.nextBelow(0x1000) & ~7);
  const names: StepName[] = (['again', 'neighbour', 'write', 'far'] as const).filter(
    () => prng.nextBelow(4) !== 0,
  );
  if (names.length === 0) names.push('again');
  const page = (va: bigint) => va & ~0xfffn;
  const vaOf: Record<StepName, bigint> = {
    again: first,
    neighbour: first + 0x1000n,
    write: first,
    far: first + 0x20_0000n * BigInt(1 + prng.nextBelow(8)),
  };
  const pages = [...new Set([page(first), ...names.map((n) => page(vaOf[n]))])];
  const guestMappings: GuestMappingDoc[] = pages.map((va) => ({
    va,
    pa: randomGuestPage(prng, '4K'),
    size: '4K',
    flags: 'rw user',
  }));
  const paOf = new Map(guestMappings.map((m) => [m.va, m.pa]));
  const accesses: AccessDoc[] = [
    { va: first, kind: 'read' },
    ...names.map((n) => ({ va: vaOf[n], kind: n === 'write' ? ('write' as const) : ('read' as const) })),
  ];
  const hostBase = randomHostBase(prng);
  const scenario = scenarioDocument({
    shape: SHAPE,
    name: 'A sequence with Skylake caches',
    guestMappings,
    nestedMappings: coveringNestedMappings(
      SHAPE,
      [...guestTableFrames(SHAPE, guestMappings), ...pages.map((va) => paOf.get(va) ?? 0)],
      hostBase,
    ),
    accesses,
    tlb: 'skylake',
  });
  const trace = traceOf(scenario);
  const labels = ['a cold first read', ...names.map((n) => STEP_WORDS[n])];
  const fields = accesses.map((a, i) => ({
    id: `refs${i + 1}`,
    label: `Access ${i + 1}: ${a.kind} ${hex(a.va)} (${labels[i] ?? ''})`,
    format: 'number' as const,
  }));
  const solution: Record<string, string> = {};
  const explanation: string[] = [];
  trace.results.forEach((result, i) => {
    solution[`refs${i + 1}`] = String(result.references.length);
    const spared = [...new Set((result.skipped ?? []).map((s) => LABELS.get(s.by) ?? s.by))];
    const count = result.references.length;
    explanation.push(
      `Access ${i + 1} (${labels[i] ?? ''}): ${count} ${count === 1 ? 'reference' : 'references'}` +
        (spared.length > 0 ? `; spared by ${spared.join(', ')}.` : '; nothing cached helped.'),
    );
  });
  return {
    kind: 'tlb-sequence',
    seed,
    title: PROBLEM_KIND_TITLES['tlb-sequence'],
    question: [
      'A 4-level guest on a 4-level EPT with 4 KiB pages, on Skylake’s TLBs and paging-structure caches (guest and EPT side), all empty at the start. How many memory references does each access make?',
    ],
    given: accesses.map((a, i) => ({ label: `Access ${i + 1}`, value: `${a.kind} ${hex(a.va)}` })),
    fields,
    solution,
    explanation,
    scenario,
  };
}
