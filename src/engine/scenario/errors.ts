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

/** A report lists this many problems; the rest are counted ("… and N more"). */
export const MAX_REPORTED_ISSUES = 20;

export class ScenarioError extends Error {
  /** The first MAX_REPORTED_ISSUES problems. */
  readonly issues: readonly ScenarioIssue[];
  /** How many problems were found in all (≥ issues.length). */
  readonly total: number;

  constructor(issues: readonly ScenarioIssue[]) {
    const shown = issues.slice(0, MAX_REPORTED_ISSUES);
    const lines = shown.map(formatIssue);
    const more = issues.length - shown.length;
    if (more > 0) lines.push(`… and ${more} more`);
    super(
      issues.length === 1
        ? `Invalid scenario: ${lines[0]}`
        : `Invalid scenario (${issues.length} problems):\n${lines.map((line) => `  - ${line}`).join('\n')}`,
    );
    this.name = 'ScenarioError';
    this.issues = shown;
    this.total = issues.length;
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

const cut = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

/**
 * A short rendering of a bad input value for messages: strings quoted, long values cut. Lists and
 * objects are shown one level deep, so no nesting depth can exhaust the stack here.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return cut(`[${value.slice(0, 8).map(shallow).join(',')}${value.length > 8 ? ',...' : ''}]`);
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    const shownKeys = keys.slice(0, 6).map((key) => {
      const field = (value as Record<string, unknown>)[key];
      return `${JSON.stringify(key)}:${shallow(field)}`;
    });
    return cut(`{${shownKeys.join(',')}${keys.length > 6 ? ',...' : ''}}`);
  }
  return cut(shallow(value));
}

/** A scalar as JSON; a list or object inside a value as [...] / {...}. */
function shallow(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : '[...]';
  if (value !== null && typeof value === 'object') return Object.keys(value).length === 0 ? '{}' : '{...}';
  if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function')
    return String(value);
  return JSON.stringify(value) ?? String(value);
}
