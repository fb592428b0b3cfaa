/** Real engine walks for view tests and the preview page: shipped scenarios, and a walk with caches. */
import type { WalkEvent } from '../../../src/engine/events';
import { linearFromBigInt } from '../../../src/engine/address';
import { createMachine } from '../../../src/engine/machine';
import { SparseMemory } from '../../../src/engine/memory/sparse-memory';
import { buildMemoryImage } from '../../../src/engine/scenario/builder';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { runScenarioWithEvents } from '../../../src/engine/scenario/run';
import { machineConfigOf } from '../../../src/engine/scenario/to-machine';

/** The events of access `access` of a scenario given as JSON text or value. */
export const scenarioEvents = (scenario: unknown, access = 0): WalkEvent[] | undefined =>
  runScenarioWithEvents(parseScenario(scenario)).events[access];

/**
 * The default scenario on a Skylake-like cache set: one access fills the caches, INVLPG drops the
 * linear / combined entries, and the same access again walks the guest tables while the
 * guest-physical TLB spares every EPT walk — 4 references instead of 24.
 */
export function cachedWalkEvents(defaultScenario: unknown): WalkEvent[] {
  const scenario = parseScenario(defaultScenario);
  const image = buildMemoryImage(scenario);
  const memory = new SparseMemory(image.words.length + 64);
  for (const word of image.words) memory.store(word.addr, word.lo, word.hi);
  const machine = createMachine({ ...machineConfigOf(scenario), caches: 'skylake' }, memory);
  const va = linearFromBigInt(0x7fff_f000_0123n);
  machine.translate({ va, kind: 'read', cpl: 3 });
  machine.perform({ op: 'invlpg', va });
  const events: WalkEvent[] = [];
  machine.translate({ va, kind: 'read', cpl: 3 }, (event) => events.push(event));
  return events;
}
