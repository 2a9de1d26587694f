/**
 * zod issues -> problems a person can act on: the field path, a one-line "problem (how to fix)", and
 * whether the location is the key (an unknown key) or its value. Union failures are narrowed to the
 * branch the value was evidently meant for, so a typo inside `connector: {command: ...}` is not reported
 * as "expected a string".
 */
import type { z } from 'zod';
import { closest } from './suggest.js';
import type { UnknownKeyParams } from './strict-object.js';

export type Path = readonly PropertyKey[];

export interface Problem {
  path: Path;
  message: string;
  at: 'key' | 'value';
}

export function problemsOf(issues: readonly z.core.$ZodIssue[], data: unknown, base: Path = []): Problem[] {
  return issues.flatMap((issue) => problemsOfIssue(issue, data, base));
}

function problemsOfIssue(issue: z.core.$ZodIssue, data: unknown, base: Path): Problem[] {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union') {
    // A branch that got past the type check is the one the user meant; its issues say what is wrong.
    const meant = issue.errors.find((branch) => !branch.every((sub) => sub.code === 'invalid_type' && sub.path.length === 0));
    if (meant) return problemsOf(meant, data, path);
    const value = valueAt(data, path);
    return [{ path, message: value === undefined ? MISSING : `${issue.message}, got ${describe(value)}`, at: 'value' }];
  }
  if (issue.code === 'invalid_key') {
    // Key schemas' messages already quote the key.
    return [{ path, message: issue.issues[0]?.message ?? issue.message, at: 'key' }];
  }
  return [{ path, message: messageOf(issue, valueAt(data, path)), at: unknownKey(issue) ? 'key' : 'value' }];
}

function unknownKey(issue: z.core.$ZodIssue): UnknownKeyParams | undefined {
  const params = issue.code === 'custom' ? (issue.params as Partial<UnknownKeyParams> | undefined) : undefined;
  return params?.unknownKey ? (params as UnknownKeyParams) : undefined;
}

const MISSING = 'missing (add it; it is required)';

const DEFAULT_MESSAGE = /^(Invalid input|Invalid option|Too small|Too big|Invalid string|Invalid number)/;

function messageOf(issue: z.core.$ZodIssue, value: unknown): string {
  const custom = !DEFAULT_MESSAGE.test(issue.message);
  const params = unknownKey(issue);
  if (params) {
    const near = closest(String(issue.path.at(-1)), params.known);
    return `unknown key (${near ? `did you mean "${near}"? ` : ''}known: ${params.known.join(', ')})`;
  }
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return MISSING;
      if (custom) return issue.message;
      return `expected ${noun(issue.expected)}, got ${describe(value)} (${hint(issue.expected, value)})`;
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      const near = typeof value === 'string' ? closest(value, allowed) : undefined;
      return `${JSON.stringify(value)} is not allowed (${near ? `did you mean "${near}"? ` : ''}use one of: ${allowed.join(', ')})`;
    }
    case 'too_small':
      if (custom) return issue.message;
      return issue.origin === 'array' ? 'must not be empty (list at least one item)' : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return custom ? issue.message : `must be at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

function noun(expected: string): string {
  const nouns: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
  };
  return nouns[expected] ?? expected;
}

function hint(expected: string, value: unknown): string {
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return 'quote it';
  if (expected === 'array') return 'write a YAML list, e.g. [a, b] or one "- item" per line';
  if (expected === 'object') return 'write key: value pairs indented under it';
  if (expected === 'boolean') return 'write true or false, unquoted';
  if (expected === 'number' && typeof value === 'string') return 'write the number without quotes';
  // YAML's .nan, .inf and numbers past double range (1e400) arrive as these.
  if (expected === 'number' && typeof value === 'number') return 'write a finite number, e.g. 100';
  return `write ${noun(expected)}`;
}

export function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

export function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

/** `expect.counts.user.min`, `connectors[1].command[2]`, `expect.requests.perRoute["graph.users.list"]`. */
export function formatPath(path: Path): string {
  if (path.length === 0) return 'scenario';
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_][\w-]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}
