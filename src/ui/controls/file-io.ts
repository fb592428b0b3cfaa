/** Scenario files: saving one the CLI and the import button read back, reading one the user chose. */
import type { ScenarioDoc } from '../../state/scenario-doc';
import { saveText } from '../export/files';

export function fileName(scenario: ScenarioDoc): string {
  const stem = (scenario.name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return (stem || 'scenario') + '.json';
}

export const downloadJson = (value: unknown, name: string): void =>
  saveText(JSON.stringify(value, null, 2) + '\n', name, 'application/json');

/** The text of a chosen file (FileReader: works wherever file inputs do). */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}
