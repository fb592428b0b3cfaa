/**
 * `runHvScript(script, mode, costModel?)`: runs every event of a parsed hypervisor script in one
 * mode and reports it (docs/hv-script-format.md, "Report"); a script breaking a rule while
 * running returns its error, naming the event, and no partial report.
 */
import { PAGE_4K } from '../bits';
import { resolveCostModel, type HvCostModelInput } from './cost-model';
import { describeEvent } from './describe-event';
import { eptMode, faultIn } from './ept-mode';
import type { HvMode } from './exit-reasons';
import { Host } from './host';
import { HvPhysicalMemory } from './hv-physical-memory';
import { eventReport, totalsOf } from './hv-report';
import type { HvEventReport, HvRunResult, HvVmSummary } from './report-types';
import { HvInputError } from './run-error';
import { runEvent, type EventContext } from './run-event';
import type { HvScript } from './script-types';
import { shadowMode } from './shadow-mode';
import { nptStep } from './tdp-names';
import { StepLog } from './step-log';
import { VmRuntime } from './vm-runtime';

export function runHvScript(script: HvScript, mode: HvMode, costModel?: HvCostModelInput): HvRunResult {
  const cost = resolveCostModel(costModel);
  const host = new Host(script.firstFrame, script.thp);
  const memory = new HvPhysicalMemory(host);
  const ops = mode === 'shadow' ? shadowMode : eptMode;
  const vms = new Map<string, VmRuntime>();
  for (const vm of script.vms) vms.set(vm.id, new VmRuntime(vm, mode, host, memory, script.caches));
  for (const rt of vms.values()) if (rt.vm.warm) warmUp(rt);
  const ctx: EventContext = { host, ops, vms };
  const events: HvEventReport[] = [];
  for (let index = 0; index < script.events.length; index++) {
    const event = script.events[index]!;
    const log = new StepLog();
    try {
      const guest = runEvent(ctx, event, index, log);
      const steps = mode === 'npt' ? log.steps.map(nptStep) : log.steps;
      events.push(eventReport(event, index, describeEvent(event), steps, guest, cost));
    } catch (error) {
      if (!(error instanceof HvInputError)) throw error;
      return {
        ok: false,
        errors: [
          {
            eventIndex: index,
            eventKind: event.kind,
            path: ['events', index, ...error.field],
            message: error.message,
          },
        ],
      };
    }
  }
  const summaries: HvVmSummary[] = [];
  const frames = new Set<number>();
  let pages = 0;
  for (const rt of vms.values()) {
    const residency = rt.qemu.residency();
    for (const frame of residency.frames) frames.add(frame);
    pages += residency.pages;
    summaries.push({
      id: rt.vm.id,
      vpid: rt.vm.vpid,
      eptp: rt.ept?.eptp,
      shadowRoots: rt.shadow?.rootList(),
      residentFrames: residency.frames.size,
      swappedPages: residency.swapped,
    });
  }
  return {
    ok: true,
    report: {
      format: 'nestwalk-hv-report/1',
      mode,
      events,
      totals: totalsOf(events),
      vms: summaries,
      ksmSavedFrames: pages - frames.size,
      costModel: cost,
      guestLevels: 4,
      nestedLevels: mode === 'shadow' ? 0 : 4,
    },
  };
}

/** A guest that has run a while: all RAM resident; in EPT mode every slot page in the EPT. */
function warmUp(rt: VmRuntime): void {
  rt.qemu.warmUp();
  if (rt.ept === null) return;
  const discard = new StepLog();
  for (const slot of rt.vm.memslots) {
    for (let gpa = slot.gpa; gpa < slot.gpa + slot.size; gpa += PAGE_4K) {
      if (rt.ept.lookup(gpa) === undefined) faultIn(rt, gpa, false, discard);
    }
  }
}
