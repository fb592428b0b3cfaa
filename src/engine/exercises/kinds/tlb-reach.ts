/** "How much memory does a TLB cover?": entries × page size of one structure of a CPU preset. */
import type { Prng } from '../../workload/prng';
import type { Problem } from '../problem';
import { PROBLEM_KIND_TITLES } from '../problem';
import { pick } from '../random-walk-scenario';
import { CACHE_PRESETS } from '../../cache/presets';
import type { TlbSpec } from '../../cache/cache-config';
import { bytesOfPageSize, pageSizeText } from '../../paging';

const PRESETS = ['sandy-bridge', 'skylake', 'zen3'] as const;
const KIB = 1024;

export function tlbReachProblem(prng: Prng, seed: number): Problem {
  const preset = CACHE_PRESETS[pick(prng, PRESETS)];
  const tlbs = preset.structures.filter((s): s is TlbSpec => s.kind === 'tlb' && s.side !== 'instruction');
  const tlb = pick(prng, tlbs);
  const size = pick(prng, tlb.sizes);
  const reachKib = (tlb.entries * bytesOfPageSize(size)) / KIB;
  return {
    kind: 'tlb-reach',
    seed,
    title: PROBLEM_KIND_TITLES['tlb-reach'],
    question: [
      `${preset.label}: the ${tlb.label} has ${tlb.entries} entries. Filled with ${pageSizeText(size)} translations, how much memory can it reach without a page walk? Answer in KiB.`,
    ],
    given: [
      { label: 'Structure', value: `${tlb.label} (${preset.label})` },
      { label: 'Entries', value: String(tlb.entries) },
      { label: 'Page size', value: pageSizeText(size) },
    ],
    fields: [{ id: 'reachKib', label: 'Reach (KiB)', format: 'number' }],
    solution: { reachKib: String(reachKib) },
    explanation: [
      `${tlb.entries} entries × ${pageSizeText(size)} = ${reachKib} KiB (${reachWords(reachKib)}).`,
      'Anything beyond that reach costs a page walk on a miss — under EPT up to 24 references — which is why larger pages matter more in a VM.',
    ],
  };
}

function reachWords(kib: number): string {
  if (kib >= KIB * KIB) return `${kib / (KIB * KIB)} GiB`;
  if (kib >= KIB) return `${kib / KIB} MiB`;
  return `${kib} KiB`;
}
