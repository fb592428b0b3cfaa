import type { DecodedEntry } from '../../../engine';
import { hex, pageSizeText } from '../model/names';

/** An entry's named flags as chips: set flags filled, clear ones outlined and struck through. */
export function FlagChips({ entry }: { entry: DecodedEntry }) {
  return (
    <ul className="nw-flags" aria-label="flags">
      {entry.flags.map((f) => (
        <li key={f.key} className={f.set ? 'is-set' : 'is-clear'} title={`${f.name}: ${f.set ? '1' : '0'}`}>
          <span className="nw-visually-hidden">{f.set ? '' : 'not '}</span>
          {f.label}
        </li>
      ))}
      {entry.leaf && entry.pageSize && (
        <li className="is-field" title="this entry maps a page">
          {pageSizeText(entry.pageSize)}
        </li>
      )}
      {entry.memoryType !== undefined && (
        <li className="is-field" title="memory type (bits 5:3)">
          {entry.memoryType}
        </li>
      )}
    </ul>
  );
}

/** Where the entry points: the next table or the page it maps. */
export function EntryTarget({ entry, space }: { entry: DecodedEntry; space: string }) {
  if (!entry.present) return <div className="nw-card-next is-stop">not present — walk stops</div>;
  const prefix = space ? `${space} ` : '';
  return (
    <div className="nw-card-next">
      {entry.leaf ? `↦ page ${prefix}${hex(entry.address)}` : `→ table ${prefix}${hex(entry.address)}`}
    </div>
  );
}
