/** The reference count shown in headers: n·m + n + m with the walk's own numbers. */
import { nativeWalkReferences, nestedWalkReferences } from '../../../engine/cost';
import type { WalkModel } from './walk-model';

/** "4·4 + 4 + 4 = 24" (native: "4 = 4"). */
export const formulaText = (n: number, m: number, native = false): string =>
  native ? `${n} = ${nativeWalkReferences(n)}` : `${n}·${m} + ${n} + ${m} = ${nestedWalkReferences(n, m)}`;

export interface WalkCount {
  /** The formula for the paging structures' levels. */
  readonly full: string;
  readonly fullTotal: number;
  /** The formula for the levels this walk really used, when large pages shortened it. */
  readonly effective?: string;
  /** References the walk made. */
  readonly performed: number;
  /** Grid cells a cache hit spared. */
  readonly spared: number;
}

/** Levels used: guest reads and the final row's nested reads (only meaningful for a completed walk). */
function effectiveLevels(model: WalkModel): { n: number; m: number } | undefined {
  if (model.result?.outcome !== 'ok' || model.skips.length > 0) return undefined;
  const n = model.refs.filter((r) => r.type === 'guest-read').length;
  const m = model.refs.filter((r) => r.type === 'nested-read' && r.guestLevel === 0).length;
  const native = model.mode === 'native';
  const total = native ? nativeWalkReferences(n) : nestedWalkReferences(n, m);
  return total === model.total ? { n, m } : undefined;
}

export function walkCount(model: WalkModel): WalkCount {
  const native = model.mode === 'native';
  const fullTotal = native ? nativeWalkReferences(model.n) : nestedWalkReferences(model.n, model.m);
  const eff = effectiveLevels(model);
  const effective =
    eff && (eff.n !== model.n || eff.m !== model.m) ? formulaText(eff.n, eff.m, native) : undefined;
  const spared = new Set(model.skips.map((s) => `${s.guestLevel}:${s.nestedLevel}`)).size;
  return {
    full: formulaText(model.n, model.m, native),
    fullTotal,
    effective,
    performed: model.total,
    spared,
  };
}
