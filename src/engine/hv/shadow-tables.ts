/**
 * One VM's shadow page tables (docs/hypervisor-model.md, "Shadow mode"): a root per guest CR3,
 * leaves gVA → hPA installed on intercepted #PFs (each remembering the guest entries it came
 * from), reserved-bit MMIO markers, and the guest table frames write-protected since a shadowed
 * walk used them. The tables are ordinary x86 tables the engine's walker reads natively.
 */
import { PAGE_4K, PTE_P, PTE_RW, PTE_US, TWO_32 } from '../bits';
import { levelIndex, linearPageBase } from '../address';
import { hexOf } from '../scenario/hex';
import type { LinearAddress } from '../vocabulary';
import type { Host } from './host';
import type { StepLog } from './step-log';

const LEVELS = 4;
const NON_LEAF = PTE_P | PTE_RW | PTE_US;
/** Bit 51: reserved with a physical-address width below 52, so the walk faults with RSVD. */
const MMIO_MARKER_HI = 1 << 19;

export interface ShadowLeaf {
  readonly va: LinearAddress;
  /** The guest-linear page as a number (the map key). */
  readonly page: number;
  readonly gpa: number;
  readonly hpa: number;
  readonly writable: boolean;
  readonly mmio: boolean;
  readonly entry: number;
  /** Guest entries (their gPAs) the leaf was derived from, top-down. */
  readonly guestEntries: readonly number[];
}

export class ShadowTables {
  private readonly roots = new Map<number, number>();
  private readonly leaves = new Map<number, Map<number, ShadowLeaf>>();
  private readonly protectedFrames = new Set<number>();

  constructor(
    private readonly host: Host,
    readonly vmId: string,
  ) {}

  /** The shadow root kept for a guest CR3, created empty the first time. */
  rootFor(guestCr3: number, log: StepLog | null): number {
    const known = this.roots.get(guestCr3);
    if (known !== undefined) return known;
    const root = this.host.allocateTable();
    this.roots.set(guestCr3, root);
    this.leaves.set(root, new Map());
    log?.note(`KVM creates an empty shadow root at ${hexOf(root)} for guest CR3 ${hexOf(guestCr3)}.`);
    return root;
  }

  rootList(): { guestCr3: number; root: number }[] {
    return [...this.roots].map(([guestCr3, root]) => ({ guestCr3, root }));
  }

  leaf(root: number, va: LinearAddress): ShadowLeaf | undefined {
    return this.leaves.get(root)?.get(linearPageBase(va, PAGE_4K));
  }

  install(
    root: number,
    va: LinearAddress,
    target: { gpa: number; hpa: number; writable: boolean; mmio: boolean },
    guestEntries: readonly number[],
    log: StepLog,
  ): ShadowLeaf {
    const tables = this.host.tables;
    let table = root;
    for (let level = LEVELS; level > 1; level--) {
      const entry = table + levelIndex(va.hi, va.lo, level) * 8;
      tables.load(entry);
      if ((tables.lo & PTE_P) === 0) {
        const fresh = this.host.allocateTable();
        tables.store(entry, ((fresh >>> 0) | NON_LEAF) >>> 0, Math.floor(fresh / TWO_32));
        log.note(`KVM creates a level-${level - 1} shadow table at ${hexOf(fresh)}.`);
        table = fresh;
      } else {
        table = (tables.hi & 0xf_ffff) * TWO_32 + ((tables.lo & 0xffff_f000) >>> 0);
      }
    }
    const entry = table + levelIndex(va.hi, va.lo, 1) * 8;
    const page = linearPageBase(va, PAGE_4K);
    const leaf: ShadowLeaf = { va, page, ...target, entry, guestEntries };
    this.writeLeaf(leaf);
    this.leaves.get(root)!.set(page, leaf);
    log.add({
      type: 'change',
      structure: 'shadow',
      action: 'installed',
      vm: this.vmId,
      key: page,
      hpa: target.hpa,
      size: '4K',
      writable: target.writable,
      text: target.mmio
        ? `shadow entry for gVA ${hexOf(page)}: MMIO marker (a reserved bit set)`
        : `shadow leaf gVA ${hexOf(page)} → ${hexOf(target.hpa)} (${target.writable ? 'writable' : 'read-only'})`,
    });
    return leaf;
  }

  private writeLeaf(leaf: ShadowLeaf): void {
    const lo = leaf.mmio ? NON_LEAF : PTE_P | PTE_US | (leaf.writable ? PTE_RW : 0);
    const hi = Math.floor(leaf.hpa / TWO_32) | (leaf.mmio ? MMIO_MARKER_HI : 0);
    this.host.tables.store(leaf.entry, ((leaf.hpa >>> 0) | lo) >>> 0, hi >>> 0);
  }

  /** Dirty-bit tracking: the same leaf, made writable in place (same frame). */
  makeWritable(root: number, leaf: ShadowLeaf, log: StepLog): ShadowLeaf {
    const updated: ShadowLeaf = { ...leaf, writable: true };
    this.writeLeaf(updated);
    this.leaves.get(root)!.set(leaf.page, updated);
    log.add({
      type: 'change',
      structure: 'shadow',
      action: 'installed',
      vm: this.vmId,
      key: leaf.page,
      hpa: leaf.hpa,
      size: '4K',
      writable: true,
      text: `shadow leaf gVA ${hexOf(leaf.page)} made writable (the guest PTE is now dirty)`,
    });
    return updated;
  }

  zap(root: number, leaf: ShadowLeaf, log: StepLog, why: string): void {
    this.host.tables.store(leaf.entry, 0, 0);
    this.leaves.get(root)!.delete(leaf.page);
    log.add({
      type: 'change',
      structure: 'shadow',
      action: 'zapped',
      vm: this.vmId,
      key: leaf.page,
      hpa: leaf.hpa,
      size: '4K',
      writable: leaf.writable,
      text: `shadow leaf gVA ${hexOf(leaf.page)} zapped: ${why}`,
    });
  }

  /** Leaves (in every root) matching `test`. */
  find(test: (leaf: ShadowLeaf) => boolean): { root: number; leaf: ShadowLeaf }[] {
    const found: { root: number; leaf: ShadowLeaf }[] = [];
    for (const [root, map] of this.leaves) {
      for (const leaf of map.values()) if (test(leaf)) found.push({ root, leaf });
    }
    return found;
  }

  isProtected(gpaFrame: number): boolean {
    return this.protectedFrames.has(gpaFrame);
  }

  writeProtect(frames: readonly number[], log: StepLog): void {
    for (const frame of frames) {
      if (this.protectedFrames.has(frame)) continue;
      this.protectedFrames.add(frame);
      log.note(`KVM write-protects guest table frame ${hexOf(frame)}: a shadowed walk used it.`);
    }
  }
}
