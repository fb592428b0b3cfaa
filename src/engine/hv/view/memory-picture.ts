/**
 * The state of a VM's memory at a playback position, drawn from a script and its report
 * (docs/hv-scenes.md, "Where guest memory lives"): which guest pages the scene touches, and for
 * each its slot and HVA (by the slot's offset), QEMU's host PTE, the EPT leaf (or, in shadow mode,
 * the shadow leaves), and whether the host swapped it out. A warm VM's pages are resident before
 * the first event; their frames are read from the first step that names them.
 */
import { PAGE_4K } from '../../bits';
import type { LinearAddress, PageSize } from '../../vocabulary';
import type { HvReport, HvStep } from '../report-types';
import type { HvMemslot, HvScript, HvVm } from '../script-types';
import type { HvPosition } from './playback';

export interface HvLeaf {
  /** Host-physical frame, or null when the VM was warm and no step has named it yet. */
  readonly hpa: number | null;
  readonly writable: boolean;
  readonly size: PageSize | null;
}

export interface HvPageState {
  readonly gpa: number;
  /** 'data' pages are mapped by a process; 'table' pages hold the guest's own page tables. */
  readonly role: 'data' | 'table';
  /** The guest-linear pages mapped to it (data pages). */
  readonly vas: readonly LinearAddress[];
  readonly slot: number | null;
  readonly hva: number | null;
  readonly hostPte: HvLeaf | null;
  readonly swapped: boolean;
  readonly eptLeaf: HvLeaf | null;
}

export interface HvVmPicture {
  readonly id: string;
  readonly warm: boolean;
  readonly ram: HvVm['ram'];
  readonly memslots: readonly HvMemslot[];
  readonly eptp?: number;
  readonly pages: readonly HvPageState[];
  /** Shadow mode: guest-linear page → shadow leaf. */
  readonly shadowLeaves: readonly { readonly va: number; readonly leaf: HvLeaf }[];
}

const pageOf = (addr: number): number => addr - (addr % PAGE_4K);

/** gPA → (slot, HVA): just the slot's offset; null for a gPA in no slot (MMIO). */
export function slotOf(vm: HvVm, gpa: number): { slot: number; hva: number } | null {
  const slot = vm.memslots.findIndex((s) => gpa >= s.gpa && gpa < s.gpa + s.size);
  if (slot < 0) return null;
  const s = vm.memslots[slot]!;
  return { slot, hva: s.hva + (gpa - s.gpa) };
}

interface Mutable {
  ept: Map<number, HvLeaf>;
  host: Map<number, HvLeaf>;
  shadow: Map<number, HvLeaf>;
  swapped: Set<number>;
}

function apply(state: Mutable, step: HvStep, kind: string) {
  if (step.type === 'host-fault' && step.kind === 'swap-in') state.swapped.delete(step.hva);
  if (step.type !== 'change') return;
  const map =
    step.structure === 'ept' ? state.ept : step.structure === 'host-pte' ? state.host : state.shadow;
  const key = step.structure === 'shadow' ? step.key : pageOf(step.key);
  if (step.action === 'installed') map.set(key, { hpa: step.hpa, writable: step.writable, size: step.size });
  else {
    map.delete(key);
    if (step.structure === 'host-pte' && kind === 'swap-out') state.swapped.add(key);
  }
}

/** Every step of `vmId`'s run, in order, with its event index and kind. */
function stepsOf(report: HvReport, vmId: string) {
  const list: { event: number; step: number; kind: string; value: HvStep }[] = [];
  report.events.forEach((e, event) =>
    e.steps.forEach((value, step) => {
      // A host-wide event (KSM over two VMs) names the VM in each step.
      const vm = e.vm ?? ('vm' in value ? value.vm : undefined);
      if (vm === undefined || vm === vmId) list.push({ event, step, kind: e.kind, value });
    }),
  );
  return list;
}

/** The guest pages a VM's run touches: mapped data pages, then table pages the walks read. */
function pagesOfInterest(script: HvScript, vm: HvVm, steps: ReturnType<typeof stepsOf>) {
  const data = new Map<number, LinearAddress[]>();
  const addData = (gpa: number, va: LinearAddress) => {
    const list = data.get(pageOf(gpa)) ?? [];
    if (!list.some((v) => v.hi === va.hi && v.lo === va.lo)) list.push(va);
    data.set(pageOf(gpa), list);
  };
  for (const p of vm.processes) for (const m of p.mappings) addData(m.gpa, m.va);
  for (const e of script.events) if (e.kind === 'map' && e.vm === vm.id) addData(e.gpa, e.va);
  const tables = new Set<number>();
  for (const p of vm.processes) tables.add(pageOf(p.cr3));
  for (const { value } of steps) {
    if (value.type === 'software-read' || value.type === 'guest-store') tables.add(pageOf(value.gpa));
    if (value.type === 'walk' && value.faultGpa !== undefined) tables.add(pageOf(value.faultGpa));
    if (value.type === 'change' && value.structure === 'ept') tables.add(pageOf(value.key));
  }
  for (const gpa of data.keys()) tables.delete(gpa);
  return { data, tables: [...tables].sort((a, b) => a - b) };
}

/** A warm VM's pages before the first event: the frame named by the first step that shows it. */
function warmStart(
  vm: HvVm,
  report: HvReport,
  steps: ReturnType<typeof stepsOf>,
  state: Mutable,
  gpas: number[],
) {
  const seenHost = new Set<number>();
  const seenEpt = new Set<number>();
  const tdp = report.mode !== 'shadow';
  for (const { event, value } of steps) {
    if (value.type === 'change' && value.structure !== 'shadow') {
      const key = pageOf(value.key);
      const seen = value.structure === 'ept' ? seenEpt : seenHost;
      if (!seen.has(key) && value.action === 'zapped') {
        const map = value.structure === 'ept' ? state.ept : state.host;
        map.set(key, { hpa: value.hpa, writable: value.writable, size: value.size });
      }
      seen.add(key);
    }
    // An access that completed with no change before it shows the frame its data page had.
    const report_ = report.events[event]!;
    if (
      value.type === 'walk' &&
      value.outcome === 'ok' &&
      report_.guest?.outcome === 'ok' &&
      value.hpa !== undefined
    ) {
      const gpa = pageOf(report_.guest.gpa);
      const where = slotOf(vm, gpa);
      const leaf = { hpa: pageOf(value.hpa), writable: true, size: '4K' as PageSize };
      if (where && !seenHost.has(pageOf(where.hva))) {
        state.host.set(pageOf(where.hva), leaf);
        seenHost.add(pageOf(where.hva));
      }
      if (tdp && !seenEpt.has(gpa)) {
        state.ept.set(gpa, leaf);
        seenEpt.add(gpa);
      }
    }
  }
  const unknown: HvLeaf = { hpa: null, writable: true, size: null };
  for (const gpa of gpas) {
    const where = slotOf(vm, gpa);
    if (where && !state.host.has(pageOf(where.hva))) state.host.set(pageOf(where.hva), unknown);
    if (tdp && where && !state.ept.has(gpa)) state.ept.set(gpa, unknown);
  }
}

const LARGE_PAGES: readonly (readonly [PageSize, number])[] = [
  ['2M', 0x20_0000],
  ['1G', 0x4000_0000],
];

/**
 * The leaf that maps the 4 KiB page at `page`: its own entry, or a 2 MiB / 1 GiB leaf whose page
 * contains it (then the frame is the large frame plus the offset into it), or null.
 */
function leafCovering(map: ReadonlyMap<number, HvLeaf>, page: number): HvLeaf | null {
  const own = map.get(page);
  if (own !== undefined) return own;
  for (const [size, bytes] of LARGE_PAGES) {
    const base = page - (page % bytes);
    const large = map.get(base);
    if (large?.size === size) return { ...large, hpa: large.hpa === null ? null : large.hpa + (page - base) };
  }
  return null;
}

/** Each VM's picture after `position` (null: before the first event). */
export function memoryPicture(
  script: HvScript,
  report: HvReport,
  position: HvPosition | null,
): HvVmPicture[] {
  return script.vms.map((vm) => {
    const steps = stepsOf(report, vm.id);
    const { data, tables } = pagesOfInterest(script, vm, steps);
    const state: Mutable = { ept: new Map(), host: new Map(), shadow: new Map(), swapped: new Set() };
    const gpas = [...data.keys(), ...tables];
    if (vm.warm) warmStart(vm, report, steps, state, gpas);
    for (const s of steps) {
      if (position === null || s.event > position.event) break;
      if (s.event === position.event && s.step > position.step) break;
      apply(state, s.value, s.kind);
    }
    const pageState = (gpa: number, role: 'data' | 'table'): HvPageState => {
      const where = slotOf(vm, gpa);
      const hvaPage = where ? pageOf(where.hva) : null;
      return {
        gpa,
        role,
        vas: data.get(gpa) ?? [],
        slot: where?.slot ?? null,
        hva: where?.hva ?? null,
        hostPte: hvaPage === null ? null : leafCovering(state.host, hvaPage),
        swapped: hvaPage !== null && state.swapped.has(hvaPage),
        eptLeaf: leafCovering(state.ept, gpa),
      };
    };
    return {
      id: vm.id,
      warm: vm.warm,
      ram: vm.ram,
      memslots: vm.memslots,
      eptp: report.vms.find((v) => v.id === vm.id)?.eptp,
      pages: [
        ...[...data.keys()].sort((a, b) => a - b).map((g) => pageState(g, 'data')),
        ...tables.map((g) => pageState(g, 'table')),
      ],
      shadowLeaves: [...state.shadow.entries()].map(([va, leaf]) => ({ va, leaf })),
    };
  });
}

/** Host frames saved by sharing among the pages pictured: pages backed − distinct frames. */
export function framesShared(pictures: readonly HvVmPicture[]): number {
  const frames = new Set<number>();
  let backed = 0;
  for (const p of pictures)
    for (const page of p.pages) {
      if (page.hostPte?.hpa == null) continue;
      backed += 1;
      frames.add(page.hostPte.hpa);
    }
  return backed - frames.size;
}
