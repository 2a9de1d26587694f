import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatPath, problemsOf } from './issue-message.js';
import { strictObject } from './strict-object.js';

describe('formatPath', () => {
  it('writes keys with dots, indexes in brackets and odd keys quoted', () => {
    expect(formatPath(['expect', 'counts', 'user', 'min'])).toBe('expect.counts.user.min');
    expect(formatPath(['connectors', 1, 'command', 2])).toBe('connectors[1].command[2]');
    expect(formatPath(['expect', 'requests', 'perRoute', 'graph.users.list'])).toBe('expect.requests.perRoute["graph.users.list"]');
    expect(formatPath([])).toBe('scenario');
  });
});

describe('problemsOf', () => {
  const schema = z.object({
    c: z.union([z.string(), strictObject({ command: z.string(), timeout: z.string().optional() })], { error: 'expected a ref or a command' }),
  });
  const problems = (data: unknown) => problemsOf(schema.safeParse(data).error!.issues, data);

  it('narrows a union to the branch the value was meant for', () => {
    expect(problems({ c: { command: 'x', tmeout: '1s' } })).toEqual([
      { path: ['c', 'tmeout'], message: 'unknown key (did you mean "timeout"? known: command, timeout)', at: 'key' },
    ]);
  });

  it('falls back to the union message, with what was given, when no branch fits', () => {
    expect(problems({ c: 5 })).toEqual([{ path: ['c'], message: 'expected a ref or a command, got number 5', at: 'value' }]);
    expect(problems({})).toEqual([{ path: ['c'], message: 'missing (add it; it is required)', at: 'value' }]);
  });
});
