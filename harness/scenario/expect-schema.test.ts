import { describe, expect, it } from 'vitest';
import { expectSchema } from './expect-schema.js';
import { problemsOf } from './issue-message.js';

describe('expect schema', () => {
  it('defaults to a successful run with nothing else checked', () => {
    expect(expectSchema.parse(undefined)).toEqual({ outcome: 'succeeded' });
  });

  it('reads /.../flags as a regular expression and other text as a substring', () => {
    const parsed = expectSchema.parse({ error: ['/next page token unchanged/i', 'AADSTS7000222'] });
    expect(parsed.outcome).toBe('failed');
    const [regex, text] = parsed.error!;
    expect(regex).toEqual({ regex: /next page token unchanged/i });
    expect(text).toEqual({ text: 'AADSTS7000222' });
  });

  it('refuses a regular expression that does not compile', () => {
    const data = { error: '/(unclosed/' };
    const [problem] = problemsOf(expectSchema.safeParse(data).error!.issues, data);
    expect(problem?.path).toEqual(['error']);
    expect(problem?.message).toMatch(/^\/\(unclosed\/ is not a regular expression: .*\(fix the pattern/);
  });

  it('turns a bare number into an exact count and refuses exact with bounds', () => {
    expect(expectSchema.parse({ counts: { user: 3, group: { max: 2 } } }).counts).toEqual({ user: { exact: 3 }, group: { max: 2 } });
    expect(expectSchema.safeParse({ counts: { user: { exact: 3, min: 1 } } }).error?.issues[0]?.message).toBe(
      'exact together with min/max (use either exact, or min and/or max)',
    );
    expect(expectSchema.safeParse({ counts: { user: {} } }).error?.issues[0]?.message).toBe(
      'no bound given (write a number, or exact, min and/or max)',
    );
  });
});
