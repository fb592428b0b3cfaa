/**
 * Cache operations as steps of a scenario's `accesses` list (an addition to the scenario
 * contract): a step with an "op" field is an operation, any other a memory access.
 *
 *   { "op": "invlpg", "va": "0x7fff_f000_0000" }
 *   { "op": "mov-cr3", "cr3": "0x2000", "noFlush": false }
 *   { "op": "invpcid", "type": "single-context", "pcid": 1 }          (pcid: default current)
 *   { "op": "invvpid", "type": "individual-address", "va": "0x…" }     (vpid: default current)
 *   { "op": "invept", "type": "single-context" }                       (eptp: default current)
 *   { "op": "vm-exit" }   { "op": "vm-entry" }
 *   { "op": "write-entry", "addr": "0x4000", "value": "0x40_1067" }    (no invalidation)
 */
import { z } from 'zod';
import { linearAddressSchema, physAddressSchema, registerSchema, wordSchema } from '../scenario/hex';
import type { CacheOp } from './cache-ops';

const INVPCID_TYPES = [
  'individual-address',
  'single-context',
  'all-context',
  'all-context-retaining-globals',
] as const;
const INVVPID_TYPES = [
  'individual-address',
  'single-context',
  'all-context',
  'single-context-retaining-globals',
] as const;
const WORD_BYTES = 8;

const invlpg = z.looseObject({ op: z.literal('invlpg'), va: linearAddressSchema() });
const movCr3 = z.looseObject({
  op: z.literal('mov-cr3'),
  cr3: registerSchema(),
  /** CR3 bit 63 with CR4.PCIDE: keep the new PCID's entries. */
  noFlush: z.boolean({ error: 'expected true or false' }).optional(),
});
const invpcid = z.looseObject({
  op: z.literal('invpcid'),
  type: z.enum(INVPCID_TYPES),
  pcid: z.number().int().min(0).max(0xfff).optional(),
  va: linearAddressSchema().optional(),
});
const invvpid = z.looseObject({
  op: z.literal('invvpid'),
  type: z.enum(INVVPID_TYPES),
  vpid: z.number().int().min(0).max(0xffff).optional(),
  va: linearAddressSchema().optional(),
});
const invept = z.looseObject({
  op: z.literal('invept'),
  type: z.enum(['single-context', 'all-context']).optional(),
  eptp: registerSchema().optional(),
});
const vmExit = z.looseObject({ op: z.literal('vm-exit') });
const vmEntry = z.looseObject({ op: z.literal('vm-entry') });
const writeEntry = z.looseObject({
  op: z.literal('write-entry'),
  addr: physAddressSchema(WORD_BYTES),
  value: wordSchema(),
});

const needsVa = (step: { type: string; va?: unknown }) =>
  step.type !== 'individual-address' || step.va !== undefined;
const VA_MESSAGE = { message: 'an individual-address invalidation needs "va"', path: ['va'] };

export const cacheOpSchema = z
  .discriminatedUnion('op', [
    invlpg,
    movCr3,
    invpcid.refine(needsVa, VA_MESSAGE),
    invvpid.refine(needsVa, VA_MESSAGE),
    invept,
    vmExit,
    vmEntry,
    writeEntry,
  ])
  .transform((raw): CacheOp => {
    switch (raw.op) {
      case 'mov-cr3':
        return { op: raw.op, cr3: raw.cr3, noFlush: raw.noFlush ?? false };
      case 'invpcid':
      case 'invvpid':
      case 'invlpg':
      case 'vm-exit':
      case 'vm-entry': {
        const { op, ...rest } = raw as Record<string, unknown> & { op: CacheOp['op'] };
        return { op, ...pick(rest, ['type', 'pcid', 'vpid', 'va']) } as CacheOp;
      }
      case 'invept':
        return {
          op: raw.op,
          type: raw.type ?? 'single-context',
          ...(raw.eptp !== undefined && { eptp: raw.eptp }),
        };
      case 'write-entry':
        return { op: raw.op, addr: raw.addr, lo: raw.value.lo, hi: raw.value.hi };
    }
  });

function pick(from: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
}

/** Whether a raw step is an operation (it has an "op" field) rather than a memory access. */
export const isRawCacheOp = (input: unknown): boolean =>
  typeof input === 'object' && input !== null && !Array.isArray(input) && 'op' in input;
