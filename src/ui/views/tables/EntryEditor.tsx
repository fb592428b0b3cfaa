import { useState, type FormEvent } from 'react';
import type { DecodedEntry } from '../../../engine';
import { formatEntry } from '../../../engine';
import { editableFlags, parseEntryValue, toggleFlag } from './entry-edit';

export interface EntryEditorProps {
  title: string;
  entry: DecodedEntry;
  addr: number;
  lo: number;
  hi: number;
  onEditEntry: (addr: number, lo: number, hi: number) => void;
  onClose: () => void;
}

/** Flag toggles and a hex field over a card; every change goes to the shell, which re-walks. */
export function EntryEditor({ title, entry, addr, lo, hi, onEditEntry, onClose }: EntryEditorProps) {
  const [text, setText] = useState(formatEntry(lo, hi));
  const parsed = parseEntryValue(text);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (parsed) onEditEntry(addr, parsed.lo, parsed.hi);
  };
  return (
    <form
      className="nw-editor"
      aria-label={`Edit ${title} entry`}
      onSubmit={apply}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <fieldset>
        <legend>flags</legend>
        {editableFlags(entry).map((flag) => (
          <label key={flag.key} title={flag.name}>
            <input
              type="checkbox"
              checked={flag.set}
              onChange={() => {
                const next = toggleFlag(lo, hi, flag);
                onEditEntry(addr, next.lo, next.hi);
              }}
            />
            {flag.key === 'PS' && entry.format === 'ept' ? 'large' : flag.label}
          </label>
        ))}
      </fieldset>
      <label className="nw-editor-value">
        <span>value</span>
        <input
          className="nw-mono"
          value={text}
          spellCheck={false}
          aria-invalid={parsed === undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <div className="nw-editor-actions">
        <button type="submit" disabled={!parsed}>
          Set value
        </button>
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </form>
  );
}
