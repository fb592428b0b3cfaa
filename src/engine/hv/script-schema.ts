/**
 * The zod schema of a hypervisor script (docs/hv-script-format.md): VMs (QEMU's guest RAM,
 * memslots, MMIO ranges, guest processes and their mappings) and the events to run. Objects are
 * loose: unknown fields are ignored, since the format only grows. Checks across fields (addresses
 * inside guest RAM, known VMs and processes) are made by `parseHvScript` afterwards.
 */
import { z } from 'zod';
import { linearAddressSchema, physAddressSchema } from '../scenario/hex';
import { CACHE_PRESET_NAMES } from '../cache/presets';

export const HV_SCRIPT_FORMAT = 'nestwalk-hv/1';

const flag = () => z.boolean({ error: 'expected true or false' }).optional();
const vmRef = () => z.string({ error: 'expected a VM id (a string)' }).optional();
const address = () => physAddressSchema();
const pageAddress = () => physAddressSchema(0x1000);

const rangeSchema = z.looseObject({ gpa: pageAddress(), size: pageAddress() });

const memslotSchema = z.looseObject({ gpa: pageAddress(), size: pageAddress(), hva: pageAddress() });

const mappingSchema = z.looseObject({
  va: linearAddressSchema(),
  gpa: pageAddress(),
  writable: flag(),
  user: flag(),
  dirty: flag(),
});

const processSchema = z.looseObject({
  name: z.string().min(1, { error: 'expected a process name' }),
  cr3: pageAddress(),
  mappings: z.array(mappingSchema).optional(),
});

const vmSchema = z.looseObject({
  id: z.string().min(1, { error: 'expected a VM id' }),
  vpid: z.number().int().min(0).max(0xffff).optional(),
  warm: flag(),
  ram: z.looseObject({ hva: pageAddress(), size: pageAddress() }),
  memslots: z.array(memslotSchema).optional(),
  mmio: z.array(rangeSchema).optional(),
  processes: z.array(processSchema).min(1, { error: 'expected at least one process' }),
});

const pageRefSchema = z.looseObject({ vm: vmRef(), gpa: pageAddress() });

const eventSchema = z.discriminatedUnion(
  'kind',
  [
    z.looseObject({ kind: z.literal('switch'), vm: vmRef(), process: z.string() }),
    z.looseObject({
      kind: z.literal('access'),
      vm: vmRef(),
      va: linearAddressSchema(),
      op: z.enum(['read', 'write', 'fetch']).optional(),
      value: z.string().optional(),
    }),
    z.looseObject({
      kind: z.literal('map'),
      vm: vmRef(),
      va: linearAddressSchema(),
      gpa: pageAddress(),
      writable: flag(),
      user: flag(),
      dirty: flag(),
    }),
    z.looseObject({ kind: z.literal('unmap'), vm: vmRef(), va: linearAddressSchema() }),
    z.looseObject({ kind: z.literal('invlpg'), vm: vmRef(), va: linearAddressSchema() }),
    z.looseObject({ kind: z.literal('emulate'), vm: vmRef(), va: linearAddressSchema() }),
    z.looseObject({ kind: z.literal('swap-out'), vm: vmRef(), gpa: address() }),
    z.looseObject({ kind: z.literal('ksm-merge'), pages: z.array(pageRefSchema).min(2) }),
    z.looseObject({ kind: z.literal('thp'), on: z.boolean() }),
  ],
  {
    error:
      'expected an event with kind switch, access, map, unmap, invlpg, emulate, swap-out, ksm-merge or thp',
  },
);

export const hvScriptSchema = z.looseObject({
  format: z.literal(HV_SCRIPT_FORMAT).optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  host: z.looseObject({ firstFrame: pageAddress().optional(), thp: flag() }).optional(),
  caches: z.enum(CACHE_PRESET_NAMES).optional(),
  vms: z.array(vmSchema).min(1, { error: 'expected at least one VM' }),
  events: z.array(eventSchema),
});

export type RawHvScript = z.output<typeof hvScriptSchema>;
export type RawHvEvent = z.output<typeof eventSchema>;
