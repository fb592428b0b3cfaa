/** Choose a preset, import a scenario file, export the current one, copy a link to this view. */
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { fetchPreset, type PresetInfo } from '../hooks/presets';
import { useAppStore, useAppStoreApi } from '../hooks/app-store-context';
import { UNCHANGED_NOTE } from '../../state/load-refusal';
import { importScenarioText } from '../../state/import-text';
import { linkFits, linkTooLong } from '../../state/link-size';
import { encodeLink } from '../../state/url-codec';
import { downloadJson, fileName, readFileText } from './file-io';

const CUSTOM = '';
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function ScenarioPicker({ presets }: { presets: readonly PresetInfo[] }) {
  const store = useAppStoreApi();
  const { source, scenario } = useAppStore(useShallow((s) => ({ source: s.source, scenario: s.scenario })));
  const fileInput = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const isPreset = presets.some((p) => p.file === source);

  const choose = async (file: string) => {
    if (file === CUSTOM) return;
    const { loadScenario, reportError } = store.getState();
    try {
      await loadScenario(await fetchPreset(file), file);
    } catch (error) {
      reportError('network', message(error));
    }
  };

  const importFile = async (file: File) => {
    let text: string;
    try {
      text = await readFileText(file);
    } catch (error) {
      store.getState().reportError('file', `${file.name}: ${message(error)}`, { note: UNCHANGED_NOTE });
      return;
    }
    // Read strictly: a key given twice or a syntax error is refused with its line and column.
    await importScenarioText(store.getState(), text, file.name);
  };

  const copyLink = async () => {
    const { scenario: doc, accessIndex, cursor, reportError } = store.getState();
    const hash = doc ? encodeLink({ scenario: doc, accessIndex, step: cursor }) : '';
    if (!linkFits(hash)) {
      const { kind, message: text, note } = linkTooLong(hash.length);
      reportError(kind, text, { note });
      return;
    }
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      store.getState().reportError('link', 'Could not copy: the browser refused access to the clipboard.');
    }
  };

  return (
    <div className="scenario-picker">
      <label>
        Scenario
        <select value={isPreset ? source : CUSTOM} onChange={(e) => void choose(e.target.value)}>
          {!isPreset && <option value={CUSTOM}>{scenario?.name ?? (source || 'Loading…')}</option>}
          {presets.map((p) => (
            <option key={p.file} value={p.file} title={p.description}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {/* Files and links: not for the lecture hall (presenter mode hides them). */}
      <span className="chrome scenario-files">
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          aria-label="Import scenario"
          className="visually-hidden"
          tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <button
          type="button"
          disabled={!scenario}
          onClick={() => scenario && downloadJson(scenario, fileName(scenario))}
        >
          Export
        </button>
        <button type="button" disabled={!scenario} onClick={() => void copyLink()}>
          {copied ? 'Link copied' : 'Copy link'}
        </button>
      </span>
    </div>
  );
}
