/**
 * The steps of a scenario's `accesses` list: a discriminated union on `kind`.
 * Today every step is a memory access (read / write / fetch). Other kinds of step (cache
 * operations such as INVLPG or MOV CR3) join as further members of `stepSchema` and of
 * `ScenarioStep`, with their own case in `resolveStep` and in the runner.
 */
import { z } from 'zod';
import type { AccessKind, Cpl, LinearAddress } from '../types';
import { linearAddressSchema } from './hex';

export const cplSchema = () => z.union([z.literal(0), z.literal(3)], { error: 'expected 0 or 3' });

const memoryAccessSchema = z.looseObject({
  kind: z.enum(['read', 'write', 'fetch']),
  va: linearAddressSchema(),
  /** Privilege of this access; defaults to `cpu.cpl`. */
  cpl: cplSchema().optional(),
});

export const stepSchema = z.discriminatedUnion('kind', [memoryAccessSchema]);
export type RawStep = z.output<typeof stepSchema>;

/** A linear-address translation, as a load/store (read, write) or an instruction fetch would make it. */
export interface MemoryAccessStep {
  readonly kind: AccessKind;
  readonly va: LinearAddress;
  readonly cpl: Cpl;
}

export type ScenarioStep = MemoryAccessStep;

export const isMemoryAccess = (step: ScenarioStep): step is MemoryAccessStep =>
  step.kind === 'read' || step.kind === 'write' || step.kind === 'fetch';

/** Fills the defaults that depend on the rest of the scenario (the access's CPL from `cpu.cpl`). */
export function resolveStep(raw: RawStep, defaultCpl: Cpl): ScenarioStep {
  return { kind: raw.kind, va: raw.va, cpl: raw.cpl ?? defaultCpl };
}
