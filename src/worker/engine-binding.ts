/** The engine calls the worker makes: parse (throws ScenarioError with paths), run, memory image. */
import { parseScenario, runScenarioWithEvents, scenarioMemoryImage } from '../engine/scenario';
import type { MemoryWord, WalkOutput } from './protocol';

export interface WalkEngine {
  run(scenarioJson: unknown): WalkOutput;
  memoryImage(scenarioJson: unknown): readonly MemoryWord[];
}

export const engineBinding: WalkEngine = {
  run: (json) => runScenarioWithEvents(parseScenario(json)),
  memoryImage: (json) => scenarioMemoryImage(parseScenario(json)),
};
