/**
 * Host-physical memory as the engine's walkers read it: a table frame reads KVM's tables, a guest
 * frame reads QEMU's memory at the page it backs (guest tables live there), anything else zero.
 */
import { PAGE_4K, TWO_32 } from '../bits';
import type { PhysicalMemory } from '../memory/physical-memory';
import type { Host } from './host';

export class HvPhysicalMemory implements PhysicalMemory {
  lo = 0;
  hi = 0;

  constructor(private readonly host: Host) {}

  load(addr: number): void {
    const offset = addr % PAGE_4K;
    const frame = addr - offset;
    const host = this.host;
    if (host.isTableFrame(frame)) {
      host.tables.load(addr);
      this.lo = host.tables.lo;
      this.hi = host.tables.hi;
      return;
    }
    const owner = host.ownerOf(frame);
    if (owner === undefined) {
      this.lo = 0;
      this.hi = 0;
      return;
    }
    const ram = owner.qemu.ram;
    ram.load(owner.ramOffset + offset);
    this.lo = ram.lo;
    this.hi = ram.hi;
  }

  loadWord(hi: number, lo: number): void {
    this.load(hi * TWO_32 + lo);
  }

  store(addr: number, lo: number, hi: number): void {
    const offset = addr % PAGE_4K;
    const frame = addr - offset;
    if (this.host.isTableFrame(frame)) {
      this.host.tables.store(addr, lo, hi);
      return;
    }
    const owner = this.host.ownerOf(frame);
    owner?.qemu.ram.store(owner.ramOffset + offset, lo, hi);
  }
}
