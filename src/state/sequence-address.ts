/**
 * "Another address" for a sequence: the picked access's address moved to its 4 KiB neighbour, to
 * another 2 MiB region of its 1 GiB region, or to another 1 GiB region under the same PML4E, with
 * the builder mappings that address needs (docs/walk-view.md, "Sequences"). The engine's own
 * builder says which guest-table frames the new mapping uses, so their EPT mappings are added too.
 */
import { formatLinear, linearFromBigInt, linearToBigInt } from '../engine';
import { bytesOfPageSize } from '../engine';
import { buildMemoryImage, parseScenario, type Scenario } from '../engine/scenario';
import type { PageSize } from '../engine';
import { hexToBigInt, toHex, type ScenarioAccessDoc, type ScenarioDoc } from './scenario-doc';

export type AddressMove = 'neighbour-page' | 'other-2m' | 'other-1g';

/** Flipping one address bit keeps the rest of the path: bit 12 the PT index, 21 the PD's, 30 the PDPT's. */
const MOVE_BIT: Record<AddressMove, bigint> = {
  'neighbour-page': 12n,
  'other-2m': 21n,
  'other-1g': 30n,
};
const PAGE_4K = bytesOfPageSize('4K');
const BYTES: Record<PageSize, number> = {
  '4K': PAGE_4K,
  '2M': bytesOfPageSize('2M'),
  '1G': bytesOfPageSize('1G'),
};

interface Range {
  readonly start: number;
  readonly bytes: number;
}

const alignUp = (value: number, bytes: number): number => Math.ceil(value / bytes) * bytes;
const alignDown = (value: number, bytes: number): number => Math.floor(value / bytes) * bytes;
const covers = (r: Range, addr: number): boolean => addr >= r.start && addr < r.start + r.bytes;
const overlaps = (a: Range, b: Range): boolean => a.start < b.start + b.bytes && b.start < a.start + a.bytes;
const endOf = (ranges: readonly Range[]): number =>
  ranges.reduce((end, r) => Math.max(end, r.start + r.bytes), 0);

/** Grouped hex without leading zero groups, as people write it: 0x7fff_f000_1123. */
export const groupedLinear = (va: bigint): string =>
  formatLinear(linearFromBigInt(va), true).replace(/^0x(0000_)+/, '0x');

export function movedAddress(va: bigint, move: AddressMove): bigint {
  return va ^ (1n << MOVE_BIT[move]);
}

export interface MovedAccess {
  readonly doc: ScenarioDoc;
  readonly access: ScenarioAccessDoc;
}

/**
 * The document with the mappings the moved address needs (none when it is already mapped) and the
 * access to append. Throws an Error naming what is missing when the document cannot take one.
 */
export function withMovedAccess(doc: ScenarioDoc, picked: ScenarioAccessDoc, move: AddressMove): MovedAccess {
  const pickedVa = hexToBigInt(picked.va);
  if (pickedVa === null) throw new Error(`the picked access's address ${String(picked.va)} is not a number`);
  const va = movedAddress(pickedVa, move);
  const access: ScenarioAccessDoc = { ...picked, va: groupedLinear(va) };
  const parsed = parseScenario(doc);
  if (parsed.guestMappings.length === 0 || !doc.guestMappings)
    throw new Error('another address needs a scenario whose guest tables come from guestMappings');

  const guestStart = (m: Scenario['guestMappings'][number]) => linearToBigInt(m.va);
  const inGuest = (m: Scenario['guestMappings'][number], at: bigint) =>
    at >= guestStart(m) && at < guestStart(m) + BigInt(BYTES[m.size]);
  let withGuest = doc;
  if (!parsed.guestMappings.some((m) => inGuest(m, va))) {
    // A page like the picked one (its size and flags), at guest-physical memory nothing else uses.
    const template = Math.max(
      0,
      parsed.guestMappings.findIndex((m) => inGuest(m, pickedVa)),
    );
    const size = parsed.guestMappings[template]!.size;
    const bytes = BYTES[size];
    const frames = buildMemoryImage(parsed).guestFrames.length;
    const used = [
      ...parsed.guestMappings.map((m) => ({ start: m.pa, bytes: BYTES[m.size] })),
      ...parsed.eptMappings.map((m) => ({ start: m.gpa, bytes: BYTES[m.size] })),
      // The guest tables grow from CR3 by at most one frame per level for the new page.
      { start: alignDown(parsed.cpu.cr3, PAGE_4K), bytes: (frames + 5) * PAGE_4K },
    ];
    const added = {
      ...doc.guestMappings[template],
      va: groupedLinear(va - (va % BigInt(bytes))),
      pa: toHex(alignUp(endOf(used), bytes)),
      size,
    };
    withGuest = { ...doc, guestMappings: [...doc.guestMappings, added] };
  }
  if (!doc.ept && !doc.npt) return { doc: withGuest, access };
  const next = parseScenario(withGuest);
  const gpaOf = (at: bigint): number => {
    const m = next.guestMappings.find((g) => inGuest(g, at));
    return m ? m.pa + Number(at - guestStart(m)) : -1;
  };
  return { doc: withNestedMappings(withGuest, next, gpaOf(va), gpaOf(pickedVa)), access };
}

/** Adds nested mappings for the guest-table frames and `finalGpa` where none covers them. */
function withNestedMappings(
  doc: ScenarioDoc,
  parsed: Scenario,
  finalGpa: number,
  pickedGpa: number,
): ScenarioDoc {
  const image = buildMemoryImage(parsed);
  const needed = [...image.guestFrames.map((f) => f.frame), finalGpa];
  const nested = parsed.eptMappings.map((m) => ({ start: m.gpa, bytes: BYTES[m.size], hpa: m.hpa }));
  // The template: the nested mapping of the picked access's data page (its size, rights, memory type).
  const templateIndex = Math.max(
    0,
    nested.findIndex((r) => covers(r, pickedGpa)),
  );
  const rawTemplate = doc.eptMappings?.[templateIndex] ?? { perms: 'rwx' };
  const size = parsed.eptMappings[templateIndex]?.size ?? '4K';
  const bytes = BYTES[size];
  const hostUsed: Range[] = [
    ...nested.map((r) => ({ start: r.hpa, bytes: r.bytes })),
    ...image.nestedFrames.map((f) => ({ start: f.frame, bytes: PAGE_4K })),
  ];
  const template = nested[templateIndex];
  // Keep the scenario's layout (gPA + a fixed offset) where that host memory is free.
  const offset = template ? template.hpa - template.start : 2 ** 32;
  const added: Record<string, unknown>[] = [];
  const ranges: Range[] = [...nested];
  for (const gpa of needed) {
    if (gpa < 0 || ranges.some((r) => covers(r, gpa))) continue;
    const start = alignDown(gpa, bytes);
    let hpa = start + offset;
    if (hpa % bytes !== 0 || hostUsed.some((r) => overlaps(r, { start: hpa, bytes })))
      hpa = alignUp(endOf(hostUsed), bytes);
    added.push({ ...rawTemplate, gpa: toHex(start), hpa: toHex(hpa), size });
    ranges.push({ start, bytes });
    hostUsed.push({ start: hpa, bytes });
  }
  return added.length === 0 ? doc : { ...doc, eptMappings: [...(doc.eptMappings ?? []), ...added] };
}
