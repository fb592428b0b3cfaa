/** The shipped presets, read from public/scenarios as the app would fetch them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', 'public', 'scenarios');

export const readPreset = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

export const referenceCount = (events: readonly { type: string }[]): number =>
  events.filter((e) => e.type === 'guest-read' || e.type === 'nested-read').length;
