/**
 * A synthetic walk builder for view tests: plausible 2D walks (4/4 → 24 steps by default) with
 * large pages and faults on request. Addresses follow one layout: guest tables at gPA 0x1000,
 * 0x2000, …; EPT maps gPA x → hPA x + 4 GiB; EPT tables from hPA 0x10_0000.
 */
import type { WalkEvent } from '../../../src/engine/events';
import { asGpa, asGva, asHpa } from '../../../src/engine/vocabulary';
import type { AccessKind, PagingMode, WalkReference } from '../../../src/engine/vocabulary';
import type { TranslationResult } from '../../../src/engine/result';

type Common = 'va' | 'kind' | 'cpl' | 'mode' | 'guestLevels' | 'nestedLevels' | 'references';
/** The fields of one result variant beyond the common ones. */
type VariantFields = TranslationResult extends infer R
  ? R extends TranslationResult
    ? Omit<R, Common>
    : never
  : never;
import { physIndex, levelIndex } from '../../../src/engine/address';

export interface WalkOptions {
  mode?: PagingMode;
  n?: 4 | 5;
  m?: 4 | 5;
  kind?: AccessKind;
  guestPage?: '4K' | '2M';
  nestedPage?: '4K' | '2M';
  /** The guest entry at this level reads as not present → #PF. */
  guestNotPresentAt?: number;
  /** The nested entry at this cell reads as not present → EPT violation / #NPF. */
  nestedNotPresentAt?: { guestLevel: number; nestedLevel: number };
}

export const VA = asGva({ hi: 0x7fff, lo: 0xf000_0123 }); // PML4 index 255, PDPT 511, PD 384, PT 0
export const HOST_OFFSET = 0x1_0000_0000;
const TWO_M = 0x20_0000;

const eptTable = (level: number, m: number, gpa: number): number =>
  level === m
    ? 0x10_0000
    : 0x10_0000 + 0x1000 * (m - level) + (level <= 2 ? Math.floor(gpa / TWO_M) * 0x1_0000 : 0);

export function buildWalk(options: WalkOptions = {}): WalkEvent[] {
  const { mode = 'ept', n = 4, kind = 'read', guestPage = '4K', nestedPage = '4K' } = options;
  const m = mode === 'native' ? 0 : (options.m ?? 4);
  const nested = mode !== 'native';
  const events: WalkEvent[] = [
    { type: 'walk-start', va: VA, kind, cpl: 3, mode, guestLevels: n, nestedLevels: m },
  ];
  const references: WalkReference[] = [];
  let step = 0;
  const base = { va: VA, kind, cpl: 3 as const, mode, guestLevels: n, nestedLevels: m };
  const end = (result: VariantFields): WalkEvent[] => {
    events.push({ type: 'walk-end', result: { ...base, references, ...result } as TranslationResult });
    return events;
  };

  /** Nested walk of `gpa` for guest level `row`; false when it faulted. */
  const translate = (gpa: number, row: number): boolean => {
    const leafLevel = nestedPage === '2M' ? 2 : 1;
    for (let level: number = m; level >= leafLevel; level--) {
      const index = physIndex(gpa, level);
      const addr = asHpa(eptTable(level, m, gpa) + index * 8);
      const bad = options.nestedNotPresentAt;
      const missing = bad !== undefined && bad.guestLevel === row && bad.nestedLevel === level;
      let lo: number;
      let hi = 0;
      if (missing) lo = 0;
      else if (level > leafLevel)
        lo = (eptTable(level - 1, m, gpa) & 0xffff_f000) | (mode === 'npt' ? 0x27 : 0x107);
      else {
        const frame = gpa + HOST_OFFSET;
        const size = leafLevel === 2 ? TWO_M : 0x1000;
        const pageHpa = Math.floor(frame / size) * size;
        lo =
          ((pageHpa % 0x1_0000_0000) >>> 0) | (leafLevel === 2 ? 0x80 : 0) | (mode === 'npt' ? 0x67 : 0x137);
        hi = Math.floor(pageHpa / 0x1_0000_0000);
      }
      step++;
      events.push({
        type: 'nested-read',
        step,
        guestLevel: row,
        nestedLevel: level,
        index,
        gpa: asGpa(gpa),
        addr,
        lo,
        hi,
      });
      references.push({ kind: 'nested', guestLevel: row, nestedLevel: level, addr, lo, hi });
      if (missing) {
        const outcome = mode === 'npt' ? 'nested-page-fault' : 'ept-violation';
        events.push({
          type: 'fault',
          outcome,
          guestLevel: row,
          nestedLevel: level,
          reason: 'The nested entry is not present.',
        });
        const at = { faultGpa: asGpa(gpa), faultGuestLevel: row, faultNestedLevel: level };
        end(
          mode === 'npt'
            ? { outcome: 'nested-page-fault', ...at, exitInfo1: 2 ** (row === 0 ? 32 : 33) + 0x6 }
            : {
                outcome: 'ept-violation',
                ...at,
                exitQualification: 0x81 | (row === 0 ? 0x100 : 0),
                guestLinearAddress: VA,
              },
        );
        return false;
      }
    }
    return true;
  };

  const guestLeaf = guestPage === '2M' ? 2 : 1;
  const dataGpa = guestPage === '2M' ? 0x60_0000 : 0x40_0000;
  let table = 0x1000;
  for (let level: number = n; level >= guestLeaf; level--) {
    const index = levelIndex(VA.hi, VA.lo, level);
    const gpa = table + index * 8;
    if (nested && !translate(gpa, level)) return events;
    const addr = asHpa(nested ? gpa + HOST_OFFSET : gpa);
    const next = level > guestLeaf ? table + 0x1000 : dataGpa;
    const missing = options.guestNotPresentAt === level;
    const lo = missing
      ? 0
      : next | (level === guestLeaf ? 0x67 : 0x27) | (level === 2 && guestLeaf === 2 ? 0x80 : 0);
    step++;
    events.push({ type: 'guest-read', step, guestLevel: level, index, gpa: asGpa(gpa), addr, lo, hi: 0 });
    references.push({ kind: 'guest', guestLevel: level, addr, lo, hi: 0 });
    if (missing) {
      const errorCode = 0x4 | (kind === 'write' ? 0x2 : 0) | (kind === 'fetch' ? 0x10 : 0);
      events.push({
        type: 'fault',
        outcome: 'page-fault',
        guestLevel: level,
        nestedLevel: 0,
        reason: 'The guest entry is not present.',
      });
      return end({
        outcome: 'page-fault',
        errorCode,
        faultLinear: VA,
        faultGuestLevel: level,
        faultNestedLevel: 0,
      });
    }
    events.push({
      type: 'ad-update',
      table: 'guest',
      guestLevel: level,
      nestedLevel: 0,
      addr,
      setAccessed: false,
      setDirty: false,
      lo,
      hi: 0,
    });
    table = next;
  }
  const offset = VA.lo & ((guestPage === '2M' ? TWO_M : 0x1000) - 1);
  const gpa = dataGpa + offset;
  if (nested && !translate(gpa, 0)) return events;
  const pageSize = guestPage === '2M' && nestedPage === '2M' ? '2M' : '4K';
  return end({
    outcome: 'ok',
    gpa: nested ? asGpa(gpa) : undefined,
    pa: asHpa(nested ? gpa + HOST_OFFSET : gpa),
    pageSize,
    guestPageSize: guestPage,
    nestedPageSize: nested ? nestedPage : undefined,
  });
}

/** The number of memory references in an event list. */
export const referenceCount = (events: readonly WalkEvent[]): number =>
  events.filter((e) => e.type === 'guest-read' || e.type === 'nested-read').length;
