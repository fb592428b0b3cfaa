/**
 * The translation configurations a sweep can compare: native paging with 4 KiB, 2 MiB or 1 GiB
 * pages, and every guest page size on every EPT page size. Ids are stable strings (CSV, legend).
 */
import type { PageSize } from '../engine';
import type { NestedSpec } from '../engine';
import { PAGE_SIZES, pageSizeText } from '../engine';

export { PAGE_SIZES, pageSizeText };

export type ConfigurationId = `native-${PageSize}` | `ept-${PageSize}-${PageSize}`;

export interface SweepConfiguration {
  readonly id: ConfigurationId;
  readonly guestPageSize: PageSize;
  /** EPT page size, or null for native paging. */
  readonly eptPageSize: PageSize | null;
  readonly label: string;
}

/** "4 KiB", "2 MiB", "1 GiB". */

function configuration(guestPageSize: PageSize, eptPageSize: PageSize | null): SweepConfiguration {
  if (eptPageSize === null) {
    return {
      id: `native-${guestPageSize}`,
      guestPageSize,
      eptPageSize,
      label: `Native, ${pageSizeText(guestPageSize)} pages`,
    };
  }
  return {
    id: `ept-${guestPageSize}-${eptPageSize}`,
    guestPageSize,
    eptPageSize,
    label: `EPT ${pageSizeText(eptPageSize)}, guest ${pageSizeText(guestPageSize)}`,
  };
}

/** Every configuration, natives first, then EPT by guest page size and EPT page size. */
export const CONFIGURATIONS: readonly SweepConfiguration[] = [
  ...PAGE_SIZES.map((guest) => configuration(guest, null)),
  ...PAGE_SIZES.flatMap((guest) => PAGE_SIZES.map((ept) => configuration(guest, ept))),
];

const BY_ID = new Map(CONFIGURATIONS.map((c) => [c.id, c]));

export function findConfiguration(id: string): SweepConfiguration | undefined {
  return BY_ID.get(id as ConfigurationId);
}

/** Its place in CONFIGURATIONS: a stable colour index for charts. */
export const configurationIndex = (id: ConfigurationId): number =>
  CONFIGURATIONS.findIndex((c) => c.id === id);

export function nestedSpec(config: SweepConfiguration, levels: 4 | 5): NestedSpec {
  return config.eptPageSize === null ? 'off' : { mode: 'ept', pageSize: config.eptPageSize, levels };
}
