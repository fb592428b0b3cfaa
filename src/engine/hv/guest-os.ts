/**
 * The guest OS of one VM (docs/hypervisor-model.md, "Who holds what"): processes with 4-level
 * tables in guest RAM, new tables taken from each process's table area, the stores a `map` or
 * `unmap` makes, and the software walk KVM makes of those tables (gVA → gPA, each read gPA → HVA).
 */
import { PAGE_4K, PTE_A, PTE_D, PTE_P, PTE_RW, PTE_US, TWO_32 } from '../bits';
import { levelIndex } from '../address';
import { hexOf } from '../scenario/hex';
import type { AccessKind, LinearAddress } from '../vocabulary';
import { hvaOf, slotOf } from './guest-ram';
import type { QemuMemory } from './qemu-memory';
import type { HvGuestMapping, HvProcess, HvVm } from './script-types';
import { HvInputError } from './run-error';

const LEVELS = 4;
const NON_LEAF = PTE_P | PTE_RW | PTE_US;
const FRAME_MASK_LO = 0xffff_f000;

interface ProcessState {
  readonly name: string;
  readonly cr3: number;
  nextTable: number;
}

export interface TableStore {
  readonly gpa: number;
  readonly lo: number;
  readonly hi: number;
  readonly text: string;
}

export interface SoftwareRead {
  readonly level: number;
  readonly gpa: number;
  readonly hva: number;
}

export interface SoftwareWalk {
  readonly reads: readonly SoftwareRead[];
  /** Table frames (gPA) the walk read, top-down. */
  readonly tablePages: readonly number[];
  readonly ok: boolean;
  /** #PF error code bits P, W/R, U/S (the guest runs at CPL 3). */
  readonly errorCode: number;
  /** The leaf's entry address and what it maps (ok walks). */
  readonly leafEntry: number;
  readonly gpa: number;
  readonly writable: boolean;
  readonly dirty: boolean;
}

export const entryFrame = (lo: number, hi: number): number =>
  (hi & 0xf_ffff) * TWO_32 + ((lo & FRAME_MASK_LO) >>> 0);
const lowBits = (addr: number): number => addr >>> 0;
const highBits = (addr: number): number => Math.floor(addr / TWO_32);

export class GuestOs {
  private readonly processes = new Map<string, ProcessState>();
  current: ProcessState;

  constructor(
    readonly vm: HvVm,
    private readonly qemu: QemuMemory,
  ) {
    for (const process of vm.processes) this.addProcess(process);
    this.current = this.processes.get(vm.processes[0]!.name)!;
  }

  private addProcess(process: HvProcess): void {
    const state: ProcessState = { name: process.name, cr3: process.cr3, nextTable: process.cr3 + PAGE_4K };
    this.processes.set(process.name, state);
    this.markTable(process.cr3);
    for (const mapping of process.mappings) {
      for (const store of this.planMap(state, mapping).stores) this.writeEntry(store.gpa, store.lo, store.hi);
    }
  }

  process(name: string): ProcessState {
    const state = this.processes.get(name);
    if (state === undefined) throw new HvInputError(`unknown process "${name}"`, ['process']);
    return state;
  }

  private hva(gpa: number): number {
    const hva = hvaOf(this.vm, gpa);
    if (hva === null) throw new HvInputError(`guest table at ${hexOf(gpa)} is outside guest RAM`);
    return hva;
  }

  readEntry(gpa: number): { lo: number; hi: number } {
    const ram = this.qemu.ram;
    ram.load(this.qemu.offsetOf(this.hva(gpa)) + (gpa % PAGE_4K));
    return { lo: ram.lo, hi: ram.hi };
  }

  writeEntry(gpa: number, lo: number, hi: number): void {
    this.qemu.ram.store(this.qemu.offsetOf(this.hva(gpa)) + (gpa % PAGE_4K), lo >>> 0, hi >>> 0);
  }

  private markTable(gpa: number): void {
    this.qemu.setContent(this.hva(gpa), `table ${this.vm.id} ${hexOf(gpa)}`);
  }

  private newTable(process: ProcessState): number {
    const gpa = process.nextTable;
    if (slotOf(this.vm, gpa) === null) {
      throw new HvInputError(
        `process "${process.name}" needs a new page table at ${hexOf(gpa)}, outside guest RAM (its tables follow CR3 ${hexOf(process.cr3)})`,
      );
    }
    process.nextTable += PAGE_4K;
    this.markTable(gpa);
    return gpa;
  }

  /** The stores that map `va` (top-down: links of new tables, then the leaf). */
  planMap(
    process: ProcessState,
    mapping: Omit<HvGuestMapping, 'va'> & { readonly va: LinearAddress },
  ): { stores: TableStore[]; wasPresent: boolean } {
    const stores: TableStore[] = [];
    let table = process.cr3;
    const { hi, lo } = mapping.va;
    for (let level = LEVELS; level > 1; level--) {
      const entry = table + levelIndex(hi, lo, level) * 8;
      const word = this.readEntry(entry);
      if ((word.lo & PTE_P) !== 0) {
        table = entryFrame(word.lo, word.hi);
        continue;
      }
      const fresh = this.newTable(process);
      stores.push({
        gpa: entry,
        lo: lowBits(fresh) | NON_LEAF,
        hi: highBits(fresh),
        text: `links a new level-${level - 1} table at ${hexOf(fresh)}`,
      });
      table = fresh;
    }
    const leaf = table + levelIndex(hi, lo, 1) * 8;
    const before = this.readEntry(leaf);
    const flags =
      PTE_P | (mapping.writable ? PTE_RW : 0) | (mapping.user ? PTE_US : 0) | (mapping.dirty ? PTE_D : 0);
    stores.push({
      gpa: leaf,
      lo: lowBits(mapping.gpa) | flags,
      hi: highBits(mapping.gpa),
      text: `writes the PTE → ${hexOf(mapping.gpa)}`,
    });
    return { stores, wasPresent: (before.lo & PTE_P) !== 0 };
  }

  /** The store that clears `va`'s PTE; an input error when the process does not map it. */
  planUnmap(process: ProcessState, va: LinearAddress): TableStore {
    const walk = this.walk(process.cr3, va, 'read', null);
    if (!walk.ok) throw new HvInputError(`process "${process.name}" does not map this address`, ['va']);
    return { gpa: walk.leafEntry, lo: 0, hi: 0, text: 'clears the PTE' };
  }

  /**
   * Walks the guest tables as software does: reads each entry through its HVA, stops at a
   * not-present entry; `hvaOfTable` is told each table page read (KVM's access may fault it in).
   */
  walk(
    cr3: number,
    va: LinearAddress,
    kind: AccessKind,
    onTable: ((gpa: number) => void) | null,
  ): SoftwareWalk {
    const reads: SoftwareRead[] = [];
    const tablePages: number[] = [];
    let table = cr3;
    let writable = true;
    let user = true;
    const write = kind === 'write' ? 0b010 : 0;
    for (let level = LEVELS; level >= 1; level--) {
      onTable?.(table);
      tablePages.push(table);
      const entry = table + levelIndex(va.hi, va.lo, level) * 8;
      reads.push({ level, gpa: entry, hva: this.hva(entry) });
      const word = this.readEntry(entry);
      if ((word.lo & PTE_P) === 0) return this.fault(reads, tablePages, write, entry);
      writable &&= (word.lo & PTE_RW) !== 0;
      user &&= (word.lo & PTE_US) !== 0;
      if (level === 1) {
        if (!user || (write !== 0 && !writable)) return this.fault(reads, tablePages, write | 1, entry);
        return {
          reads,
          tablePages,
          ok: true,
          errorCode: 0,
          leafEntry: entry,
          gpa: entryFrame(word.lo, word.hi),
          writable,
          dirty: (word.lo & PTE_D) !== 0,
        };
      }
      table = entryFrame(word.lo, word.hi);
    }
    throw new Error('unreachable: a 4-level walk ends at level 1');
  }

  private fault(reads: SoftwareRead[], tablePages: number[], bits: number, entry: number): SoftwareWalk {
    return {
      reads,
      tablePages,
      ok: false,
      errorCode: bits | 0b100,
      leafEntry: entry,
      gpa: 0,
      writable: false,
      dirty: false,
    };
  }

  /** KVM sets A on every entry its walk used, and D on the leaf for a write. */
  setAccessed(walk: SoftwareWalk, write: boolean): void {
    for (const read of walk.reads) {
      const word = this.readEntry(read.gpa);
      const extra = read.level === 1 && write ? PTE_A | PTE_D : PTE_A;
      this.writeEntry(read.gpa, word.lo | extra, word.hi);
    }
  }
}
