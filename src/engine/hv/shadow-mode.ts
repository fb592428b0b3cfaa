/**
 * Shadow mode (docs/hypervisor-model.md, "Shadow mode"): CR3 loads, INVLPG and #PFs exit; KVM
 * walks the guest tables in software, installs shadow leaves (read-only while the guest PTE is
 * clean), reinjects the guest's own faults, write-protects the guest tables it shadowed and zaps
 * the leaves a guest store or INVLPG invalidates.
 */
import { PAGE_4K, PFEC_RSVD } from '../bits';
import { hexOf } from '../scenario/hex';
import type { AccessKind, LinearAddress } from '../vocabulary';
import type { GuestOutcome } from './report-types';
import type { StepLog } from './step-log';
import { MAX_ATTEMPTS, type ModeOps } from './mode-ops';
import { pageOf, type VmRuntime } from './vm-runtime';

const offsetIn = (va: LinearAddress): number => (va.lo >>> 0) % PAGE_4K;

/** KVM's #PF handler for an address the guest maps; returns the MMIO result when it is a device. */
function handleMiss(rt: VmRuntime, va: LinearAddress, kind: AccessKind, log: StepLog): GuestOutcome | null {
  const shadow = rt.shadow!;
  const root = rt.shadowRoot;
  const write = kind === 'write';
  const walk = rt.softwareWalk(va, kind, log);
  if (!walk.ok) {
    rt.exit(log, 'pf-reinjected', `the guest does not map this access; KVM reinjects the #PF`);
    log.note('The guest OS handles its own page fault (no exit).');
    return { outcome: 'page-fault', errorCode: walk.errorCode & 0b111 };
  }
  const existing = shadow.leaf(root, va);
  const hva = rt.hva(walk.gpa);
  if (existing !== undefined) {
    // A write through a present read-only leaf.
    const dirtyTracking = !walk.dirty;
    rt.exit(
      log,
      dirtyTracking ? 'dirty-tracking' : 'pf-intercepted',
      dirtyTracking
        ? 'the first write to a clean page; KVM sets D in the guest PTE'
        : 'a write to a read-only host page (KSM-shared)',
    );
    rt.guest.setAccessed(walk, true);
    const pte = rt.qemu.ensureResident(hva!, log);
    if (pte.writable) {
      shadow.makeWritable(root, existing, log);
    } else {
      const copy = rt.qemu.breakSharing(hva!, log);
      shadow.zap(root, existing, log, 'the host page is copied on write');
      shadow.install(
        root,
        va,
        { gpa: walk.gpa, hpa: copy.hpa, writable: true, mmio: false },
        walk.reads.map((r) => r.gpa),
        log,
      );
    }
    rt.perform({ op: 'invlpg', va });
    return null;
  }
  rt.exit(
    log,
    'pf-intercepted',
    `no shadow entry for this address; the guest maps it to gPA ${hexOf(walk.gpa)}`,
  );
  const slot =
    hva === null ? null : rt.vm.memslots.findIndex((s) => walk.gpa >= s.gpa && walk.gpa < s.gpa + s.size);
  log.add({ type: 'memslot-lookup', gpa: walk.gpa, slot, hva: hva ?? undefined });
  const entries = walk.reads.map((r) => r.gpa);
  if (hva === null) {
    shadow.install(root, va, { gpa: walk.gpa, hpa: 0, writable: false, mmio: true }, entries, log);
    log.note(`KVM emulates the access to device memory at gPA ${hexOf(walk.gpa)}.`);
    return { outcome: 'mmio', gpa: walk.gpa + offsetIn(va) };
  }
  rt.guest.setAccessed(walk, write);
  let pte = rt.qemu.ensureResident(hva, log);
  if (write && !pte.writable) pte = rt.qemu.breakSharing(hva, log);
  const writable = walk.writable && (walk.dirty || write) && pte.writable;
  shadow.install(root, va, { gpa: walk.gpa, hpa: pte.hpa, writable, mmio: false }, entries, log);
  shadow.writeProtect(walk.tablePages, log);
  return null;
}

export const shadowMode: ModeOps = {
  switchProcess(rt, cr3, log) {
    rt.exit(log, 'cr3-write', `the guest loads CR3 ${hexOf(cr3)}`);
    const root = rt.shadow!.rootFor(cr3, log);
    rt.shadowRoot = root;
    rt.perform({ op: 'mov-cr3', cr3: root, noFlush: false });
    log.add({
      type: 'tlb-flush',
      text: `KVM loads shadow root ${hexOf(root)} into the real CR3 (the TLB is flushed).`,
    });
  },

  access(rt, va, kind, content, log) {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = rt.attempt(va, kind, attempt, log);
      if (result.outcome === 'ok') {
        const leaf = rt.shadow!.leaf(rt.shadowRoot, va)!;
        return rt.completed(leaf.gpa + offsetIn(va), kind, content);
      }
      if (result.outcome === 'page-fault' && (result.errorCode & PFEC_RSVD) !== 0) {
        const leaf = rt.shadow!.leaf(rt.shadowRoot, va)!;
        rt.exit(log, 'mmio', `the shadow entry has the MMIO marker (gPA ${hexOf(leaf.gpa)})`, {
          gpa: leaf.gpa,
        });
        return rt.emulateMmio(va, kind, leaf.gpa + offsetIn(va), log);
      }
      const done = handleMiss(rt, va, kind, log);
      if (done !== null) return done;
      log.note('The guest retries the access.');
    }
    throw new Error('an access kept exiting in shadow mode');
  },

  guestStore(rt, store, log) {
    const frame = pageOf(store.gpa);
    const hva = rt.hva(store.gpa)!;
    const shadow = rt.shadow!;
    if (!shadow.isProtected(frame)) {
      rt.qemu.ensureResident(hva, log);
      rt.guest.writeEntry(store.gpa, store.lo, store.hi);
      log.add({
        type: 'guest-store',
        gpa: store.gpa,
        text: `The guest OS ${store.text} (the frame is not write-protected: no exit).`,
      });
      return;
    }
    rt.exit(log, 'wp-table-write', `the guest OS writes its table at gPA ${hexOf(store.gpa)}`, {
      gpa: store.gpa,
    });
    rt.qemu.ensureResident(hva, log);
    rt.guest.writeEntry(store.gpa, store.lo, store.hi);
    log.add({
      type: 'guest-store',
      gpa: store.gpa,
      text: `KVM emulates the store: the guest OS ${store.text}.`,
    });
    for (const { root, leaf } of shadow.find((l) => l.guestEntries.includes(store.gpa))) {
      shadow.zap(root, leaf, log, 'derived from the guest entry that changed');
      if (root === rt.shadowRoot) rt.perform({ op: 'invlpg', va: leaf.va });
    }
  },

  invlpg(rt, va, log) {
    rt.exit(log, 'invlpg', 'the guest invalidates one page');
    const leaf = rt.shadow!.leaf(rt.shadowRoot, va);
    if (leaf !== undefined) rt.shadow!.zap(rt.shadowRoot, leaf, log, 'INVLPG');
    rt.perform({ op: 'invlpg', va });
  },

  zapFrame(rt, frame, log, why) {
    const found = rt.shadow!.find((leaf) => !leaf.mmio && leaf.hpa === frame);
    for (const { root, leaf } of found) rt.shadow!.zap(root, leaf, log, why);
    if (found.length > 0) {
      rt.perform({ op: 'mov-cr3', cr3: rt.shadowRoot, noFlush: false });
      log.add({ type: 'tlb-flush', text: `INVVPID: VM "${rt.vm.id}"'s cached translations are flushed.` });
    }
  },
};
