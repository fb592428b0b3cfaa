/** The ordered steps of one event, as the report lists them (docs/hv-script-format.md, "Report"). */
import type { HvStep } from './report-types';

export class StepLog {
  readonly steps: HvStep[] = [];

  add(step: HvStep): void {
    this.steps.push(step);
  }

  note(text: string): void {
    this.steps.push({ type: 'note', text });
  }
}
