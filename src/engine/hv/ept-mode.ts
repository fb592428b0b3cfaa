/**
 * EPT mode (docs/hypervisor-model.md, "EPT mode"; NPT counts the same): no exits for CR3 loads,
 * INVLPG, guest #PFs or guest table writes; an EPT violation per gPA with no EPT entry, KVM
 * faulting the host page in and installing the leaf; MMIO markers and misconfigurations; copy on
 * write for KSM pages.
 */
import { EXITQ_READ, EXITQ_WRITE, PAGE_2M } from '../bits';
import { hexOf } from '../scenario/hex';
import type { AccessKind, LinearAddress } from '../vocabulary';
import { slotOf } from './guest-ram';
import type { GuestOutcome } from './report-types';
import type { StepLog } from './step-log';
import { MAX_ATTEMPTS, type ModeOps } from './mode-ops';
import { pageOf, type VmRuntime } from './vm-runtime';

/** Whether KVM may map `gpa` with a 2 MiB EPT leaf: host huge page, one slot, equal alignment. */
function fits2M(rt: VmRuntime, gpa: number, hva: number, hostHuge: boolean): boolean {
  if (!hostHuge) return false;
  const base = gpa - (gpa % PAGE_2M);
  const slot = slotOf(rt.vm, base);
  if (slot === null || slotOf(rt.vm, base + PAGE_2M - 1) !== slot) return false;
  return gpa % PAGE_2M === hva % PAGE_2M && rt.ept!.canMap2M(gpa);
}

/**
 * KVM's EPT-violation handler: memslot, HVA, host page (faulted in or copied on write), leaf.
 * Returns false for a gPA in no memslot (an MMIO marker was installed instead).
 */
export function faultIn(rt: VmRuntime, gpa: number, write: boolean, log: StepLog): boolean {
  const ept = rt.ept!;
  const slot = slotOf(rt.vm, gpa);
  const hva = rt.hva(gpa);
  log.add({ type: 'memslot-lookup', gpa, slot, hva: hva ?? undefined });
  if (hva === null) {
    ept.installMmio(gpa, log);
    return false;
  }
  const existing = ept.lookup(gpa);
  let pte = rt.qemu.ensureResident(hva, log);
  if (existing !== undefined) {
    // Present but not writable: a write to a KSM-shared page breaks the sharing.
    ept.zap(existing, log, 'the host page is copied on write');
    if (write && !pte.writable) pte = rt.qemu.breakSharing(hva, log);
  } else if (write && !pte.writable) {
    pte = rt.qemu.breakSharing(hva, log);
  }
  if (fits2M(rt, gpa, hva, pte.hugeBase !== null)) {
    const base = gpa - (gpa % PAGE_2M);
    ept.install(base, pte.hpa - (pageOf(gpa) - base), '2M', pte.writable, log);
  } else {
    ept.install(pageOf(gpa), pte.hpa, '4K', pte.writable, log);
  }
  return true;
}

export const eptMode: ModeOps = {
  switchProcess(rt, cr3, log) {
    rt.perform({ op: 'mov-cr3', cr3, noFlush: false });
    log.note(`MOV to CR3 ${hexOf(cr3)} runs in the guest: no exit.`);
  },

  access(rt, va: LinearAddress, kind: AccessKind, content, log): GuestOutcome {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = rt.attempt(va, kind, attempt, log);
      switch (result.outcome) {
        case 'ok':
          return rt.completed(result.gpa!, kind, content);
        case 'page-fault':
          log.note('The guest walk faults: the #PF goes to the guest OS, no exit.');
          return { outcome: 'page-fault', errorCode: result.errorCode & 0b111 };
        case 'ept-misconfig': {
          const gpa = result.faultGpa;
          rt.exit(log, 'mmio', `gPA ${hexOf(gpa)} has the MMIO marker`, { gpa });
          return rt.emulateMmio(va, kind, gpa, log);
        }
        case 'ept-violation': {
          const gpa = result.faultGpa;
          const qualification = result.exitQualification;
          rt.exit(log, 'ept-violation', `gPA ${hexOf(gpa)} has no usable EPT entry`, { gpa, qualification });
          const write = (qualification & EXITQ_WRITE) !== 0;
          if (!faultIn(rt, gpa, write, log)) return rt.emulateMmio(va, kind, gpa, log);
          rt.perform({ op: 'invept', type: 'single-context' });
          log.note('The guest retries the access.');
        }
      }
    }
    throw new Error('an access kept exiting in EPT mode');
  },

  guestStore(rt, store, log) {
    const leaf = rt.ept!.lookup(store.gpa);
    if (leaf === undefined || !leaf.writable) {
      rt.exit(log, 'ept-violation', `the guest OS's store to its table at gPA ${hexOf(store.gpa)}`, {
        gpa: store.gpa,
        qualification: EXITQ_WRITE | (leaf === undefined ? 0 : EXITQ_READ),
      });
      faultIn(rt, store.gpa, true, log);
      rt.perform({ op: 'invept', type: 'single-context' });
    }
    rt.guest.writeEntry(store.gpa, store.lo, store.hi);
    log.add({ type: 'guest-store', gpa: store.gpa, text: `The guest OS ${store.text} (no exit).` });
  },

  invlpg(rt, va, log) {
    rt.perform({ op: 'invlpg', va });
    log.note('INVLPG runs in the guest: no exit.');
  },

  zapFrame(rt, frame, log, why) {
    const leaves = rt.ept!.leavesMapping(frame);
    for (const leaf of leaves) rt.ept!.zap(leaf, log, why);
    if (leaves.length > 0) {
      rt.perform({ op: 'invept', type: 'single-context' });
      log.add({
        type: 'tlb-flush',
        text: `INVEPT: VM "${rt.vm.id}"'s cached translations of its EPT are flushed.`,
      });
    }
  },
};
