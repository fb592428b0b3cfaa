/**
 * The translation caches beside the walk: every structure as sets × ways, with the hits, fills,
 * evictions and refused hits of the current step lit, what the hits spared, and a stale
 * translation called out. Props are plain data from the engine (see caches-model.ts).
 */
import { useMemo, type CSSProperties } from 'react';
import type { CacheSnapshot } from '../../engine';
import type { WalkEvent } from '../../engine';
import { cachesView, type CellView, type StructureView } from './caches-model';
import './caches.css';

export interface CachesPanelProps {
  /** `machine.cacheSnapshot()` taken before the access whose events are shown; null: no caches. */
  snapshot: CacheSnapshot | null;
  /** The events of that access (or of an invalidation step). */
  events: readonly WalkEvent[];
  /** The playback cursor: references revealed, 0 = before the walk. */
  cursor: number;
}

/** Wider sets (fully associative ones) wrap after this many ways. */
const MAX_WAYS_PER_LINE = 16;
const STATE_MARK = { hit: 'H', fill: 'F', evict: 'E', refused: 'R' } as const;
const STATE_WORD = { hit: 'hit', fill: 'filled', evict: 'removed', refused: 'hit but not usable' } as const;

function cellTitle(c: CellView): string {
  const where = `set ${c.set}, way ${c.way}`;
  const state = c.state ? ` — ${STATE_WORD[c.state]} now` : '';
  if (!c.entry) return `${where}: empty${state}`;
  const e = c.entry;
  const tag = `VPID ${e.vpid} PCID ${e.pcid}${e.global ? ' global' : ''}`;
  return `${where}: ${e.from} → ${e.to} · ${e.rights} · ${tag}${c.recencyText ? ` · ${c.recencyText}` : ''}${state}`;
}

function Cell({ cell }: { cell: CellView }) {
  const classes = [
    'nw-caches-cell',
    cell.entry ? 'is-valid' : 'is-empty',
    cell.state ? `is-${cell.state}` : '',
  ];
  return (
    <span
      role="gridcell"
      className={classes.join(' ')}
      data-state={cell.state ?? undefined}
      data-recency={cell.recency ?? undefined}
      title={cellTitle(cell)}
      aria-label={cellTitle(cell)}
    >
      {cell.state ? STATE_MARK[cell.state] : ''}
    </span>
  );
}

function Structure({ s }: { s: StructureView }) {
  const { lookups, hits, misses, fills, evictions } = s.counts;
  return (
    <div className={`nw-caches-structure is-${s.current ?? 'idle'}`} data-structure={s.name}>
      <div className="nw-caches-head">
        <b>{s.label}</b>
        <span className="nw-caches-muted">{s.geometry}</span>
        <span className="nw-caches-muted">{s.valid} valid</span>
        {lookups > 0 && (
          <span className="nw-caches-counts" data-testid={`counts-${s.name}`}>
            {hits} hit{hits === 1 ? '' : 's'} · {misses} miss{misses === 1 ? '' : 'es'}
            {fills > 0 ? ` · ${fills} fill${fills === 1 ? '' : 's'}` : ''}
            {evictions > 0 ? ` · ${evictions} evicted` : ''}
          </span>
        )}
      </div>
      <div
        className="nw-caches-sets"
        role="grid"
        aria-label={`${s.label}: sets × ways`}
        style={{ '--ways': Math.min(s.ways, MAX_WAYS_PER_LINE) } as CSSProperties}
      >
        {s.sets.map((set) => (
          <div role="row" className="nw-caches-set" key={set.set}>
            <span className="nw-caches-setno" aria-hidden="true">
              {set.set}
            </span>
            {set.cells.map((cell) => (
              <Cell cell={cell} key={cell.way} />
            ))}
          </div>
        ))}
      </div>
      {s.hiddenSets > 0 && (
        <p className="nw-caches-muted nw-caches-small">{s.hiddenSets} more sets not drawn</p>
      )}
    </div>
  );
}

export function CachesPanel({ snapshot, events, cursor }: CachesPanelProps) {
  const view = useMemo(
    () => (snapshot && snapshot.structures.length > 0 ? cachesView(snapshot, events, cursor) : null),
    [snapshot, events, cursor],
  );
  if (view === null) {
    return (
      <div className="nw-caches">
        <p className="nw-caches-muted">No translation caches: every translation makes the whole walk.</p>
      </div>
    );
  }
  // A plain block: the shell's section around it is the "Translation caches" landmark.
  return (
    <div className="nw-caches">
      <header className="nw-caches-title">
        <h3>{view.label}</h3>
        <span className="nw-caches-muted">{view.context}</span>
      </header>
      {view.stale && (
        <p role="alert" className="nw-caches-stale">
          <b>Stale translation</b> — {view.stale.reason}. An entry in memory changed and nobody invalidated
          the cached copy.
        </p>
      )}
      {view.invalidations.map((text) => (
        <p key={text} className="nw-caches-invalidation">
          {text}
        </p>
      ))}
      {view.log.length > 0 && (
        <ul className="nw-caches-log" aria-live="polite">
          {view.log.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      {view.spared.length > 0 && (
        <p className="nw-caches-spared" data-testid="caches-spared">
          Steps spared so far: {view.spared.map(({ by, steps }) => `${by} ${steps}`).join(' · ')}
        </p>
      )}
      {view.groups.map((group) => (
        <div className="nw-caches-group" key={group.kind}>
          <h4>{group.title}</h4>
          {group.structures.map((s) => (
            <Structure s={s} key={s.name} />
          ))}
        </div>
      ))}
      <p className="nw-caches-muted nw-caches-small nw-caches-legend">
        <span className="nw-caches-cell is-valid is-hit">H</span> hit{' '}
        <span className="nw-caches-cell is-valid is-fill">F</span> fill{' '}
        <span className="nw-caches-cell is-empty is-evict">E</span> evicted / invalidated{' '}
        <span className="nw-caches-cell is-valid is-refused">R</span> hit that cannot serve this access
      </p>
      <p className="nw-caches-muted nw-caches-small">{view.sources}</p>
    </div>
  );
}
