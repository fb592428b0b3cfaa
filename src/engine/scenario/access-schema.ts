/**
 * The steps of a scenario's `accesses` list: a discriminated union on `kind`.
 * Today every step is a memory access (read / write / fetch). Other kinds of step (cache
 * operations such as INVLPG or MOV CR3) join as further members of `stepSchema` and of
 * `ScenarioStep`, with their own case in `resolveStep` and in the runner.
 */
import { z } from 'zod';
import type { AccessKind, Cpl, LinearAddress } from '../vocabulary';
import { linearAddressSchema } from './hex';
import type { CacheOp } from '../cache/cache-ops';
import { cacheOpSchema, isRawCacheOp } from '../cache/op-schema';

export const cplSchema = () => z.union([z.literal(0), z.literal(3)], { error: 'expected 0 or 3' });

const memoryAccessSchema = z.looseObject({
  kind: z.enum(['read', 'write', 'fetch']),
  va: linearAddressSchema(),
  /** Privilege of this access; defaults to `cpu.cpl`. */
  cpl: cplSchema().optional(),
});

const memoryStepSchema = z.discriminatedUnion('kind', [memoryAccessSchema]);

/** A step with an "op" field is a cache operation (src/engine/cache/op-schema.ts), any other a memory access. */
export const stepSchema = z.unknown().transform((input, ctx): z.output<typeof memoryStepSchema> | CacheOp => {
  const parsed = isRawCacheOp(input) ? cacheOpSchema.safeParse(input) : memoryStepSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
  return z.NEVER;
});
export type RawStep = z.output<typeof stepSchema>;

/** A linear-address translation, as a load/store (read, write) or an instruction fetch would make it. */
export interface MemoryAccessStep {
  readonly kind: AccessKind;
  readonly va: LinearAddress;
  readonly cpl: Cpl;
}

/** A memory access, or an operation on the translation caches (INVLPG, MOV CR3, a plain write, …). */
export type ScenarioStep = MemoryAccessStep | CacheOp;

export const isMemoryAccess = (step: ScenarioStep): step is MemoryAccessStep =>
  'kind' in step && (step.kind === 'read' || step.kind === 'write' || step.kind === 'fetch');

/** Fills the defaults that depend on the rest of the scenario (the access's CPL from `cpu.cpl`). */
export function resolveStep(raw: RawStep, defaultCpl: Cpl): ScenarioStep {
  if (isRawCacheOp(raw)) return raw as CacheOp;
  const access = raw as z.output<typeof memoryStepSchema>;
  return { kind: access.kind, va: access.va, cpl: access.cpl ?? defaultCpl };
}
