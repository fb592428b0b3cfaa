/** Engine-made snapshots and events for the caches panel tests (the fixture machine of the engine tests). */
import { parseLinearAddress } from '../../../src/engine/address';
import type { CacheSnapshot } from '../../../src/engine/cache/snapshot-types';
import type { WalkEvent } from '../../../src/engine/events';
import type { AccessKind } from '../../../src/engine/vocabulary';
import { makeFixture, type FixtureOptions } from '../../engine/cache/cache-fixture';

export interface Step {
  readonly snapshot: CacheSnapshot;
  readonly events: WalkEvent[];
  readonly references: number;
}

/** Runs `vas` in order; for each access, the snapshot before it and its events. */
export function stepsOf(vas: string[], options: FixtureOptions = {}, kind: AccessKind = 'read'): Step[] {
  const { machine } = makeFixture(options);
  return vas.map((va) => {
    const snapshot = machine.cacheSnapshot();
    const events: WalkEvent[] = [];
    const result = machine.translate({ va: parseLinearAddress(va), kind, cpl: 3 }, (e) => events.push(e));
    return { snapshot, events, references: result.references.length };
  });
}
