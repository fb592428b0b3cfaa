/** A scenario → a ready machine over its starting memory (given plus builder-written words). */
import { createMachine } from '../machine';
import { SparseMemory } from '../memory/sparse-memory';
import type { Machine, MachineConfig } from '../machine-api';
import { buildMemoryImage, type MemoryImage } from './builder';
import type { Scenario } from './model';

export interface ScenarioMachine {
  readonly machine: Machine;
  /** The machine's memory: A/D updates made by walks show up here. */
  readonly memory: SparseMemory;
  /** The starting memory and what the builders laid out. */
  readonly image: MemoryImage;
}

export const machineConfigOf = (scenario: Scenario): MachineConfig => ({
  cpu: scenario.cpu,
  ...(scenario.ept && { ept: scenario.ept }),
  ...(scenario.npt && { npt: scenario.npt }),
  ...(scenario.caches && { caches: scenario.caches }),
});

export function createScenarioMachine(scenario: Scenario): ScenarioMachine {
  const image = buildMemoryImage(scenario);
  const memory = new SparseMemory(image.words.length + 64);
  for (const word of image.words) memory.store(word.addr, word.lo, word.hi);
  return { machine: createMachine(machineConfigOf(scenario), memory), memory, image };
}
