/** The scenario layer: parse and validate, build tables, run, report the trace. */
export { parseScenario } from './parse';
export { readStrictJson, JsonTextError, MAX_JSON_DEPTH } from './strict-json';
export { DEFAULT_MAX_PHY_ADDR } from '../cpu-defaults';
export { ScenarioError, formatPath, formatIssue, type ScenarioIssue } from './errors';
export type { Scenario, MemoryWord, GuestMapping, NestedMapping, Expectation } from './model';
export type { ScenarioStep, MemoryAccessStep } from './access-schema';
export { buildMemoryImage, type MemoryImage } from './builder';
export { createScenarioMachine, machineConfigOf, type ScenarioMachine } from './to-machine';
export {
  runScenario,
  runScenarioDetailed,
  runScenarioWithEvents,
  scenarioMemoryImage,
  type RunOptions,
} from './run';
export type { Trace, TraceResult, TraceReference, TraceWord, TraceOperation, TraceSkipped } from './trace';
export { checkExpectations } from './expect';
