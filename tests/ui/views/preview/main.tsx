/**
 * A preview page for the views over synthetic walks (?walk=default|pf|ept|ept2m|native|npt|five) or
 * the shipped scenarios run by the engine (?scenario=default&access=0),
 * &cursor=N, &theme=dark, &only=grid|tables|address|narration|cost. Build it with
 * `npx vite build --config tests/ui/views/preview/vite.config.ts`.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AddressBits, CostPanel, Narration, TableTrees, WalkGrid } from '../../../../src/ui/views';
import { buildWalk, type WalkOptions } from '../fixtures';
import { cachedWalkEvents, scenarioEvents } from '../engine-fixtures';
import type { WalkEvent } from '../../../../src/engine/events';

// The shipped scenarios, run by the real engine: ?scenario=default&access=0 (access=-1: the cached re-walk)
const SCENARIOS = import.meta.glob<unknown>('../../../../public/scenarios/*.json', {
  eager: true,
  import: 'default',
});
const scenarioWalk = (name: string, access: number): WalkEvent[] | undefined => {
  const entry = Object.entries(SCENARIOS).find(([path]) => path.endsWith(`/${name}.json`));
  if (!entry) return undefined;
  return access < 0 ? cachedWalkEvents(entry[1]) : scenarioEvents(entry[1], access);
};

const WALKS: Record<string, WalkOptions> = {
  default: {},
  pf: { guestNotPresentAt: 1, kind: 'write' },
  ept: { nestedNotPresentAt: { guestLevel: 2, nestedLevel: 1 } },
  ept2m: { nestedPage: '2M', guestPage: '2M' },
  native: { mode: 'native' },
  npt: { mode: 'npt' },
  five: { n: 5, m: 5 },
};

const params = new URLSearchParams(location.search);
if (params.get('theme')) document.documentElement.dataset.theme = params.get('theme') ?? 'light';
const scenario = params.get('scenario');
const events =
  (scenario ? scenarioWalk(scenario, Number(params.get('access') ?? 0)) : undefined) ??
  buildWalk(WALKS[params.get('walk') ?? 'default'] ?? {});
const start = events.find((e) => e.type === 'walk-start');
const n = start?.type === 'walk-start' ? start.guestLevels : 4;
const m = start?.type === 'walk-start' ? Math.max(1, start.nestedLevels) : 4;

function Preview() {
  const [cursor, setCursor] = useState(Number(params.get('cursor') ?? 5));
  const only = params.get('only');
  const show = (name: string) => only === null || only === name;
  return (
    <main>
      {only === null && (
        <label>
          cursor{' '}
          <input
            type="range"
            min={0}
            max={30}
            value={cursor}
            onChange={(e) => setCursor(Number(e.target.value))}
          />{' '}
          {cursor}
        </label>
      )}
      {show('address') && (
        <div className="panel" data-view="address">
          <AddressBits events={events} />
        </div>
      )}
      {(show('grid') || show('narration')) && (
        <div className="row">
          {show('grid') && (
            <div className="panel" data-view="grid">
              <WalkGrid events={events} cursor={cursor} />
            </div>
          )}
          {show('narration') && (
            <div className="panel" data-view="narration">
              <Narration events={events} cursor={cursor} />
            </div>
          )}
        </div>
      )}
      {show('tables') && (
        <div className="panel" data-view="tables">
          <TableTrees
            events={events}
            cursor={cursor}
            onEditEntry={(a, lo, hi) => console.log('edit', a, lo, hi)}
          />
        </div>
      )}
      {show('cost') && (
        <div className="panel" data-view="cost">
          <CostPanel n={n} m={m} events={events} cursor={cursor} />
        </div>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Preview />);
