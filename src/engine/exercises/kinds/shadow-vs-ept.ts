/**
 * "Shadow vs EPT: count the VM exits": a small seeded guest workload (context switches, accesses,
 * PTE writes, INVLPG) on one VM, run by the hypervisor model in shadow mode and in EPT mode; the
 * student gives each mode's exit count (docs/exercises.md, docs/hypervisor-model.md).
 */
import type { Prng } from '../../workload/prng';
import type { Problem } from '../problem';
import { PROBLEM_KIND_TITLES } from '../problem';
import { pick } from '../random-walk-scenario';
import { parseHvScript } from '../../hv/parse-script';
import { runHvScript } from '../../hv/run-script';
import { EXIT_REASONS, exitReasonLabel, type HvMode } from '../../hv/exit-reasons';
import type { HvReport } from '../../hv/report-types';

const PAGE = 0x1000;
const VA_BASE = 0x40_0000;
const PAGES = 4;
const RAM_SIZE = 0x40_0000;
const PROCESSES = [
  { name: 'a', cr3: 0x10_0000, data: 0x20_0000 },
  { name: 'b', cr3: 0x18_0000, data: 0x30_0000 },
] as const;

type WorkloadEvent =
  | { readonly kind: 'switch'; readonly process: string }
  | { readonly kind: 'access'; readonly va: string; readonly op: 'read' | 'write' }
  | { readonly kind: 'map'; readonly va: string; readonly gpa: string }
  | { readonly kind: 'invlpg'; readonly va: string };

const hex = (n: number): string => `0x${n.toString(16)}`;
const pageVa = (i: number): number => VA_BASE + i * PAGE;

/** Events in words, one line each, as the question lists them. */
function eventWords(event: WorkloadEvent): string {
  switch (event.kind) {
    case 'switch':
      return `the guest switches to process ${event.process} (MOV to CR3)`;
    case 'access':
      return `${event.op} at ${event.va}`;
    case 'map':
      return `the guest OS writes the PTE of ${event.va} → gPA ${event.gpa}`;
    case 'invlpg':
      return `INVLPG ${event.va}`;
  }
}

function randomEvents(prng: Prng): WorkloadEvent[] {
  const events: WorkloadEvent[] = [];
  let running = 0;
  const length = 5 + prng.nextBelow(3);
  for (let i = 0; i < length; i++) {
    const roll = prng.nextBelow(10);
    const va = hex(pageVa(prng.nextBelow(PAGES)));
    if (roll < 2) {
      running = 1 - running;
      events.push({ kind: 'switch', process: PROCESSES[running]!.name });
    } else if (roll < 3) {
      const gpa = PROCESSES[running]!.data + (PAGES + prng.nextBelow(PAGES)) * PAGE;
      events.push({ kind: 'map', va, gpa: hex(gpa) });
    } else if (roll < 4) events.push({ kind: 'invlpg', va });
    else events.push({ kind: 'access', va, op: pick(prng, ['read', 'write'] as const) });
  }
  return events;
}

/** The script: one VM, two processes mapping the same four pages to their own frames. */
function workloadScript(warm: boolean, events: readonly WorkloadEvent[]) {
  return {
    format: 'nestwalk-hv/1',
    vms: [
      {
        id: 'vm1',
        warm,
        ram: { hva: '0x7f00_0000_0000', size: hex(RAM_SIZE) },
        processes: PROCESSES.map((p) => ({
          name: p.name,
          cr3: hex(p.cr3),
          mappings: Array.from({ length: PAGES }, (_, i) => ({
            va: hex(pageVa(i)),
            gpa: hex(p.data + i * PAGE),
          })),
        })),
      },
    ],
    events,
  };
}

/** "3 × CR3 write, 2 × #PF intercepted" — or "none". */
function exitWords(report: HvReport, mode: HvMode): string {
  const parts = EXIT_REASONS.filter((r) => report.totals.exits[r] > 0).map(
    (r) => `${report.totals.exits[r]} × ${exitReasonLabel(r, mode)}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'none';
}

function run(script: unknown, mode: HvMode): HvReport {
  const parsed = parseHvScript(script);
  if (!parsed.ok) throw new Error(`shadow-vs-ept: generated script rejected: ${parsed.errors[0]?.message}`);
  const result = runHvScript(parsed.script, mode);
  if (!result.ok) throw new Error(`shadow-vs-ept: generated script failed: ${result.errors[0]?.message}`);
  return result.report;
}

export function shadowVsEptProblem(prng: Prng, seed: number): Problem {
  const warm = prng.nextBelow(2) === 1;
  const events = randomEvents(prng);
  const script = workloadScript(warm, events);
  const shadow = run(script, 'shadow');
  const ept = run(script, 'ept');
  const start = warm
    ? 'The VM has run a while: all its RAM is resident on the host and (in EPT mode) mapped in the EPT, but the shadow tables start empty.'
    : 'The VM has just booted: nothing of its RAM is resident on the host yet, the EPT is empty (every first touch of a guest frame, table pages included, faults it in) and no shadow entry exists.';
  return {
    kind: 'shadow-vs-ept',
    seed,
    title: PROBLEM_KIND_TITLES['shadow-vs-ept'],
    question: [
      `One VM with two processes, a and b, each mapping the four 4 KiB pages at ${hex(VA_BASE)}… to its own guest frames; process a runs at start. ${start}`,
      'How many VM exits does the workload below cause with shadow page tables (KVM without EPT), and how many with EPT?',
    ],
    given: events.map((event, i) => ({ label: `Event ${i + 1}`, value: eventWords(event) })),
    fields: [
      { id: 'shadowExits', label: 'VM exits with shadow paging', format: 'number' },
      { id: 'eptExits', label: 'VM exits with EPT', format: 'number' },
    ],
    solution: { shadowExits: String(shadow.totals.exitCount), eptExits: String(ept.totals.exitCount) },
    explanation: [
      `Shadow paging: ${shadow.totals.exitCount} exits (${exitWords(shadow, 'shadow')}). KVM intercepts every CR3 write, INVLPG and guest #PF and write-protects the guest's tables, because its shadow table must follow them.`,
      `EPT: ${ept.totals.exitCount} exits (${exitWords(ept, 'ept')}). CR3 writes, INVLPG and the guest's own page faults stay inside the guest; only a gPA the EPT does not map yet exits.`,
      `The price EPT pays instead: ${ept.totals.hardwareRefs} hardware page-walk references against ${shadow.totals.hardwareRefs} with the shadow table.`,
    ],
  };
}
