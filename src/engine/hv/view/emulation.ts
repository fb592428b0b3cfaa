/**
 * KVM's software walk against the hardware's (docs/hv-scenes.md, "Emulating an instruction"):
 * to emulate an instruction at a guest-virtual address KVM reads each guest table entry itself,
 * each gPA turned into an HVA by its slot's offset, while a guest-physical address needs only that
 * one addition.
 */
import type { LinearAddress } from '../../vocabulary';
import type { HvReport } from '../report-types';
import type { HvScript } from '../script-types';

export interface HvEmulationWalk {
  readonly event: number;
  readonly va: LinearAddress;
  /** KVM's reads, top level first: the entry's gPA, the slot, the offset added, the HVA read. */
  readonly reads: readonly {
    readonly level: number;
    readonly gpa: number;
    readonly slot: number | null;
    readonly offset: number;
    readonly hva: number;
  }[];
  readonly softwareCycles: number;
  /** The hardware's walk of the same address in this run (the last one before or after), if any. */
  readonly hardware: { readonly event: number; readonly references: number; readonly cycles: number } | null;
}

const sameVa = (a: LinearAddress, b: LinearAddress) => a.hi === b.hi && a.lo === b.lo;

/** The emulate events of a run with their software walks and the hardware walk they compare with. */
export function emulationWalk(script: HvScript, report: HvReport): HvEmulationWalk[] {
  const walks: HvEmulationWalk[] = [];
  script.events.forEach((event, index) => {
    if (event.kind !== 'emulate') return;
    const vm = script.vms.find((v) => v.id === event.vm);
    const steps = report.events[index]?.steps ?? [];
    const reads = steps.flatMap((s) => {
      if (s.type !== 'software-read') return [];
      const slot = vm?.memslots.findIndex((m) => s.gpa >= m.gpa && s.gpa < m.gpa + m.size) ?? -1;
      return [
        { level: s.level, gpa: s.gpa, slot: slot < 0 ? null : slot, offset: s.hva - s.gpa, hva: s.hva },
      ];
    });
    let hardware: HvEmulationWalk['hardware'] = null;
    script.events.forEach((other, j) => {
      if (other.kind !== 'access' || other.vm !== event.vm || !sameVa(other.va, event.va)) return;
      const last = [...(report.events[j]?.steps ?? [])].reverse().find((s) => s.type === 'walk');
      if (last?.type !== 'walk' || last.outcome !== 'ok') return;
      if (hardware !== null && j > index) return;
      hardware = {
        event: j,
        references: last.references.length,
        cycles: last.references.length * report.costModel.hardwareRef,
      };
    });
    walks.push({
      event: index,
      va: event.va,
      reads,
      softwareCycles: reads.length * report.costModel.softwareRef,
      hardware,
    });
  });
  return walks;
}
