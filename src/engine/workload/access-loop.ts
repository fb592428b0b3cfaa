/**
 * The hot loop of an experiment: one workload stream driven through one machine over procedural
 * memory, counting as it goes. Numbers only — no allocation per access.
 */
import { OUTCOME_OK, type Cpl } from '../vocabulary';
import { type Machine } from '../machine-api';
import type { AddressStream } from './address-stream';
import { expectedPhysical, type WorkloadSpace } from './workload-space';
import { TWO_32 } from '../bits';

export class AccessLoop {
  accesses = 0;
  faults = 0;
  references = 0;
  /** Accesses whose translation made at least one memory reference (a walk, full or partial). */
  walks = 0;
  /** Successful accesses whose physical address differed from the mapping rule (verify mode). */
  mismatches = 0;

  constructor(
    readonly machine: Machine,
    readonly stream: AddressStream,
    readonly space: WorkloadSpace,
    readonly cpl: Cpl = 3,
    readonly verify = false,
  ) {}

  /** Clears the counters (after a warm-up) without touching machine or stream state. */
  resetCounters(): void {
    this.accesses = 0;
    this.faults = 0;
    this.references = 0;
    this.walks = 0;
    this.mismatches = 0;
    this.space.memory.resetCounters();
    this.machine.resetCacheCounters();
  }

  run(count: number): void {
    const { machine, stream, cpl, verify } = this;
    let faults = 0;
    let references = 0;
    let walks = 0;
    for (let i = 0; i < count; i++) {
      stream.next();
      const outcome = machine.run(stream.vaHi, stream.vaLo, stream.kind, cpl);
      if (outcome !== OUTCOME_OK) faults++;
      else if (verify) this.check();
      const made = machine.lastReferences;
      references += made;
      if (made !== 0) walks++;
    }
    this.accesses += count;
    this.faults += faults;
    this.references += references;
    this.walks += walks;
  }

  private check(): void {
    const va = this.stream.vaHi * TWO_32 + this.stream.vaLo;
    if (this.machine.lastPa !== expectedPhysical(this.space, va)) this.mismatches++;
  }
}
