/**
 * Run your own hypervisor script (docs/hv-scenes.md, "Your own script"): paste or open a
 * nestwalk-hv/1 script; it is checked and run in both modes before anything changes. A bad
 * script lists every error, each naming its event, and the scene on screen and the text typed
 * both stay as they were.
 */
import { useId, useState } from 'react';
import type { HvScene } from '../../engine';
import { runHvScene } from '../../state/hv-scene-run';
import { OWN_SCRIPT_ID } from '../../state/hv-script-link';
import { readScenarioText } from '../../state/scenario-text';

/** The scene a script is shown as: the side-by-side comparison. */
function sceneOf(script: unknown, name: string | undefined): HvScene {
  return {
    id: OWN_SCRIPT_ID,
    title: name ? `Your script: ${name}` : 'Your script',
    view: 'shadow-vs-ept',
    whatToNotice:
      'Your own workload, run in shadow mode and under nested paging; every count below is the engine’s.',
    script,
  };
}

/**
 * The scene for `text`, or every reason it cannot run (JSON syntax with its line and column, a key
 * given twice, the format, or the event that failed). The text is read as strictly as a file.
 */
export function checkOwnScript(text: string): { ok: true; scene: HvScene } | { ok: false; errors: string[] } {
  let value: unknown;
  try {
    value = readScenarioText(text);
  } catch (error) {
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
  }
  const name =
    typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
      ? (value as { name: string }).name
      : undefined;
  const scene = sceneOf(value, name);
  const run = runHvScene(scene);
  return run.ok ? { ok: true, scene } : { ok: false, errors: [...run.errors] };
}

interface Props {
  initial: string;
  /** Called with the checked scene and the text it came from, exactly as typed. */
  onRun: (scene: HvScene, text: string) => void;
}

export function OwnScript({ initial, onRun }: Props) {
  const [text, setText] = useState(initial);
  const [errors, setErrors] = useState<string[]>([]);
  const id = useId();
  const run = () => {
    const checked = checkOwnScript(text);
    if (checked.ok) {
      setErrors([]);
      onRun(checked.scene, text);
    } else setErrors(checked.errors);
  };
  return (
    <details className="hv-own chrome">
      <summary>Run your own script (nestwalk-hv/1 JSON)</summary>
      <label htmlFor={id}>Script</label>
      <textarea id={id} value={text} spellCheck={false} rows={12} onChange={(e) => setText(e.target.value)} />
      <div className="hv-own-actions">
        <button type="button" onClick={run}>
          Run in both modes
        </button>
        <label>
          or open a file{' '}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then(setText);
            }}
          />
        </label>
      </div>
      {errors.length > 0 && (
        <div role="alert" className="hv-error">
          <p>This script cannot run; nothing on the page was changed:</p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
