/**
 * The compare view's configurations (docs/walk-view.md, "Compare configurations"): one access
 * walked under each, built with the same builders as the concrete controls, so only the mode,
 * the levels, the page sizes and the caches differ between the grids.
 */
import { appendToSequence } from './sequence-steps';
import { buildConcreteScenario, DEFAULT_CONCRETE, type ConcreteOptions } from './concrete-scenario';
import type { ScenarioDoc } from './scenario-doc';

export interface CompareConfig {
  readonly id: string;
  /** The grid's heading. */
  readonly label: string;
  readonly options: Partial<ConcreteOptions>;
  /**
   * Walk a neighbour page after the access and show that second walk: the caches the first walk
   * filled spare part of it.
   */
  readonly warmNeighbour?: boolean;
}

export const COMPARE_CONFIGS: readonly CompareConfig[] = [
  { id: 'native-4k', label: 'Native, 4 KiB pages', options: { nested: 'native' } },
  { id: 'native-2m', label: 'Native, 2 MiB pages', options: { nested: 'native', guestPageSize: '2M' } },
  { id: 'ept-4k', label: 'EPT, 4 KiB guest on 4 KiB EPT', options: {} },
  { id: 'ept-2m', label: 'EPT, 4 KiB guest on 2 MiB EPT', options: { nestedPageSize: '2M' } },
  {
    id: 'ept-2m-2m',
    label: 'EPT, 2 MiB guest on 2 MiB EPT',
    options: { guestPageSize: '2M', nestedPageSize: '2M' },
  },
  {
    id: 'ept-1g',
    label: 'EPT, 1 GiB guest on 1 GiB EPT',
    options: { guestPageSize: '1G', nestedPageSize: '1G' },
  },
  { id: 'npt-4k', label: 'AMD NPT, 4 KiB on 4 KiB', options: { nested: 'npt' } },
  {
    id: 'ept-4k-warm',
    label: 'EPT 4 KiB, caches warm (Skylake), the neighbour page',
    options: { tlb: 'skylake' },
    warmNeighbour: true,
  },
];

/** The example and the slide's comparison: native, EPT with 4 KiB and with 2 MiB pages. */
export const DEFAULT_COMPARE: readonly string[] = ['native-4k', 'ept-4k', 'ept-2m'];
export const MAX_COMPARED = 3;
export const MIN_COMPARED = 2;

export const compareConfigById = (id: string): CompareConfig | undefined =>
  COMPARE_CONFIGS.find((c) => c.id === id);

export interface CompareScenario {
  readonly doc: ScenarioDoc;
  /** Which memory access of the document the grid shows. */
  readonly access: number;
}

/** The scenario a configuration walks, and which of its accesses the grid shows. */
export function compareScenario(config: CompareConfig): CompareScenario {
  const doc = buildConcreteScenario({ ...DEFAULT_CONCRETE, ...config.options });
  if (!config.warmNeighbour) return { doc, access: 0 };
  const next = appendToSequence(doc, 0, 'neighbour-page');
  return { doc: { ...next.doc, name: `${doc.name}, then the neighbour page` }, access: next.pick };
}
