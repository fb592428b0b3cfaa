/**
 * Stale translations: a hit whose entry no longer matches memory — the entry in memory changed and
 * nobody invalidated (SDM Vol. 3, §4.10.4: software must invalidate). Each hit's claim is checked
 * against an uncached, side-effect-free walk of memory as it is now. Only on the event / result
 * path, never in bulk runs.
 */
import { formatPhys } from '../address';
import { OUTCOMES, OUTCOME_OK, type WalkReference } from '../vocabulary';
import { type TranslationResult } from '../result';
import { CACHES_OFF } from '../walk/cache-hooks';
import type { GuestWalk } from '../walk/guest-walk';
import { NESTED_OK, type NestedWalker } from '../walk/nested-walker';
import { highHalf } from '../walk/address-halves';
import type { WalkContext } from '../walk/walk-context';
import { PTE_A } from '../bits';
import { entryName } from '../paging';
import { covers, type CacheTrace, type HitRecord } from './cache-trace';
import { pageBytes } from './keys';
import {
  gpaLeaf,
  gpaRights,
  nestedPwcRights,
  pwcNestedRights,
  pwcRights,
  tlbGuestLeaf,
  tlbGuestRights,
  tlbNestedLeaf,
  tlbNestedRights,
} from './payload-codec';

/** An access type no EPT rights refuse: the silent nested walk reports the mapping, whatever it allows. */
const ANY_ACCESS = 0;

export interface StaleReport {
  readonly structures: string[];
  readonly reasons: string[];
}

/**
 * `nestedAccessed`: the A bit of nested entries when the nested walk maintains it (EPT with A/D
 * on, NPT), else 0 — a cached entry stands for walks whose A flags were set when it was made.
 */
export function findStale(
  trace: CacheTrace,
  nestedAccessed: number,
  ctx: WalkContext,
  guest: GuestWalk,
  nested: NestedWalker | null,
  result: TranslationResult,
  kind: number,
): StaleReport {
  const report: StaleReport = { structures: [], reasons: [] };
  const hits = trace.hits;
  if (hits.length === 0) return report;
  ctx.begin(null, true, false, CACHES_OFF);
  ctx.recordPath = true;
  const code = guest.walk(result.va.hi >>> 0, result.va.lo >>> 0, kind, result.cpl);
  // Memory as it is now — after this access's own A/D updates.
  const walkNow = ctx.references!.slice();
  ctx.references = null;
  const stale = (hit: HitRecord, reason: string) => {
    if (!report.structures.includes(hit.structure)) report.structures.push(hit.structure);
    report.reasons.push(`${hit.structure}: ${reason}`);
  };
  for (const hit of hits) {
    const reason =
      claimBroken(hit, code, guest, nested, result) ?? accessedCleared(hit, walkNow, nestedAccessed);
    if (reason !== null) stale(hit, reason);
  }
  return report;
}

/** Why the hit's claim no longer holds in memory (null: it holds). `code`, `guest`: an uncached walk made just now. */
function claimBroken(
  hit: HitRecord,
  code: number,
  guest: GuestWalk,
  nested: NestedWalker | null,
  result: TranslationResult,
): string | null {
  const now = guest.record;
  switch (hit.kind) {
    case 'tlb': {
      const flags = hit.flags;
      const same =
        code === OUTCOME_OK &&
        result.outcome === 'ok' &&
        now.pa === result.pa &&
        (nested === null || now.gpa === result.gpa) &&
        now.leafRights === tlbGuestRights(flags) &&
        now.finalNestedRights === tlbNestedRights(flags) &&
        now.guestLeafLevel === tlbGuestLeaf(flags) &&
        now.nestedLeafLevel === tlbNestedLeaf(flags);
      if (same) return null;
      return code === OUTCOME_OK
        ? `memory now translates this page to ${formatPhys(now.pa)} with other rights or page size`
        : `memory now gives ${OUTCOMES[code]} for this access`;
    }
    case 'pwc': {
      const below = hit.level - 1;
      const same =
        guest.pathLowest <= below &&
        guest.pathTableHpa[below] === hit.a &&
        guest.pathTableGpa[below] === hit.b &&
        guest.pathRights[below] === pwcRights(hit.flags) &&
        (nested === null || guest.pathNestedRights[below] === pwcNestedRights(hit.flags));
      if (same) return null;
      return `the ${entryName(hit.level)} in memory no longer leads to the table at ${formatPhys(hit.a)} with these rights`;
    }
    case 'gpa-tlb': {
      const r = nested!.translate(highHalf(hit.gpa), hit.gpa | 0, ANY_ACCESS, hit.guestLevel);
      const same =
        r === NESTED_OK &&
        nested!.hpa === hit.a + (hit.gpa % pageBytes(hit.level)) &&
        nested!.rights === gpaRights(hit.flags) &&
        nested!.leafLevel === gpaLeaf(hit.flags);
      return same ? null : `the nested tables no longer map gPA ${formatPhys(hit.gpa)} as cached`;
    }
    default: {
      nested!.translate(highHalf(hit.gpa), hit.gpa | 0, ANY_ACCESS, hit.guestLevel);
      const below = hit.level - 1;
      const same =
        nested!.pathLowest <= below &&
        nested!.pathTable[below] === hit.a &&
        nested!.pathRights[below] === nestedPwcRights(hit.flags);
      if (same) return null;
      return `the nested ${entryName(hit.level)} for gPA ${formatPhys(hit.gpa)} no longer leads to the table at ${formatPhys(hit.a)}`;
    }
  }
}

/**
 * When the claim holds: the steps the hit spares set their accessed flags when it was made, so one
 * cleared since then is a change nobody invalidated (the walk would set it again; the cache won't).
 */
function accessedCleared(
  hit: HitRecord,
  walkNow: readonly WalkReference[],
  nestedAccessed: number,
): string | null {
  const cleared = walkNow.find(
    (ref) =>
      covers(hit, ref) &&
      (ref.kind === 'guest' || nestedAccessed !== 0) &&
      (ref.lo & (ref.kind === 'guest' ? PTE_A : nestedAccessed)) === 0,
  );
  return cleared === undefined
    ? null
    : `the accessed flag of the ${cleared.kind} entry at ${formatPhys(cleared.addr)} was cleared`;
}
