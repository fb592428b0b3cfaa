import { parseScenario } from '../../../src/engine/scenario/parse';
import { ScenarioError, formatIssue } from '../../../src/engine/scenario/errors';

/** The formatted issues of a scenario that must fail. */
export function problems(input: unknown): string[] {
  try {
    parseScenario(input);
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues.map(formatIssue);
    throw error;
  }
  throw new Error('the scenario was accepted');
}
