/**
 * Predict mode in the hypervisor scenes (docs/exercises.md, "Predict mode"): before each event of
 * the script the student says how many VM exits it causes in shadow mode and under EPT (or NPT),
 * and the reason of the first one in each mode. The answers are the two runs' own reports.
 */
import { EXIT_REASONS, exitReasonLabel, type ExitReason, type HvMode } from '../hv/exit-reasons';
import type { HvReport } from '../hv/report-types';
import type { HvPosition } from '../hv/view/playback';
import type { AnswerField } from './problem';
import type { Prediction } from './predict';

const NO_EXIT = 'none';

function reasonField(id: string, label: string, mode: HvMode): AnswerField {
  return {
    id,
    label,
    format: 'choice',
    choices: [
      { value: NO_EXIT, label: 'no exit' },
      ...EXIT_REASONS.map((r) => ({ value: r, label: exitReasonLabel(r, mode) })),
    ],
  };
}

function exitsText(exits: readonly ExitReason[], mode: HvMode): string {
  if (exits.length === 0) return 'no exit';
  const counts = new Map<ExitReason, number>();
  for (const r of exits) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([r, n]) => `${n} × ${exitReasonLabel(r, mode)}`);
  return `${exits.length} exit${exits.length === 1 ? '' : 's'} (${parts.join(', ')})`;
}

/**
 * One question per event, asked at the cursor just before the event's first position in
 * `positions` (the playback of the `tdp` run, as the scene steps it).
 */
export function exitPredictions(
  shadow: HvReport,
  tdp: HvReport,
  positions: readonly HvPosition[],
): Prediction[] {
  const table = tdp.mode === 'npt' ? 'NPT' : 'EPT';
  return tdp.events.flatMap((event, index) => {
    const at = positions.findIndex((p) => p.event === index);
    const inShadow = shadow.events[index];
    if (at < 0 || inShadow === undefined) return [];
    return [
      {
        id: `event-${index + 1}`,
        at,
        title: `Event ${index + 1}`,
        question: `Event ${index + 1}: ${event.text}. How many VM exits does it cause in shadow mode and under ${table}, and what is the first exit in each?`,
        fields: [
          { id: 'shadowExits', label: 'Exits in shadow mode', format: 'number' },
          reasonField('shadowFirst', 'First exit in shadow mode', 'shadow'),
          { id: 'tdpExits', label: `Exits under ${table}`, format: 'number' },
          reasonField('tdpFirst', `First exit under ${table}`, tdp.mode),
        ],
        solution: {
          shadowExits: String(inShadow.exits.length),
          shadowFirst: inShadow.exits[0] ?? NO_EXIT,
          tdpExits: String(event.exits.length),
          tdpFirst: event.exits[0] ?? NO_EXIT,
        },
        explanation: [
          `Shadow mode: ${exitsText(inShadow.exits, 'shadow')}.`,
          `Under ${table}: ${exitsText(event.exits, tdp.mode)}.`,
        ],
      },
    ];
  });
}
