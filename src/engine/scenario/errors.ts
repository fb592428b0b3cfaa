/**
 * Scenario errors: every problem found, each with the JSON path of the field and what was expected,
 * so a user can fix a hand-written file in one pass.
 */

export interface ScenarioIssue {
  /** JSON path of the offending field, e.g. ['accesses', 2, 'va']; empty for the scenario as a whole. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** `accesses[2].va`; `(root)` for the scenario itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(root)' : text;
}

export const formatIssue = (issue: ScenarioIssue): string => `${formatPath(issue.path)}: ${issue.message}`;

export class ScenarioError extends Error {
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    const lines = issues.map(formatIssue);
    super(
      lines.length === 1
        ? `Invalid scenario: ${lines[0]}`
        : `Invalid scenario (${lines.length} problems):\n${lines.map((line) => `  - ${line}`).join('\n')}`,
    );
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

/** Collects issues while a pass continues, then throws them all at once. */
export class IssueList {
  readonly issues: ScenarioIssue[] = [];

  add(path: readonly (string | number)[], message: string): void {
    this.issues.push({ path, message });
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new ScenarioError(this.issues);
  }
}

/** A short rendering of a bad input value for messages: strings quoted, long values cut. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
