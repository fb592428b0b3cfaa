/**
 * The point the walk on screen makes: a preset's own teaching point as shipped; for a built,
 * edited or symbolic walk, one generated from its events. An edited preset is marked as modified
 * and can be reverted. See docs/walk-view.md.
 */
import { useMemo } from 'react';
import type { WalkEvent } from '../../engine';
import { generatedNotice } from './model/notice';
import { readWalk } from './model/walk-model';
import './styles/base.css';
import './styles/notice.css';

export interface WhatToNoticeProps {
  events: readonly WalkEvent[];
  /** The preset the walk came from (name and teaching point); null when it came from none. */
  preset: { readonly name: string; readonly point: string } | null;
  /** The document differs from the preset as loaded. */
  modified: boolean;
  /** A symbolic walk (a table depth no machine has). */
  symbolic: boolean;
  /** Loads the preset again; absent: no revert offered. */
  onRevert?: () => void;
}

export function WhatToNotice({ events, preset, modified, symbolic, onRevert }: WhatToNoticeProps) {
  const model = useMemo(() => readWalk(events), [events]);
  const asShipped = preset !== null && !modified;
  const generated = useMemo(
    () => (asShipped || events.length === 0 ? [] : generatedNotice(model, symbolic)),
    [asShipped, events.length, model, symbolic],
  );
  if (!asShipped && generated.length === 0) return null;
  return (
    <section className="nw-view nw-notice" aria-labelledby="nw-notice-title">
      <h2 id="nw-notice-title" className="nw-notice-title">
        What to notice
        {preset && modified && <span className="nw-notice-modified">modified</span>}
      </h2>
      {asShipped ? <p>{preset.point}</p> : generated.map((line) => <p key={line}>{line}</p>)}
      {preset && modified && (
        <p className="nw-notice-before">
          You changed “{preset.name}”: this is what your walk shows.{' '}
          {onRevert && (
            <button type="button" onClick={onRevert}>
              Revert to preset
            </button>
          )}
        </p>
      )}
    </section>
  );
}
