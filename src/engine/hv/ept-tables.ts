/**
 * One VM's EPT (docs/hypervisor-model.md, "EPT mode"): built lazily by KVM on EPT violations, its
 * table frames from the host allocator, leaves of 4 KiB or 2 MiB, MMIO markers (W without R: a
 * misconfiguration), and zapping. The tables are real EPT entries the engine's EPT walker reads.
 */
import {
  EPT_PS,
  EPT_R,
  EPT_RWX,
  EPT_W,
  EPT_X,
  EPTP_WALK_LENGTH_SHIFT,
  PAGE_2M,
  PAGE_4K,
  TWO_32,
} from '../bits';
import { physIndex } from '../address';
import { hexOf } from '../scenario/hex';
import type { PageSize } from '../vocabulary';
import type { Host } from './host';
import type { StepLog } from './step-log';

const LEVELS = 4;
const MEMTYPE_WB = 6 << 3;

export interface EptLeaf {
  /** The leaf's first gPA (4 KiB or 2 MiB aligned). */
  readonly gpa: number;
  readonly hpa: number;
  readonly size: PageSize;
  readonly writable: boolean;
  readonly mmio: boolean;
  readonly entry: number;
}

export class EptTables {
  readonly root: number;
  readonly eptp: number;
  private readonly leaves = new Map<number, EptLeaf>();

  constructor(
    private readonly host: Host,
    readonly vmId: string,
  ) {
    this.root = host.allocateTable();
    this.eptp = this.root + ((LEVELS - 1) << EPTP_WALK_LENGTH_SHIFT) + 6; // WB, 4 levels, A/D off
  }

  lookup(gpa: number): EptLeaf | undefined {
    const small = this.leaves.get(gpa - (gpa % PAGE_4K));
    if (small !== undefined && small.size === '4K') return small;
    const large = this.leaves.get(gpa - (gpa % PAGE_2M));
    return large !== undefined && large.size === '2M' ? large : undefined;
  }

  /** Whether the PDE for `gpa` is free for a 2 MiB leaf (no table of 4 KiB leaves below it). */
  canMap2M(gpa: number): boolean {
    const pde = this.entryAddress(gpa, 2, false);
    if (pde === null) return true;
    const tables = this.host.tables;
    tables.load(pde);
    return (tables.lo & EPT_RWX) === 0;
  }

  install(gpa: number, hpa: number, size: PageSize, writable: boolean, log: StepLog | null): EptLeaf {
    const base = size === '2M' ? gpa - (gpa % PAGE_2M) : gpa - (gpa % PAGE_4K);
    const perms = EPT_R | EPT_X | (writable ? EPT_W : 0);
    const flags = perms | MEMTYPE_WB | (size === '2M' ? EPT_PS : 0);
    return this.put(base, hpa, size, flags, writable, false, log);
  }

  /** The MMIO marker: write-only, which no valid EPT entry is, so later accesses misconfigure. */
  installMmio(gpa: number, log: StepLog): EptLeaf {
    return this.put(gpa - (gpa % PAGE_4K), 0, '4K', EPT_W, false, true, log);
  }

  private put(
    base: number,
    hpa: number,
    size: PageSize,
    flags: number,
    writable: boolean,
    mmio: boolean,
    log: StepLog | null,
  ): EptLeaf {
    const entry = this.entryAddress(base, size === '2M' ? 2 : 1, true, log)!;
    this.host.tables.store(entry, ((hpa >>> 0) | flags) >>> 0, Math.floor(hpa / TWO_32));
    const leaf: EptLeaf = { gpa: base, hpa, size, writable, mmio, entry };
    this.leaves.set(base, leaf);
    log?.add({
      type: 'change',
      structure: 'ept',
      action: 'installed',
      vm: this.vmId,
      key: base,
      hpa,
      size,
      writable,
      text: mmio
        ? `EPT entry for gPA ${hexOf(base)}: MMIO marker (W without R, a misconfiguration)`
        : `EPT leaf gPA ${hexOf(base)} → ${hexOf(hpa)} (${size === '2M' ? '2 MiB' : '4 KiB'}, ${writable ? 'RWX' : 'R+X, read-only'})`,
    });
    return leaf;
  }

  /** The address of `gpa`'s entry at `level`, creating missing tables when `create`. */
  private entryAddress(
    gpa: number,
    level: number,
    create: boolean,
    log: StepLog | null = null,
  ): number | null {
    const tables = this.host.tables;
    let table = this.root;
    for (let at = LEVELS; at > level; at--) {
      const entry = table + physIndex(gpa, at) * 8;
      tables.load(entry);
      if ((tables.lo & EPT_RWX) === 0) {
        if (!create) return null;
        const fresh = this.host.allocateTable();
        tables.store(entry, ((fresh >>> 0) | EPT_RWX) >>> 0, Math.floor(fresh / TWO_32));
        log?.note(`KVM creates a level-${at - 1} EPT table at ${hexOf(fresh)}.`);
        table = fresh;
      } else {
        table = (tables.hi & 0xf_ffff) * TWO_32 + ((tables.lo & 0xffff_f000) >>> 0);
      }
    }
    return table + physIndex(gpa, level) * 8;
  }

  zap(leaf: EptLeaf, log: StepLog, why: string): void {
    this.host.tables.store(leaf.entry, 0, 0);
    this.leaves.delete(leaf.gpa);
    log.add({
      type: 'change',
      structure: 'ept',
      action: 'zapped',
      vm: this.vmId,
      key: leaf.gpa,
      hpa: leaf.hpa,
      size: leaf.size,
      writable: leaf.writable,
      text: `EPT leaf gPA ${hexOf(leaf.gpa)} zapped: ${why}`,
    });
  }

  /** Every leaf mapping host frame `frame` (a 2 MiB leaf maps 512 frames). */
  leavesMapping(frame: number): EptLeaf[] {
    const found: EptLeaf[] = [];
    for (const leaf of this.leaves.values()) {
      if (leaf.mmio) continue;
      const bytes = leaf.size === '2M' ? PAGE_2M : PAGE_4K;
      if (frame >= leaf.hpa && frame < leaf.hpa + bytes) found.push(leaf);
    }
    return found;
  }
}
