/** Cache entries in words, for snapshots and fill events (display only, never the hot path). */
import { formatLinear, formatPhys, linearFromBigInt } from '../address';
import { entryName, tableName, pageShift, pageSizeOfLevel } from '../paging';
import { NESTED_FETCH, NESTED_READ, NESTED_WRITE, RIGHT_NX, RIGHT_U, RIGHT_W } from '../walk/rights';
import type { CacheEntrySnapshot } from './snapshot-types';
import {
  gpaDirty,
  gpaLeaf,
  gpaRights,
  nestedPwcRights,
  pwcRights,
  tlbGuestDirty,
  tlbGuestRights,
  tlbNestedDirty,
  tlbNestedRights,
} from './payload-codec';
import { PCID_BITS, PCID_MASK } from './set-assoc';
import type { CacheStructure } from './structure';

/** Bit 56: linear addresses are sign-extended from it (with 4-level paging bits 56:48 copy bit 47). */
const SIGN_BIT = 1n << 56n;
const TWO_64 = 1n << 64n;

/** The linear address whose bits 56:shift are `number`, in canonical form. */
function linearText(number: number, shift: number): string {
  let value = BigInt(number) << BigInt(shift);
  if ((value & SIGN_BIT) !== 0n) value = (value | (TWO_64 - SIGN_BIT)) & (TWO_64 - 1n);
  return formatLinear(linearFromBigInt(value));
}

const guestRightsText = (r: number): string =>
  [(r & RIGHT_W) !== 0 ? 'W' : 'RO', (r & RIGHT_U) !== 0 ? 'U' : 'S', (r & RIGHT_NX) !== 0 ? 'NX' : '']
    .filter(Boolean)
    .join(' ');

const nestedRightsText = (r: number): string =>
  ['R', 'W', 'X'].filter((_, bit) => (r & [NESTED_READ, NESTED_WRITE, NESTED_FETCH][bit]!) !== 0).join('') ||
  '—';

/** Describes entry `i` of `st`. `nested`: the machine has a second dimension; `npt`: it is AMD's. */
export function describeEntry(
  st: CacheStructure,
  i: number,
  nested: boolean,
  npt: boolean,
): CacheEntrySnapshot {
  const arr = st.array;
  const key = arr.keys[i]!;
  const tag = arr.tags[i]!;
  const flags = arr.flags[i]!;
  const a = arr.a[i]!;
  const base = {
    set: Math.floor(i / arr.ways),
    way: i % arr.ways,
    key,
    vpid: tag >>> PCID_BITS,
    pcid: tag & PCID_MASK,
    global: arr.global[i] !== 0,
    recency: arr.recency(i),
  };
  const dim = npt ? 'nested' : 'EPT';
  switch (st.kind) {
    case 'tlb': {
      const level = key % 4;
      const b = arr.b[i]!;
      const dirty = tlbGuestDirty(flags) && tlbNestedDirty(flags);
      return {
        ...base,
        pageSize: pageSizeOfLevel(level),
        from: `va ${linearText(Math.floor(key / 4), pageShift(level))}`,
        to: nested ? `hPA ${formatPhys(a)} (gPA ${formatPhys(b)})` : `pa ${formatPhys(a)}`,
        rights:
          guestRightsText(tlbGuestRights(flags)) +
          (nested ? ` · ${dim} ${nestedRightsText(tlbNestedRights(flags))}` : '') +
          (dirty ? ' · D' : ''),
      };
    }
    case 'pwc': {
      const level = key % 8;
      const b = arr.b[i]!;
      return {
        ...base,
        level,
        from: `${entryName(level)} of va ${linearText(Math.floor(key / 8), pageShift(level))}`,
        to: nested
          ? `${tableName(level - 1)} at gPA ${formatPhys(b)} = hPA ${formatPhys(a)}`
          : `${tableName(level - 1)} at ${formatPhys(a)}`,
        rights: guestRightsText(pwcRights(flags)),
      };
    }
    case 'gpa-tlb': {
      const level = key % 4;
      return {
        ...base,
        pageSize: pageSizeOfLevel(level),
        from: `gPA ${formatPhys(Math.floor(key / 4) * 2 ** pageShift(level))}`,
        to: `hPA ${formatPhys(a)}`,
        rights:
          nestedRightsText(gpaRights(flags)) +
          (gpaDirty(flags) ? ' · D' : '') +
          ` (${pageSizeOfLevel(gpaLeaf(flags))} leaf)`,
      };
    }
    default: {
      const level = key % 8;
      return {
        ...base,
        level,
        from: `${dim} ${entryName(level)} of gPA ${formatPhys(Math.floor(key / 8) * 2 ** pageShift(level))}`,
        to: `${dim} ${tableName(level - 1)} at ${formatPhys(a)}`,
        // NPT rights so far are packed like guest rights (RIGHT_*); EPT's are R/W/X.
        rights: npt ? guestRightsText(nestedPwcRights(flags)) : nestedRightsText(nestedPwcRights(flags)),
      };
    }
  }
}
