/**
 * Walks each compared configuration through the engine client (the same worker as the walk view)
 * and keeps its events; a configuration that fails says why in its own place.
 */
import { useEffect, useState } from 'react';
import type { WalkEvent } from '../../engine';
import { compareConfigById, compareScenario } from '../../state/compare-configs';
import type { EngineClient } from '../../state/scenario-slice';

export type CompareWalk =
  | { readonly id: string; readonly status: 'walking' }
  | { readonly id: string; readonly status: 'ok'; readonly events: readonly WalkEvent[] }
  | { readonly id: string; readonly status: 'error'; readonly message: string };

export function useCompareWalks(client: Pick<EngineClient, 'walk'>, ids: readonly string[]): CompareWalk[] {
  const [walks, setWalks] = useState<Record<string, CompareWalk>>({});
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    for (const id of key.split(',')) {
      const config = compareConfigById(id);
      if (!config) continue;
      const { doc, access } = compareScenario(config);
      void client
        .walk(doc)
        .then((reply): CompareWalk => {
          if (!reply.ok) return { id, status: 'error', message: reply.error.message };
          const events = reply.events[access];
          return events
            ? { id, status: 'ok', events }
            : { id, status: 'error', message: 'the walk made no events' };
        })
        .catch((error: unknown): CompareWalk => ({ id, status: 'error', message: String(error) }))
        .then((walk) => {
          if (live) setWalks((prev) => ({ ...prev, [id]: walk }));
        });
    }
    return () => {
      live = false;
    };
  }, [client, key]);
  return ids.map((id) => walks[id] ?? { id, status: 'walking' });
}
