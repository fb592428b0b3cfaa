/**
 * CPU presets (docs/hardware-rules.md, docs/caches.md). TLB sizes come from the vendors' optimization manuals and published
 * measurements; paging-structure-cache sizes are small and undocumented on Intel (measured at a few
 * PML4E / PDPTE entries and ~32 PDE entries), and where guest-physical mappings live is not
 * documented at all — those figures are approximate, and each preset's `sources` says so.
 */
import type { CacheConfig, GpaTlbSpec, PwcSpec, StructureSpec, TlbSpec } from './cache-config';
import { validateCacheConfig } from './cache-config';
import { entryName } from '../paging';

export const CACHE_PRESET_NAMES = ['none', 'sandy-bridge', 'skylake', 'zen3', 'ideal'] as const;
export type CachePresetName = (typeof CACHE_PRESET_NAMES)[number];

/** Entry names by level, for structure names ('pde-cache'). */
const LEVEL_ENTRY = ['', 'pte', 'pde', 'pdpte', 'pml4e', 'pml5e'];

const tlb = (
  name: string,
  label: string,
  tier: 1 | 2,
  side: TlbSpec['side'],
  sizes: TlbSpec['sizes'],
  entries: number,
  ways: number,
  splinter = false,
): TlbSpec => ({ kind: 'tlb', name, label, tier, side, sizes, entries, ways, splinter });

const gpaTlb = (
  name: string,
  label: string,
  sizes: GpaTlbSpec['sizes'],
  entries: number,
  ways: number,
): GpaTlbSpec => ({
  kind: 'gpa-tlb',
  name,
  label,
  sizes,
  entries,
  ways,
});

const pwc = (
  kind: PwcSpec['kind'],
  name: string,
  label: string,
  levels: number[],
  entries: number,
  ways = entries,
): PwcSpec => ({
  kind,
  name,
  label,
  levels,
  entries,
  ways,
});

/** Intel's per-level paging-structure caches, guest side and EPT side, with the measured sizes. */
function intelPagingStructureCaches(): StructureSpec[] {
  // Entries per level: PML5E, PML4E, PDPTE, PDE.
  const sizes = [
    [5, 2],
    [4, 2],
    [3, 4],
    [2, 32],
  ] as const;
  return [
    ...sizes.map(([level, n]) =>
      pwc('pwc', `${entryName(level).toLowerCase()}-cache`, `${entryName(level)} cache`, [level], n),
    ),
    ...sizes.map(([level, n]) =>
      pwc(
        'nested-pwc',
        `ept-${entryName(level).toLowerCase()}-cache`,
        `EPT ${entryName(level)} cache`,
        [level],
        n,
      ),
    ),
  ];
}

/**
 * Intel's first-level TLBs, the same on Sandy Bridge and Skylake but for the 4K ITLB's
 * associativity (4-way, then 8-way).
 */
const intelL1Tlbs = (itlb4kWays: number): StructureSpec[] => [
  tlb('l1-dtlb-4k', 'L1 DTLB 4K', 1, 'data', ['4K'], 64, 4),
  tlb('l1-dtlb-2m', 'L1 DTLB 2M', 1, 'data', ['2M'], 32, 4),
  tlb('l1-dtlb-1g', 'L1 DTLB 1G', 1, 'data', ['1G'], 4, 4),
  tlb('l1-itlb-4k', 'L1 ITLB 4K', 1, 'instruction', ['4K'], 128, itlb4kWays),
  tlb('l1-itlb-2m', 'L1 ITLB 2M', 1, 'instruction', ['2M'], 8, 8, true),
];

/** Guest-physical mappings on Intel, modelled like the L1 DTLB (approximate: undocumented). */
const intelGpaTlbs = (): StructureSpec[] => [
  gpaTlb('gpa-tlb-4k', 'gPA TLB 4K', ['4K'], 64, 4),
  gpaTlb('gpa-tlb-2m', 'gPA TLB 2M', ['2M'], 32, 4),
  gpaTlb('gpa-tlb-1g', 'gPA TLB 1G', ['1G'], 4, 4),
];

const APPROXIMATE =
  'Paging-structure caches and guest-physical (gPA) TLBs are approximate: vendors do not publish them; ' +
  'sizes follow published measurements (a few PML4E / PDPTE entries, ~32 PDE entries).';

const SANDY_BRIDGE: CacheConfig = {
  name: 'sandy-bridge',
  label: 'Intel Sandy Bridge',
  sources: `TLBs: Intel 64 and IA-32 Architectures Optimization Reference Manual (Sandy Bridge). ${APPROXIMATE}`,
  replacement: 'lru',
  structures: [
    ...intelL1Tlbs(4),
    tlb('l2-tlb', 'L2 STLB', 2, 'unified', ['4K'], 512, 4),
    ...intelPagingStructureCaches(),
    ...intelGpaTlbs(),
  ],
};

const SKYLAKE: CacheConfig = {
  name: 'skylake',
  label: 'Intel Skylake (client)',
  sources: `TLBs: Intel 64 and IA-32 Architectures Optimization Reference Manual (Skylake client). ${APPROXIMATE}`,
  replacement: 'lru',
  structures: [
    ...intelL1Tlbs(8),
    tlb('l2-tlb', 'L2 STLB 4K+2M', 2, 'unified', ['4K', '2M'], 1536, 12),
    tlb('l2-tlb-1g', 'L2 STLB 1G', 2, 'unified', ['1G'], 16, 4),
    ...intelPagingStructureCaches(),
    ...intelGpaTlbs(),
  ],
};

const ZEN3: CacheConfig = {
  name: 'zen3',
  label: 'AMD Zen 3',
  sources:
    'TLBs: AMD Software Optimization Guide for Family 19h (L1 64 entries fully associative, all sizes; L2 2048 ' +
    'entries, 4K + 2M, 1G pages held as 2M pieces; modelled unified and 8-way). Page walk cache: 64 entries (AMD), ' +
    'one structure for all levels. The nested TLB and nested page-walk cache sizes are approximate (undocumented).',
  replacement: 'lru',
  structures: [
    tlb('l1-dtlb', 'L1 DTLB', 1, 'data', ['4K', '2M', '1G'], 64, 64),
    tlb('l1-itlb', 'L1 ITLB', 1, 'instruction', ['4K', '2M', '1G'], 64, 64),
    tlb('l2-tlb', 'L2 TLB', 2, 'unified', ['4K', '2M'], 2048, 8, true),
    pwc('pwc', 'page-walk-cache', 'Page walk cache', [5, 4, 3, 2], 64),
    gpaTlb('nested-tlb', 'Nested TLB', ['4K', '2M', '1G'], 64, 64),
    pwc('nested-pwc', 'nested-page-walk-cache', 'Nested page walk cache', [5, 4, 3, 2], 64),
  ],
};

const IDEAL: CacheConfig = {
  name: 'ideal',
  label: 'Ideal (very large)',
  sources:
    'Not a real CPU: every structure is large (65,536 4K entries, 16-way) so a working set under 256 MiB never ' +
    'misses once warm; sparse addresses that collide in one set can still evict.',
  replacement: 'lru',
  structures: [
    tlb('tlb-4k', 'TLB 4K', 1, 'unified', ['4K'], 65536, 16),
    tlb('tlb-2m', 'TLB 2M', 1, 'unified', ['2M'], 16384, 16),
    tlb('tlb-1g', 'TLB 1G', 1, 'unified', ['1G'], 4096, 16),
    ...[5, 4, 3, 2].map((l) =>
      pwc('pwc', `${LEVEL_ENTRY[l]}-cache`, `${LEVEL_ENTRY[l]!.toUpperCase()} cache`, [l], 4096, 16),
    ),
    gpaTlb('gpa-tlb-4k', 'gPA TLB 4K', ['4K'], 65536, 16),
    gpaTlb('gpa-tlb-2m', 'gPA TLB 2M', ['2M'], 16384, 16),
    gpaTlb('gpa-tlb-1g', 'gPA TLB 1G', ['1G'], 4096, 16),
    ...[5, 4, 3, 2].map((l) =>
      pwc(
        'nested-pwc',
        `ept-${LEVEL_ENTRY[l]}-cache`,
        `EPT ${LEVEL_ENTRY[l]!.toUpperCase()} cache`,
        [l],
        4096,
        16,
      ),
    ),
  ],
};

const NONE: CacheConfig = {
  name: 'none',
  label: 'No caches',
  sources: 'Every translation walks: the textbook n·m + n + m references.',
  replacement: 'lru',
  structures: [],
};

export const CACHE_PRESETS: Readonly<Record<CachePresetName, CacheConfig>> = {
  none: NONE,
  'sandy-bridge': SANDY_BRIDGE,
  skylake: SKYLAKE,
  zen3: ZEN3,
  ideal: IDEAL,
};

export const isCachePresetName = (name: string): name is CachePresetName =>
  (CACHE_PRESET_NAMES as readonly string[]).includes(name);

/** A preset by name, or a configuration as given (checked). */
export function resolveCacheConfig(caches: CachePresetName | CacheConfig): CacheConfig {
  if (typeof caches === 'string') {
    if (!isCachePresetName(caches)) {
      throw new Error(`unknown cache preset "${caches as string}" (one of ${CACHE_PRESET_NAMES.join(', ')})`);
    }
    return CACHE_PRESETS[caches];
  }
  validateCacheConfig(caches);
  return caches;
}
