/**
 * A standard 2D machine for walker tests: guest tables at gPA 0x1000…, data page at gPA 0x40_0000,
 * and an EPT that maps gPA → hPA 0x1_0000_0000 + gPA for both, with 4 KiB pages unless asked.
 */
import { Tables, baseCpu, buildGuest, buildNested, type GuestPage } from './fixture';
import type { CpuConfig } from '../../../src/engine/vocabulary';
import type { MachineConfig } from '../../../src/engine/machine-api';

export const HOST_OFFSET = 0x1_0000_0000;
export const EPT_ROOT = 0x5000_0000;
export const DATA_GPA = 0x40_0000;
export const VA = '0x7fff_f000_0123';

export interface Setup2D {
  tables: Tables;
  config: MachineConfig;
  /** Host-physical address of a guest-physical address (the EPT's mapping). */
  host: (gpa: number) => number;
}

export interface Options2D {
  guestLevels?: 4 | 5;
  eptLevels?: 4 | 5;
  eptLeafLevel?: number;
  eptAd?: boolean;
  eptLeafFlags?: number;
  /** EPT leaf flags for the guest-table frames (default RWX + WB). */
  eptTableFlags?: number;
  pages?: GuestPage[];
  cpu?: Partial<CpuConfig>;
  npt?: boolean;
}

export const WB = 6 << 3;

export function setup2D(options: Options2D = {}): Setup2D {
  const guestLevels = options.guestLevels ?? 4;
  const eptLevels = options.eptLevels ?? 4;
  const leaf = options.eptLeafLevel ?? 1;
  const t = new Tables(EPT_ROOT + 0x1000);
  const nestedTables = new Map<string, number>();
  const npt = options.npt ?? false;
  const rwx = npt ? 0b111 : 0b111 | WB;
  const upper = npt ? 0b111 : 0b111;
  const mapFrame = (gpa: number, flags: number) => {
    const bytes = leaf === 1 ? 0x1000 : leaf === 2 ? 0x20_0000 : 0x4000_0000;
    const base = gpa - (gpa % bytes);
    buildNested(t, EPT_ROOT, eptLevels, base, base + HOST_OFFSET, leaf, flags, upper, nestedTables);
  };
  // Guest table frames 0x1000…0x6000, then the data page.
  for (let gpa = 0x1000; gpa < 0x7000; gpa += 0x1000) mapFrame(gpa, options.eptTableFlags ?? rwx);
  mapFrame(DATA_GPA, options.eptLeafFlags ?? rwx);
  let nextGuest = 0x2000;
  const pages = options.pages ?? [{ va: VA, pa: DATA_GPA }];
  buildGuest(
    t,
    0x1000,
    guestLevels,
    pages,
    () => (nextGuest += 0x1000) - 0x1000,
    (g) => g + HOST_OFFSET,
  );
  const walkLength = (eptLevels - 1) << 3;
  const config: MachineConfig = {
    cpu: { ...baseCpu, la57: guestLevels === 5, ...options.cpu },
    ...(npt
      ? { npt: { ncr3: EPT_ROOT, levels: eptLevels, nxe: true } }
      : { ept: { eptp: EPT_ROOT + 6 + walkLength + (options.eptAd ? 0x40 : 0) } }),
  };
  return { tables: t, config, host: (gpa) => gpa + HOST_OFFSET };
}
