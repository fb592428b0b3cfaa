/**
 * The compare view (`?compare=native-4k,ept-4k,ept-2m&step=k`): one access walked under two or
 * three configurations, the grids side by side, stepping in lockstep — reference k in every grid
 * at once (docs/walk-view.md, "Compare configurations").
 */
import { useCallback, useEffect, useState, type CSSProperties } from 'react';
import { COMPARE_CONFIGS, compareConfigById, MAX_COMPARED, MIN_COMPARED } from '../../state/compare-configs';
import { withCompareLink, withoutCompareLink, type CompareLink } from '../../state/compare-url';
import type { EngineClient } from '../../state/scenario-slice';
import { isReference, type WalkEvent } from '../../engine';
import { gridLayout } from '../views/grid/grid-layout';
import { buildGrid } from '../views/model/grid-model';
import { readWalk } from '../views/model/walk-model';
import { presenterInUrl } from '../hooks/usePresenterUrl';
import { CompareGrid } from './CompareGrid';
import { ComparePlayback } from './ComparePlayback';
import { CompareTable, type ComparedWalk } from './CompareTable';
import { useStepKeys, type StepActions } from '../hooks/useStepKeys';
import { useCompareWalks } from './useCompareWalks';
import '../app.css';
import '../presenter.css';
import './compare.css';

const NONE = '';

export function ComparePage({ link, client }: { link: CompareLink; client: Pick<EngineClient, 'walk'> }) {
  const [ids, setIds] = useState<readonly string[]>(link.ids);
  const [cursor, setCursor] = useState(link.step);
  const walks = useCompareWalks(client, ids);
  const ready = walks.filter((w) => w.status === 'ok');
  const longest = Math.max(0, ...ready.map((w) => w.events.filter(isReference).length));
  const last = ready.length === walks.length ? longest : Math.max(longest, cursor);
  const seek = useCallback((step: number) => setCursor(Math.max(0, step)), []);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    root.dataset.presenter = String(presenterInUrl(window.location.search));
  }, []);
  // Once every walk is in, a step past the longest one (an old link) settles on its end.
  useEffect(() => {
    if (ready.length === walks.length && cursor > longest) setCursor(longest);
  }, [ready.length, walks.length, cursor, longest]);
  useEffect(() => {
    const { pathname, search } = window.location;
    window.history.replaceState(
      window.history.state,
      '',
      pathname + withCompareLink(search, { ids, step: cursor }),
    );
  }, [ids, cursor]);
  const moves: StepActions = {
    reset: () => seek(0),
    stepBack: () => seek(cursor - 1),
    stepForward: () => seek(Math.min(last, cursor + 1)),
    end: () => seek(last),
  };
  useStepKeys(moves);

  const choose = (slot: number, id: string) => {
    const next = [...ids];
    if (id === NONE) next.splice(slot, 1);
    else next[slot] = id;
    setIds(next.filter((v, i) => next.indexOf(v) === i));
  };
  const labelOf = (id: string) => compareConfigById(id)?.label ?? id;
  const slots = Math.min(MAX_COMPARED, ids.length + 1);
  // One scale for every grid: a native grid is narrower than a nested one, not drawn bigger.
  const units = new Map(ready.map((w) => [w.id, gridUnits(w.events)]));
  const widest = Math.max(1, ...units.values());
  const compared: ComparedWalk[] = ready.map((w) => ({ label: labelOf(w.id), events: w.events }));
  const walkHref = window.location.pathname + withoutCompareLink(window.location.search);

  return (
    <div className="app compare-page">
      <header className="app-header">
        <h1>
          nestwalk <span className="subtitle">— compare configurations</span>
        </h1>
        <a href={walkHref}>Back to the walk view</a>
      </header>
      <main>
        <p className="compare-intro">
          The same read of gVA 0x7fff_f012_3456 by user code, walked by the engine under each configuration.
          Step once and every grid makes its reference with that number; a grid that has finished waits at its
          end.
        </p>
        <fieldset className="compare-pickers">
          <legend>Configurations (two or three)</legend>
          {Array.from({ length: slots }, (_, slot) => (
            <label key={slot}>
              Grid {slot + 1}
              <select value={ids[slot] ?? NONE} onChange={(e) => choose(slot, e.target.value)}>
                {(slot >= MIN_COMPARED || ids[slot] === undefined) && <option value={NONE}>(none)</option>}
                {COMPARE_CONFIGS.map((c) => (
                  <option key={c.id} value={c.id} disabled={ids.includes(c.id) && ids[slot] !== c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
        <ComparePlayback cursor={cursor} last={last} seek={seek} actions={moves} />
        <div className="compare-grids" style={{ '--compare-count': ids.length } as CSSProperties}>
          {walks.map((w) => (
            <article
              key={w.id}
              className="panel compare-column"
              aria-labelledby={`compare-${w.id}`}
              style={{ '--compare-fraction': (units.get(w.id) ?? widest) / widest } as CSSProperties}
            >
              <h2 id={`compare-${w.id}`}>{labelOf(w.id)}</h2>
              {w.status === 'ok' ? (
                <CompareGrid label={labelOf(w.id)} events={w.events} cursor={cursor} onSeek={seek} />
              ) : w.status === 'walking' ? (
                <p>walking…</p>
              ) : (
                <p role="alert">This configuration could not be walked: {w.message}</p>
              )}
            </article>
          ))}
        </div>
        <CompareTable walks={compared} />
      </main>
    </div>
  );
}

const gridUnits = (events: readonly WalkEvent[]): number => gridLayout(buildGrid(readWalk(events), 0)).width;
