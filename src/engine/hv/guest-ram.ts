/**
 * Where a guest-physical address lives (docs/hypervisor-model.md, "Who holds what"): a memslot turns it
 * into QEMU's virtual address by an offset; a gPA in no slot is MMIO.
 */
import type { HvVm } from './script-types';
import { hexOf } from '../scenario/hex';

/** Index of the memslot holding `gpa`, or null (MMIO or nothing). */
export function slotOf(vm: HvVm, gpa: number): number | null {
  const slots = vm.memslots;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    if (gpa >= slot.gpa && gpa < slot.gpa + slot.size) return i;
  }
  return null;
}

/** gPA → HVA: the slot's HVA plus the offset into the slot. */
export function hvaOf(vm: HvVm, gpa: number): number | null {
  const s = slotOf(vm, gpa);
  if (s === null) return null;
  const slot = vm.memslots[s]!;
  return slot.hva + (gpa - slot.gpa);
}

export const isMmio = (vm: HvVm, gpa: number): boolean =>
  vm.mmio.some((range) => gpa >= range.gpa && gpa < range.gpa + range.size);

/** A short phrase for messages: the slots' guest-physical ranges. */
export function describeGpaPlace(vm: HvVm, _gpa: number): string {
  const ranges = vm.memslots.map((s) => `${hexOf(s.gpa)}–${hexOf(s.gpa + s.size - 1)}`);
  return `VM "${vm.id}" has RAM at ${ranges.join(', ')}`;
}
