/**
 * The n/m sliders. Level counts a machine can really walk (2…5 each) become a concrete scenario:
 * large pages shorten a walk (a 2 MiB page ends it one level early, 1 GiB two). A 1-level table
 * exists on no machine, so n = 1 or m = 1 gets a symbolic walk built here with the same shape
 * (n·m + n + m references, in hardware order) over made-up addresses.
 */
import { asGpa, asGva, asHpa, levelIndex, physIndex } from '../engine';
import type { WalkEvent } from '../engine';
import type { PageSize, WalkReference } from '../engine';
import type { TraceJson } from '../worker/protocol';
import { PAGE_SIZES, levelOfPageSize } from '../engine';
import type { ConcreteOptions } from './concrete-scenario';

/** The concrete options that make an n × m walk, or null when no machine has one. */
export function realizeLevels(n: number, m: number, base: ConcreteOptions): ConcreteOptions | null {
  if (n < 2 || n > 5 || m < 2 || m > 5) return null;
  const shape = (levels: number) => {
    const tables: 4 | 5 = levels === 5 ? 5 : 4;
    return { tables, size: PAGE_SIZES[tables - levels] ?? '4K' };
  };
  const guest = shape(n);
  const nested = shape(m);
  return {
    ...base,
    guestLevels: guest.tables,
    guestPageSize: guest.size,
    nested: base.nested === 'native' ? 'ept' : base.nested,
    nestedLevels: nested.tables,
    nestedPageSize: nested.size,
  };
}

/** The levels a walk really read (n guest, m nested); null for native walks or when unknown. */
export function levelsOfWalk(events: readonly WalkEvent[]): { n: number; m: number } | null {
  const start = events.find((e) => e.type === 'walk-start');
  const end = events.find((e) => e.type === 'walk-end');
  if (!start || start.mode === 'native') return null;
  const shorten = (size: PageSize | undefined) => (size ? levelOfPageSize(size) - 1 : 0);
  const ok = end?.result.outcome === 'ok' ? end.result : undefined;
  return {
    n: start.guestLevels - shorten(ok?.guestPageSize),
    m: start.nestedLevels - shorten(ok?.nestedPageSize),
  };
}

const HOST_OFFSET = 0x1_0000_0000;
const NESTED_ROOT = 0x10_0000;
const DATA_GPA = 0x4000_0000;
const VA = asGva({ hi: 0x7fff, lo: 0xf012_3456 });

/** A symbolic, successful n × m walk of a read: one event list and its trace. */
export function buildAbstractWalk(n: number, m: number): { trace: TraceJson; events: WalkEvent[][] } {
  const events: WalkEvent[] = [
    { type: 'walk-start', va: VA, kind: 'read', cpl: 3, mode: 'ept', guestLevels: n, nestedLevels: m },
  ];
  const references: WalkReference[] = [];
  let step = 0;
  const translate = (gpa: number, guestLevel: number) => {
    for (let level = m; level >= 1; level--) {
      const addr = asHpa(NESTED_ROOT + 0x1000 * (m - level) + physIndex(gpa, level) * 8);
      const next =
        level > 1 ? NESTED_ROOT + 0x1000 * (m - level + 1) : Math.floor(gpa / 0x1000) * 0x1000 + HOST_OFFSET;
      const lo = ((next % 0x1_0000_0000) | (level > 1 ? 0x7 : 0x37)) >>> 0;
      const hi = Math.floor(next / 0x1_0000_0000);
      events.push({
        type: 'nested-read',
        step: ++step,
        guestLevel,
        nestedLevel: level,
        index: physIndex(gpa, level),
        gpa: asGpa(gpa),
        addr,
        lo,
        hi,
      });
      references.push({ kind: 'nested', guestLevel, nestedLevel: level, addr, lo, hi });
    }
  };
  for (let level = n; level >= 1; level--) {
    const index = levelIndex(VA.hi, VA.lo, level);
    const gpa = 0x1000 * (n - level + 1) + index * 8;
    translate(gpa, level);
    const addr = asHpa(gpa + HOST_OFFSET);
    const lo = (level > 1 ? 0x1000 * (n - level + 2) : DATA_GPA) | 0x7;
    events.push({
      type: 'guest-read',
      step: ++step,
      guestLevel: level,
      index,
      gpa: asGpa(gpa),
      addr,
      lo,
      hi: 0,
    });
    references.push({ kind: 'guest', guestLevel: level, addr, lo, hi: 0 });
  }
  const gpa = DATA_GPA + (VA.lo & 0xfff);
  translate(gpa, 0);
  const pa = gpa + HOST_OFFSET;
  events.push({
    type: 'walk-end',
    result: {
      va: VA,
      kind: 'read',
      cpl: 3,
      mode: 'ept',
      outcome: 'ok',
      guestLevels: n,
      nestedLevels: m,
      gpa: asGpa(gpa),
      pa: asHpa(pa),
      pageSize: '4K',
      guestPageSize: '4K',
      nestedPageSize: '4K',
      references,
    },
  });
  const hex = (x: number) => '0x' + x.toString(16);
  const trace: TraceJson = {
    results: [
      {
        va: '0x7ffff0123456',
        kind: 'read',
        cpl: 3,
        outcome: 'ok',
        gpa: hex(gpa),
        pa: hex(pa),
        pageSize: '4K',
        references: references.map(({ lo, hi, addr, ...cell }) => ({
          ...cell,
          addr: hex(addr),
          value: hex(hi * 0x1_0000_0000 + lo),
        })),
      },
    ],
    memory: [],
  };
  return { trace, events: [events] };
}
