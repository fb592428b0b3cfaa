/**
 * QEMU's guest RAM (docs/hypervisor-model.md, "Who holds what"): one range of its virtual memory,
 * its host page table (HVA → hPA, filled on first touch, 4 KiB or 2 MiB pages), the pages on swap,
 * and the contents KSM compares. Words of guest RAM (the guest's tables) are kept per HVA, so they
 * survive swap-out and copy-on-write unchanged.
 */
import { PAGE_2M, PAGE_4K } from '../bits';
import { SparseMemory } from '../memory/sparse-memory';
import { hexOf } from '../scenario/hex';
import type { PageSize } from '../vocabulary';
import type { Host } from './host';
import type { HvVm } from './script-types';
import type { StepLog } from './step-log';

export interface HostPte {
  readonly hpa: number;
  readonly writable: boolean;
  /** RAM offset of the 2 MiB host page this 4 KiB page is part of; null for a 4 KiB host page. */
  readonly hugeBase: number | null;
}

const PAGES_PER_2M = PAGE_2M / PAGE_4K;
export const ZERO_CONTENT = 'zero';

export class QemuMemory {
  /** Guest RAM words by offset into the range (hva − ram.hva). */
  readonly ram = new SparseMemory(1024);
  private readonly ptes = new Map<number, HostPte>();
  private readonly swapped = new Set<number>();
  private readonly contents = new Map<number, string>();

  constructor(
    readonly vm: HvVm,
    private readonly host: Host,
  ) {}

  offsetOf(hva: number): number {
    const offset = hva - this.vm.ram.hva;
    return offset - (offset % PAGE_4K);
  }

  pte(hva: number): HostPte | undefined {
    return this.ptes.get(this.offsetOf(hva));
  }

  isSwapped(hva: number): boolean {
    return this.swapped.has(this.offsetOf(hva));
  }

  contentOf(hva: number): string {
    return this.contents.get(this.offsetOf(hva)) ?? ZERO_CONTENT;
  }

  setContent(hva: number, content: string): void {
    this.contents.set(this.offsetOf(hva), content);
  }

  /** The host-physical address of `hva`'s page, faulting it in when absent (a host page fault). */
  ensureResident(hva: number, log: StepLog | null): HostPte {
    const offset = this.offsetOf(hva);
    const present = this.ptes.get(offset);
    if (present !== undefined) return present;
    if (this.swapped.delete(offset)) return this.install4K(offset, 'swap-in', log);
    const hugeBase = offset - ((this.vm.ram.hva + offset) % PAGE_2M);
    if (this.host.thp && this.hugeFits(hugeBase)) return this.install2M(hugeBase, offset, log);
    return this.install4K(offset, 'minor', log);
  }

  private hugeFits(base: number): boolean {
    if (base < 0 || base + PAGE_2M > this.vm.ram.size) return false;
    for (let page = base; page < base + PAGE_2M; page += PAGE_4K) {
      if (this.ptes.has(page) || this.swapped.has(page)) return false;
    }
    return true;
  }

  private install4K(offset: number, kind: 'minor' | 'swap-in', log: StepLog | null): HostPte {
    const hpa = this.host.allocate4K();
    const pte: HostPte = { hpa, writable: true, hugeBase: null };
    this.ptes.set(offset, pte);
    this.host.setOwner(hpa, { qemu: this, ramOffset: offset });
    this.logFault(offset, kind, hpa, '4K', log);
    return pte;
  }

  private install2M(base: number, offset: number, log: StepLog | null): HostPte {
    const hpa = this.host.allocate2M();
    for (let i = 0; i < PAGES_PER_2M; i++) {
      const page = base + i * PAGE_4K;
      this.ptes.set(page, { hpa: hpa + i * PAGE_4K, writable: true, hugeBase: base });
      this.host.setOwner(hpa + i * PAGE_4K, { qemu: this, ramOffset: page });
    }
    this.logFault(base, 'minor', hpa, '2M', log);
    return this.ptes.get(offset)!;
  }

  private logFault(
    offset: number,
    kind: 'minor' | 'swap-in',
    hpa: number,
    size: PageSize,
    log: StepLog | null,
  ): void {
    if (log === null) return;
    const hva = this.vm.ram.hva + offset;
    log.add({ type: 'host-fault', vm: this.vm.id, hva, kind, hpa, size });
    log.add({
      type: 'change',
      structure: 'host-pte',
      action: 'installed',
      vm: this.vm.id,
      key: hva,
      hpa,
      size,
      writable: true,
      text: `QEMU's host PTE for HVA ${hexOf(hva)} → ${hexOf(hpa)} (${size === '2M' ? '2 MiB huge page' : '4 KiB'}${kind === 'swap-in' ? ', read back from swap' : ''})`,
    });
  }

  /** A 2 MiB host page becomes 512 PTEs of 4 KiB (same frames), before one of them changes. */
  splitHuge(hva: number, log: StepLog): boolean {
    const pte = this.pte(hva);
    if (pte?.hugeBase == null) return false;
    const base = pte.hugeBase;
    for (let page = base; page < base + PAGE_2M; page += PAGE_4K) {
      const sub = this.ptes.get(page);
      if (sub !== undefined) this.ptes.set(page, { ...sub, hugeBase: null });
    }
    log.note(`The host splits the 2 MiB page at HVA ${hexOf(this.vm.ram.hva + base)} into 4 KiB pages.`);
    return true;
  }

  /** Clears the host PTE and puts the page on swap; returns the frame it had. */
  swapOut(hva: number, log: StepLog): number | null {
    const offset = this.offsetOf(hva);
    const pte = this.ptes.get(offset);
    if (pte === undefined) return null;
    this.ptes.delete(offset);
    this.swapped.add(offset);
    this.host.release(pte.hpa);
    log.add(this.pteZapStep(offset, pte, 'the page goes to swap'));
    return pte.hpa;
  }

  /** Host copy-on-write: a new frame with the same contents, writable. */
  breakSharing(hva: number, log: StepLog): HostPte {
    const offset = this.offsetOf(hva);
    const old = this.ptes.get(offset)!;
    const hpa = this.host.allocate4K();
    const pte: HostPte = { hpa, writable: true, hugeBase: null };
    this.ptes.set(offset, pte);
    this.host.setOwner(hpa, { qemu: this, ramOffset: offset });
    const at = this.vm.ram.hva + offset;
    log.add({ type: 'host-fault', vm: this.vm.id, hva: at, kind: 'minor', hpa, size: '4K' });
    log.add(this.pteZapStep(offset, old, 'copy on write'));
    log.add({
      type: 'change',
      structure: 'host-pte',
      action: 'installed',
      vm: this.vm.id,
      key: at,
      hpa,
      size: '4K',
      writable: true,
      text: `QEMU's host PTE for HVA ${hexOf(at)} → its own copy ${hexOf(hpa)}, writable`,
    });
    return pte;
  }

  /** KSM: this page now maps `frame`, read-only. */
  share(hva: number, frame: number, log: StepLog): void {
    const offset = this.offsetOf(hva);
    const old = this.ptes.get(offset)!;
    if (old.hpa !== frame) this.host.release(old.hpa);
    this.host.addOwner(frame, { qemu: this, ramOffset: offset });
    this.ptes.set(offset, { hpa: frame, writable: false, hugeBase: null });
    const at = this.vm.ram.hva + offset;
    log.add(this.pteZapStep(offset, old, 'merged by KSM'));
    log.add({
      type: 'change',
      structure: 'host-pte',
      action: 'installed',
      vm: this.vm.id,
      key: at,
      hpa: frame,
      size: '4K',
      writable: false,
      text: `QEMU's host PTE for HVA ${hexOf(at)} → shared frame ${hexOf(frame)}, read-only`,
    });
  }

  private pteZapStep(offset: number, pte: HostPte, why: string) {
    const hva = this.vm.ram.hva + offset;
    return {
      type: 'change' as const,
      structure: 'host-pte' as const,
      action: 'zapped' as const,
      vm: this.vm.id,
      key: hva,
      hpa: pte.hpa,
      size: '4K' as const,
      writable: pte.writable,
      text: `QEMU's host PTE for HVA ${hexOf(hva)} (→ ${hexOf(pte.hpa)}) cleared: ${why}`,
    };
  }

  /** A warm guest: every page of guest RAM resident (no steps: it happened before the script). */
  warmUp(): void {
    for (let offset = 0; offset < this.vm.ram.size; offset += PAGE_4K) {
      this.ensureResident(this.vm.ram.hva + offset, null);
    }
  }

  /** Resident 4 KiB pages and the frames they use (a shared frame counted once). */
  residency(): { pages: number; frames: Set<number>; swapped: number } {
    const frames = new Set<number>();
    for (const pte of this.ptes.values()) frames.add(pte.hpa);
    return { pages: this.ptes.size, frames, swapped: this.swapped.size };
  }
}
