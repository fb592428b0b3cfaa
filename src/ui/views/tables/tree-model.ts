/**
 * The tables on the walk's path as positioned cards: the guest tables n…1 and the data page in
 * the top row, the nested (EPT/NPT) walk of one chosen row below, and the arrows between them
 * (d3 link generators: entry → next table, last nested entry → the guest table it locates).
 */
import { linkHorizontal, linkVertical } from 'd3';
import { clampCursor, isFinished, refAt, type Reference, type WalkModel } from '../model/walk-model';

export type CardState = 'done' | 'current' | 'future' | 'not-reached';

export interface CardBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface TableCard extends CardBox {
  readonly key: string;
  readonly table: 'guest' | 'nested';
  readonly level: number;
  /** For nested cards: the guest row whose gPA this walk translates (0 = data). */
  readonly row: number;
  readonly ref?: Reference;
  readonly state: CardState;
  /** The walk ended with a fault at this entry (once the walk is over). */
  readonly fault: boolean;
  /** Not read because a cache hit supplied it: "TLB hit (gpa-tlb-4k)". */
  readonly spared?: string;
}

export interface TreeLink {
  readonly key: string;
  readonly d: string;
  readonly kind: 'guest' | 'nested' | 'feed';
  readonly lit: boolean;
  /** The walk faulted at the link's source: the pointer was never followed. */
  readonly fault?: boolean;
}

export interface TreeModel {
  readonly guest: readonly TableCard[];
  readonly page: CardBox & { readonly state: CardState };
  readonly nested: readonly TableCard[];
  readonly links: readonly TreeLink[];
  readonly width: number;
  readonly height: number;
  /** The guest row whose nested walk is shown (0 = the final data gPA). */
  readonly row: number;
  readonly narrow: boolean;
  /** Where the rule between the two rows runs. */
  readonly ruleY: number;
}

export const MARGIN_X = 46;
export const LABEL_H = 26;
const GAP_Y = 74;
const BASE_CARD_H = 164;
const NARROW_CARD_H = 184;

const stateOf = (ref: Reference | undefined, cursor: number): CardState =>
  !ref ? 'not-reached' : ref.step < cursor ? 'done' : ref.step === cursor ? 'current' : 'future';

/** The guest row the cursor is in (what the nested walk row should follow). */
export function rowAtCursor(model: WalkModel, rawCursor: number): number {
  const cursor = clampCursor(model, rawCursor);
  const ref = refAt(model, Math.max(1, cursor)) ?? model.refs[model.refs.length - 1];
  if (!ref) return model.n;
  return ref.guestLevel;
}

export function buildTree(model: WalkModel, rawCursor: number, row: number): TreeModel {
  const cursor = clampCursor(model, rawCursor);
  const nested = model.mode !== 'native';
  const cols = Math.max(model.n + 1, model.m);
  // Six columns (5-level guest) still fit 1280 px with narrower, taller cards.
  const narrow = cols > 5;
  const w = narrow ? 174 : 204;
  const GAP_X = narrow ? 24 : 30;
  const CARD_H = narrow ? NARROW_CARD_H : BASE_CARD_H;
  const xAt = (i: number) => MARGIN_X + i * (w + GAP_X);
  const guestY = LABEL_H;
  const nestedY = LABEL_H + CARD_H + GAP_Y;

  const finishedEarly = isFinished(model, cursor) && model.result?.outcome !== 'ok';
  const faultAt = (guestLevel: number, nestedLevel: number) =>
    finishedEarly && model.fault?.guestLevel === guestLevel && model.fault.nestedLevel === nestedLevel;
  const sparedAt = (guestLevel: number, nestedLevel: number) =>
    model.skips.find((s) => s.guestLevel === guestLevel && s.nestedLevel === nestedLevel)?.label;
  const guestRef = new Map<number, Reference>();
  const nestedRef = new Map<number, Reference>();
  for (const ref of model.refs) {
    if (ref.type === 'guest-read') guestRef.set(ref.guestLevel, ref);
    else if (ref.guestLevel === row) nestedRef.set(ref.nestedLevel, ref);
  }
  const guest: TableCard[] = Array.from({ length: model.n }, (_, i) => {
    const level = model.n - i;
    const ref = guestRef.get(level);
    return {
      key: `g${level}`,
      table: 'guest',
      level,
      row: level,
      ref,
      state: stateOf(ref, cursor),
      fault: faultAt(level, 0),
      spared: ref ? undefined : sparedAt(level, 0),
      x: xAt(i),
      y: guestY,
      w,
      h: CARD_H,
    };
  });
  const finished = isFinished(model, cursor);
  const page = {
    x: xAt(model.n),
    y: guestY,
    w,
    h: CARD_H,
    state: (finished && model.result?.outcome === 'ok' ? 'done' : 'not-reached') as CardState,
  };
  const nestedCards: TableCard[] = nested
    ? Array.from({ length: model.m }, (_, i) => {
        const level = model.m - i;
        const ref = nestedRef.get(level);
        return {
          key: `n${row}:${level}`,
          table: 'nested',
          level,
          row,
          ref,
          state: stateOf(ref, cursor),
          fault: faultAt(row, level),
          spared: ref ? undefined : sparedAt(row, level),
          x: xAt(i),
          y: nestedY,
          w,
          h: CARD_H,
        };
      })
    : [];

  const h = linkHorizontal<{ s: [number, number]; t: [number, number] }, [number, number]>()
    .source((l) => l.s)
    .target((l) => l.t);
  const v = linkVertical<{ s: [number, number]; t: [number, number] }, [number, number]>()
    .source((l) => l.s)
    .target((l) => l.t);
  const lit = (card: TableCard) => card.ref !== undefined && card.ref.step <= cursor;
  const links: TreeLink[] = [];
  const chain = (
    cards: readonly (CardBox & { key: string; fault?: boolean })[],
    kind: 'guest' | 'nested',
    litOf: (i: number) => boolean,
  ) => {
    for (let i = 0; i + 1 < cards.length; i++) {
      const a = cards[i]!;
      const b = cards[i + 1]!;
      const d = h({ s: [a.x + a.w, a.y + 54], t: [b.x - 4, b.y + 54] }) ?? '';
      links.push({ key: `${kind}${i}`, d, kind, lit: litOf(i), fault: a.fault === true });
    }
  };
  chain([...guest, { ...page, key: 'page' }], 'guest', (i) => lit(guest[i]!));
  chain(nestedCards, 'nested', (i) => lit(nestedCards[i]!));
  // The nested leaf (the last card read: large pages end early) gives the host frame of the guest
  // table — or the data page — of this row.
  const read = nestedCards.filter((c) => c.ref !== undefined);
  const leaf = read[read.length - 1] ?? nestedCards[nestedCards.length - 1];
  const target = row === 0 ? page : guest.find((c) => c.level === row);
  if (leaf && target) {
    const d =
      v({ s: [leaf.x + leaf.w / 2, leaf.y], t: [target.x + target.w / 2, target.y + target.h + 4] }) ?? '';
    links.push({ key: 'feed', d, kind: 'feed', lit: lit(leaf), fault: leaf.fault });
  }
  const width = xAt(cols) - GAP_X + 8;
  const height = nested ? nestedY + CARD_H + 8 : guestY + CARD_H + 8;
  return {
    guest,
    page,
    nested: nestedCards,
    links,
    width,
    height,
    row,
    narrow,
    ruleY: guestY + CARD_H + GAP_Y / 2,
  };
}
