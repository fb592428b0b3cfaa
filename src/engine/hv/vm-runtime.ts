/**
 * One VM while a script runs: its QEMU memory, guest OS, vCPU (an engine machine over the host's
 * physical memory), and the mode's tables. Also what both modes share: a hardware attempt logged
 * as a step, KVM's software walk, and what the guest saw of an access.
 */
import { PAGE_4K } from '../bits';
import { createMachine } from '../machine';
import { DEFAULT_CPU } from '../cpu-defaults';
import type { Machine } from '../machine-api';
import type { CachePresetName } from '../cache/presets';
import type { CacheOp } from '../cache/cache-ops';
import type { TranslationResult } from '../result';
import type { AccessKind, CpuConfig, LinearAddress } from '../vocabulary';
import { hexOf } from '../scenario/hex';
import type { GuestOutcome, HvStep } from './report-types';
import type { ExitReason } from './exit-reasons';
import { exitReasonLabel, type HvMode } from './exit-reasons';
import { GuestOs, type SoftwareWalk } from './guest-os';
import { hvaOf } from './guest-ram';
import type { Host } from './host';
import { HvPhysicalMemory } from './hv-physical-memory';
import { QemuMemory } from './qemu-memory';
import type { HvVm } from './script-types';
import { EptTables } from './ept-tables';
import { ShadowTables } from './shadow-tables';
import type { StepLog } from './step-log';

export class VmRuntime {
  readonly qemu: QemuMemory;
  readonly guest: GuestOs;
  readonly machine: Machine;
  readonly ept: EptTables | null;
  readonly shadow: ShadowTables | null;
  /** Shadow mode: the shadow root in the real CR3. */
  shadowRoot = 0;

  constructor(
    readonly vm: HvVm,
    readonly mode: HvMode,
    host: Host,
    memory: HvPhysicalMemory,
    caches: CachePresetName,
  ) {
    this.qemu = new QemuMemory(vm, host);
    this.guest = new GuestOs(vm, this.qemu);
    const guestCr3 = this.guest.current.cr3;
    if (mode === 'shadow') {
      this.ept = null;
      this.shadow = new ShadowTables(host, vm.id);
      this.shadowRoot = this.shadow.rootFor(guestCr3, null);
      this.machine = createMachine({ cpu: cpuConfig(this.shadowRoot, vm.vpid) }, memory, { caches });
    } else {
      this.shadow = null;
      this.ept = new EptTables(host, vm.id);
      this.machine = createMachine(
        { cpu: cpuConfig(guestCr3, vm.vpid), ept: { eptp: this.ept.eptp } },
        memory,
        {
          caches,
        },
      );
    }
  }

  hva(gpa: number): number | null {
    return hvaOf(this.vm, gpa);
  }

  perform(op: CacheOp): void {
    this.machine.perform(op);
  }

  /** One hardware attempt of an access, logged with the references it made. */
  attempt(va: LinearAddress, kind: AccessKind, attempt: number, log: StepLog): TranslationResult {
    const result = this.machine.translate({ va, kind, cpl: 3 });
    const outcome = result.outcome;
    if (
      outcome !== 'ok' &&
      outcome !== 'page-fault' &&
      outcome !== 'ept-violation' &&
      outcome !== 'ept-misconfig'
    ) {
      throw new Error(`unexpected hardware outcome ${outcome}`);
    }
    log.add({
      type: 'walk',
      attempt,
      outcome,
      references: result.references,
      hpa: result.outcome === 'ok' ? result.pa : undefined,
      faultGpa:
        result.outcome === 'ept-violation' || result.outcome === 'ept-misconfig'
          ? result.faultGpa
          : undefined,
      errorCode: result.outcome === 'page-fault' ? result.errorCode : undefined,
    });
    return result;
  }

  /** A VM exit: logged, and a VM exit and entry for the caches (a flush when the VPID is 0). */
  exit(
    log: StepLog,
    reason: ExitReason,
    text: string,
    extra: Partial<Extract<HvStep, { type: 'exit' }>> = {},
  ): void {
    this.machine.perform({ op: 'vm-exit' });
    log.add({ type: 'exit', reason, text: `${exitReasonLabel(reason, this.mode)}: ${text}`, ...extra });
    this.machine.perform({ op: 'vm-entry' });
  }

  /** KVM's software walk of the current process's tables; each table page read through its HVA. */
  softwareWalk(va: LinearAddress, kind: AccessKind, log: StepLog): SoftwareWalk {
    const walk = this.guest.walk(this.guest.current.cr3, va, kind, (table) => {
      const hva = this.hva(table);
      if (hva !== null) this.qemu.ensureResident(hva, log);
    });
    for (const read of walk.reads)
      log.add({ type: 'software-read', level: read.level, gpa: read.gpa, hva: read.hva });
    return walk;
  }

  /** What the guest saw of a completed access to `gpa`; a write changes the page's content. */
  completed(gpa: number, kind: AccessKind, content: string | undefined): GuestOutcome {
    const hva = this.hva(gpa)!;
    if (kind === 'write' && content !== undefined) this.qemu.setContent(hva, content);
    return { outcome: 'ok', gpa, content: this.qemu.contentOf(hva) };
  }

  /** The software walk emulation needs, and the MMIO result. */
  emulateMmio(va: LinearAddress, kind: AccessKind, gpa: number, log: StepLog): GuestOutcome {
    this.softwareWalk(va, kind, log);
    log.note(`KVM emulates the access to device memory at gPA ${hexOf(gpa)}.`);
    return { outcome: 'mmio', gpa };
  }
}

export const pageOf = (addr: number): number => addr - (addr % PAGE_4K);

/** The default CPU as a user-mode guest sees it: CPL 3, NX off (the scripts set no XD bits). */
function cpuConfig(cr3: number, vpid: number): CpuConfig {
  return { ...DEFAULT_CPU, cr3, nxe: false, cpl: 3, vpid };
}
