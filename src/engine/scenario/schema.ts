/**
 * The zod schema of a scenario file (docs/scenario-format.md). Every object is loose:
 * unknown fields are accepted and ignored, since the format may grow. Defaults that depend on
 * other fields, and checks across fields, are applied afterwards by `parseScenario`.
 */
import { z } from 'zod';
import { stepSchema } from './access-schema';
import { cplSchema } from './access-schema';
import { linearAddressSchema, physAddressSchema, registerSchema, wordSchema } from './hex';
import { guestFlagsSchema, nestedPermsSchema } from './flags';
import { CACHE_PRESET_NAMES } from '../cache/presets';
import { OUTCOMES } from '../vocabulary';

export const SCENARIO_FORMAT = 'nestwalk-scenario/1';

const flag = () => z.boolean({ error: 'expected true or false' }).optional();
const pageSizeSchema = () => z.enum(['4K', '2M', '1G']).optional();

const cpuSchema = z.looseObject({
  cr3: registerSchema(),
  cr0: z.looseObject({ wp: flag() }).optional(),
  cr4: z.looseObject({ la57: flag(), smep: flag(), smap: flag(), pcide: flag(), pge: flag() }).optional(),
  efer: z.looseObject({ nxe: flag() }).optional(),
  cpl: cplSchema().optional(),
  maxPhyAddr: z.number().int().min(36).max(52).optional(),
  /** Current PCID (with cr4.pcide): goes into CR3 bits 11:0. */
  pcid: z.number().int().min(0).max(0xfff).optional(),
  /** VPID tag of cached translations (0 = VPIDs off). */
  vpid: z.number().int().min(0).max(0xffff).optional(),
  /** Translation caches: a CPU preset (src/engine/cache/presets.ts); absent = none. */
  tlb: z.enum(CACHE_PRESET_NAMES).optional(),
});

const eptSchema = z.looseObject({ eptp: registerSchema() });

const nptSchema = z.looseObject({
  ncr3: registerSchema(),
  levels: z.union([z.literal(4), z.literal(5)], { error: 'expected 4 or 5' }).optional(),
  nxe: flag(),
});

const memoryWordSchema = z.looseObject({ addr: physAddressSchema(8), value: wordSchema() });

const guestMappingSchema = z.looseObject({
  va: linearAddressSchema(),
  pa: physAddressSchema(),
  size: pageSizeSchema(),
  flags: guestFlagsSchema(),
});

const nestedMappingSchema = z.looseObject({
  gpa: physAddressSchema(),
  hpa: physAddressSchema(),
  size: pageSizeSchema(),
  perms: nestedPermsSchema(),
});

const outcomeSchema = z.enum(OUTCOMES);

/** What a preset says its accesses will do (one per access); the UI can show it, tests check it. */
const expectationSchema = z.looseObject({
  outcome: outcomeSchema.optional(),
  references: z.number().int().min(0).optional(),
  pageSize: pageSizeSchema(),
  errorCode: z.number().int().min(0).optional(),
});

export const scenarioSchema = z.looseObject({
  format: z.literal(SCENARIO_FORMAT).optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  cpu: cpuSchema,
  ept: eptSchema.optional(),
  npt: nptSchema.optional(),
  memory: z.array(memoryWordSchema).optional(),
  guestMappings: z.array(guestMappingSchema).optional(),
  eptMappings: z.array(nestedMappingSchema).optional(),
  accesses: z.array(stepSchema).optional(),
  expect: z.array(expectationSchema).optional(),
});

export type RawScenario = z.output<typeof scenarioSchema>;
export type Expectation = z.output<typeof expectationSchema>;
