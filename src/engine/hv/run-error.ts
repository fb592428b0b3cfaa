/** A script that cannot run past one of its events (docs/hv-script-format.md, "Errors"). */
import type { HvEventKind } from './script-types';

export class HvRunError extends Error {
  constructor(
    readonly eventIndex: number,
    readonly eventKind: HvEventKind,
    message: string,
  ) {
    super(message);
    this.name = 'HvRunError';
  }
}

/** Thrown for a rule the script broke while running; the runner adds the event. */
export class HvInputError extends Error {
  constructor(
    message: string,
    readonly field: readonly (string | number)[] = [],
  ) {
    super(message);
    this.name = 'HvInputError';
  }
}
