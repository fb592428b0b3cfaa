/**
 * One event of a script in one mode (docs/hv-script-format.md, "Events"): the guest OS's and the
 * host's actions, handed to the mode's rules; returns what the guest saw (accesses, emulate).
 */
import { PAGE_4K } from '../bits';
import { formatLinear } from '../address';
import { hexOf } from '../scenario/hex';
import type { GuestOutcome } from './report-types';
import type { HvEvent } from './script-types';
import type { Host } from './host';
import type { ModeOps } from './mode-ops';
import { HvInputError } from './run-error';
import type { StepLog } from './step-log';
import type { VmRuntime } from './vm-runtime';

export interface EventContext {
  readonly host: Host;
  readonly ops: ModeOps;
  readonly vms: ReadonlyMap<string, VmRuntime>;
}

function vmOf(ctx: EventContext, id: string): VmRuntime {
  const rt = ctx.vms.get(id);
  if (rt === undefined) throw new HvInputError(`names VM "${id}", which does not exist`, ['vm']);
  return rt;
}

export function runEvent(
  ctx: EventContext,
  event: HvEvent,
  index: number,
  log: StepLog,
): GuestOutcome | undefined {
  const { ops } = ctx;
  switch (event.kind) {
    case 'thp':
      ctx.host.thp = event.on;
      log.note(`Transparent huge pages ${event.on ? 'on' : 'off'} for host pages allocated from now on.`);
      return undefined;
    case 'ksm-merge':
      ksmMerge(ctx, event.pages, log);
      return undefined;
    default:
      break;
  }
  const rt = vmOf(ctx, event.vm);
  switch (event.kind) {
    case 'switch': {
      const process = rt.guest.process(event.process);
      rt.guest.current = process;
      ops.switchProcess(rt, process.cr3, log);
      return undefined;
    }
    case 'access': {
      const content = event.op === 'write' ? (event.value ?? `written by event ${index}`) : undefined;
      return ops.access(rt, event.va, event.op, content, log);
    }
    case 'map': {
      const plan = rt.guest.planMap(rt.guest.current, event);
      for (const store of plan.stores) ops.guestStore(rt, store, log);
      if (plan.wasPresent) ops.invlpg(rt, event.va, log);
      return undefined;
    }
    case 'unmap':
      ops.guestStore(rt, rt.guest.planUnmap(rt.guest.current, event.va), log);
      ops.invlpg(rt, event.va, log);
      return undefined;
    case 'invlpg':
      ops.invlpg(rt, event.va, log);
      return undefined;
    case 'emulate': {
      const walk = rt.softwareWalk(event.va, 'read', log);
      if (!walk.ok) return { outcome: 'page-fault', errorCode: walk.errorCode & 0b111 };
      const gpa = walk.gpa + ((event.va.lo >>> 0) % PAGE_4K);
      const hva = rt.hva(gpa);
      log.note(
        hva === null
          ? `gVA ${formatLinear(event.va)} → gPA ${hexOf(gpa)}: device memory (no HVA).`
          : `gVA ${formatLinear(event.va)} → gPA ${hexOf(gpa)} → HVA ${hexOf(hva)}: KVM can now read the instruction.`,
      );
      return hva === null
        ? { outcome: 'mmio', gpa }
        : { outcome: 'ok', gpa, content: rt.qemu.contentOf(hva) };
    }
    case 'swap-out': {
      const hva = rt.hva(event.gpa)!;
      if (rt.qemu.pte(hva) === undefined) {
        log.note(`gPA ${hexOf(event.gpa)} is not resident on the host: nothing to swap out.`);
        return undefined;
      }
      rt.qemu.splitHuge(hva, log);
      const frame = rt.qemu.swapOut(hva, log)!;
      ops.zapFrame(rt, frame, log, 'the host swapped the page out');
      return undefined;
    }
  }
}

function ksmMerge(ctx: EventContext, pages: readonly { vm: string; gpa: number }[], log: StepLog): void {
  const located = pages.map((page, i) => {
    const rt = vmOf(ctx, page.vm);
    const hva = rt.hva(page.gpa);
    if (hva === null)
      throw new HvInputError(`page ${hexOf(page.gpa)} is not guest RAM of VM "${page.vm}"`, ['pages', i]);
    return { rt, hva, page, content: rt.qemu.contentOf(hva) };
  });
  const first = located[0]!;
  const differing = located.find((p) => p.content !== first.content);
  if (differing !== undefined) {
    throw new HvInputError(
      `merges pages with different contents: VM "${first.page.vm}" gPA ${hexOf(first.page.gpa)} holds "${first.content}", VM "${differing.page.vm}" gPA ${hexOf(differing.page.gpa)} holds "${differing.content}"`,
      ['pages'],
    );
  }
  const resident = located.filter((p) => p.rt.qemu.pte(p.hva) !== undefined);
  for (const p of located) {
    if (!resident.includes(p))
      log.note(`VM "${p.page.vm}" gPA ${hexOf(p.page.gpa)} is not resident: KSM skips it.`);
  }
  if (resident.length < 2) return;
  for (const p of resident) p.rt.qemu.splitHuge(p.hva, log);
  const target = resident[0]!.rt.qemu.pte(resident[0]!.hva)!.hpa;
  log.note(`KSM merges ${resident.length} equal pages into frame ${hexOf(target)}, read-only.`);
  for (const p of resident) {
    const old = p.rt.qemu.pte(p.hva)!.hpa;
    p.rt.qemu.share(p.hva, target, log);
    ctx.ops.zapFrame(p.rt, old, log, 'KSM merged the page');
  }
}
