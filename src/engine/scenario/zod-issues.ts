/**
 * Turns zod's issues into plain sentences: "expected …, got …", with the offending value looked up
 * in the original input so the user sees exactly what they wrote.
 */
import type { z } from 'zod';
import { describeValue, type ScenarioIssue } from './errors';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'an object',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const quoteAll = (values: readonly unknown[]): string =>
  values.length === 1
    ? JSON.stringify(values[0])
    : `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;

function expectation(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_NAMES[issue.expected] ?? issue.expected;
    case 'invalid_value':
      return quoteAll(issue.values);
    case 'invalid_union':
      if ('options' in issue && issue.options && issue.options.length > 0) return quoteAll(issue.options);
      return issue.message.startsWith('expected ') ? issue.message.slice('expected '.length) : undefined;
    case 'too_small':
      return `a number ${issue.inclusive === false ? '>' : '≥'} ${String(issue.minimum)}`;
    case 'too_big':
      return `a number ${issue.inclusive === false ? '<' : '≤'} ${String(issue.maximum)}`;
    default:
      return undefined;
  }
}

export function fromZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown): ScenarioIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
    if (issue.code === 'custom') return { path, message: issue.message };
    const expected = expectation(issue);
    const message = expected
      ? `expected ${expected}, got ${describeValue(valueAt(input, issue.path))}`
      : issue.message;
    return { path, message };
  });
}
