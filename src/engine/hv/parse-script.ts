/**
 * `parseHvScript`: JSON text or a parsed value → a checked `HvScript`, or every problem found,
 * each naming its field and, for events, the event's index and kind (docs/hv-script-format.md).
 */
import { hvScriptSchema, type RawHvEvent, type RawHvScript } from './script-schema';
import type { HvEvent, HvScript, HvVm } from './script-types';
import type { HvError } from './report-types';
import { fromZodIssues } from '../scenario/zod-issues';
import { parseJsonText } from '../scenario/json-text';
import { ScenarioError } from '../scenario/errors';
import { hexOf } from '../scenario/hex';
import { describeGpaPlace, slotOf, isMmio } from './guest-ram';

export const DEFAULT_FIRST_FRAME = 0x1_0000_0000;

export type HvParseResult =
  | { readonly ok: true; readonly script: HvScript }
  | { readonly ok: false; readonly errors: readonly HvError[] };

export function parseHvScript(input: unknown): HvParseResult {
  let value: unknown;
  try {
    value = typeof input === 'string' ? parseJsonText(input) : input;
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, errors: error.issues.map((i) => ({ ...i })) };
    throw error;
  }
  const parsed = hvScriptSchema.safeParse(value);
  if (!parsed.success) {
    const errors = fromZodIssues(parsed.error.issues, value).map((issue) => withEvent(issue, value));
    return { ok: false, errors };
  }
  const errors: HvError[] = [];
  const script = resolve(parsed.data, errors);
  return errors.length === 0 ? { ok: true, script } : { ok: false, errors };
}

/** Names the event an issue under `events[i]` belongs to. */
function withEvent(issue: { path: readonly (string | number)[]; message: string }, root: unknown): HvError {
  const [head, index] = issue.path;
  if (head !== 'events' || typeof index !== 'number') return issue;
  const events = (root as { events?: unknown[] }).events;
  const kind = (events?.[index] as { kind?: unknown } | undefined)?.kind;
  const known = typeof kind === 'string' && EVENT_KINDS.has(kind) ? (kind as HvEvent['kind']) : undefined;
  return { ...issue, eventIndex: index, eventKind: known };
}

const EVENT_KINDS = new Set([
  'switch',
  'access',
  'map',
  'unmap',
  'invlpg',
  'emulate',
  'swap-out',
  'ksm-merge',
  'thp',
]);

function resolveVm(raw: RawHvScript['vms'][number], index: number, errors: HvError[]): HvVm {
  const at = (...rest: (string | number)[]) => ['vms', index, ...rest];
  const memslots = raw.memslots ?? [{ gpa: 0, size: raw.ram.size, hva: raw.ram.hva }];
  memslots.forEach((slot, s) => {
    if (slot.hva < raw.ram.hva || slot.hva + slot.size > raw.ram.hva + raw.ram.size) {
      errors.push({
        path: at('memslots', s),
        message: `memslot ${s} (HVA ${hexOf(slot.hva)}, ${hexOf(slot.size)} bytes) lies outside QEMU's guest RAM`,
      });
    }
    memslots.forEach((other, o) => {
      if (o > s && slot.gpa < other.gpa + other.size && other.gpa < slot.gpa + slot.size) {
        errors.push({
          path: at('memslots', o),
          message: `memslots ${s} and ${o} overlap in guest-physical space`,
        });
      }
    });
  });
  const vm: HvVm = {
    id: raw.id,
    vpid: raw.vpid ?? index + 1,
    warm: raw.warm ?? false,
    ram: raw.ram,
    memslots,
    mmio: raw.mmio ?? [],
    processes: raw.processes.map((p) => ({
      name: p.name,
      cr3: p.cr3,
      mappings: (p.mappings ?? []).map((m) => ({
        va: m.va,
        gpa: m.gpa,
        writable: m.writable ?? true,
        user: m.user ?? true,
        dirty: m.dirty ?? false,
      })),
    })),
  };
  vm.mmio.forEach((range, r) => {
    if (slotOf(vm, range.gpa) !== null)
      errors.push({ path: at('mmio', r), message: `MMIO range ${hexOf(range.gpa)} lies in a memslot` });
  });
  const names = new Set<string>();
  vm.processes.forEach((p, pi) => {
    if (names.has(p.name))
      errors.push({ path: at('processes', pi, 'name'), message: `a second process named "${p.name}"` });
    names.add(p.name);
    if (slotOf(vm, p.cr3) === null) {
      errors.push({
        path: at('processes', pi, 'cr3'),
        message: `CR3 ${hexOf(p.cr3)} is outside guest RAM (${describeGpaPlace(vm, p.cr3)})`,
      });
    }
    p.mappings.forEach((m, mi) => {
      if (slotOf(vm, m.gpa) === null && !isMmio(vm, m.gpa)) {
        errors.push({
          path: at('processes', pi, 'mappings', mi, 'gpa'),
          message: `maps ${hexOf(m.gpa)}, outside guest RAM and every MMIO range`,
        });
      }
    });
  });
  return vm;
}

function resolve(raw: RawHvScript, errors: HvError[]): HvScript {
  const vms = raw.vms.map((vm, i) => resolveVm(vm, i, errors));
  const ids = new Set<string>();
  vms.forEach((vm, i) => {
    if (ids.has(vm.id)) errors.push({ path: ['vms', i, 'id'], message: `a second VM with id "${vm.id}"` });
    ids.add(vm.id);
  });
  const events = raw.events.map((event, i) => resolveEvent(event, i, vms, errors));
  return {
    name: raw.name,
    description: raw.description,
    firstFrame: raw.host?.firstFrame ?? DEFAULT_FIRST_FRAME,
    thp: raw.host?.thp ?? false,
    caches: raw.caches ?? 'none',
    vms,
    events,
  };
}

function resolveEvent(raw: RawHvEvent, index: number, vms: readonly HvVm[], errors: HvError[]): HvEvent {
  const fail = (field: string | null, message: string, ...more: (string | number)[]) =>
    errors.push({
      eventIndex: index,
      eventKind: raw.kind,
      path: field === null ? ['events', index, ...more] : ['events', index, field, ...more],
      message,
    });
  const vmNamed = (id: string | undefined, ...where: (string | number)[]): HvVm | undefined => {
    const vm = id === undefined ? vms[0] : vms.find((v) => v.id === id);
    if (vm === undefined) {
      fail(
        null,
        `names VM "${id}", which does not exist (VMs: ${vms.map((v) => v.id).join(', ')})`,
        ...where,
        'vm',
      );
    }
    return vm;
  };
  switch (raw.kind) {
    case 'thp':
      return { kind: 'thp', on: raw.on };
    case 'ksm-merge': {
      const pages = raw.pages.map((page, p) => {
        const vm = vmNamed(page.vm, 'pages', p);
        if (vm !== undefined && slotOf(vm, page.gpa) === null) {
          fail('pages', `page ${hexOf(page.gpa)} is outside the guest RAM of VM "${vm.id}"`, p, 'gpa');
        }
        return { vm: vm?.id ?? String(page.vm), gpa: page.gpa };
      });
      return { kind: 'ksm-merge', pages };
    }
    default:
      break;
  }
  const vm = vmNamed(raw.vm);
  const vmId = vm?.id ?? String(raw.vm);
  switch (raw.kind) {
    case 'switch':
      if (vm !== undefined && !vm.processes.some((p) => p.name === raw.process)) {
        fail(
          'process',
          `switches to unknown process "${raw.process}" (VM "${vm.id}" has ${vm.processes.map((p) => p.name).join(', ')})`,
        );
      }
      return { kind: 'switch', vm: vmId, process: raw.process };
    case 'access':
      return { kind: 'access', vm: vmId, va: raw.va, op: raw.op ?? 'read', value: raw.value };
    case 'map':
      if (vm !== undefined && slotOf(vm, raw.gpa) === null && !isMmio(vm, raw.gpa)) {
        fail(
          'gpa',
          `maps ${hexOf(raw.gpa)}, outside guest RAM (${describeGpaPlace(vm, raw.gpa)}) and every MMIO range`,
        );
      }
      return {
        kind: 'map',
        vm: vmId,
        va: raw.va,
        gpa: raw.gpa,
        writable: raw.writable ?? true,
        user: raw.user ?? true,
        dirty: raw.dirty ?? false,
      };
    case 'swap-out':
      if (vm !== undefined && slotOf(vm, raw.gpa) === null) {
        fail('gpa', `swaps out ${hexOf(raw.gpa)}, which is not guest RAM of VM "${vm.id}"`);
      }
      return { kind: 'swap-out', vm: vmId, gpa: raw.gpa - (raw.gpa % 0x1000) };
    default:
      return { kind: raw.kind, vm: vmId, va: raw.va };
  }
}
