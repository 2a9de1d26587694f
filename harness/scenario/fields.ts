/**
 * Small field schemas shared by the scenario schema: durations, kebab-case ids, providers, entitlement
 * pairs. Custom messages follow the one-line convention "problem (how to fix)".
 */
import { z } from 'zod';
import { providerNames } from '../../mocks/serve/provider-registry.js';
import { parseDuration } from './duration.js';
import { describe } from './issue-message.js';
import { closest } from './suggest.js';
import { strictObject } from './strict-object.js';

/** `90s`, `5m`, `1m30s`, `500ms` -> milliseconds. */
export const duration = z
  .string({ error: (issue) => `expected a duration with a unit, got ${describe(issue.input)} (write e.g. 90s or 5m)` })
  .transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === undefined) {
      ctx.addIssue({
        code: 'custom',
        input: text,
        message: `${JSON.stringify(text)} is not a duration (write a number with ms, s, m or h, e.g. 90s, 5m, 1m30s)`,
      });
      return z.NEVER;
    }
    return ms;
  });

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const kebabId = (example: string) =>
  z
    .string()
    .regex(KEBAB, { error: (issue) => `${JSON.stringify(issue.input)} is not a kebab-case id (lower-case words joined by "-", e.g. ${example})` });

export function providerProblem(name: string): string | undefined {
  const known = providerNames();
  if (known.includes(name)) return undefined;
  const near = closest(name, known);
  return `unknown provider ${JSON.stringify(name)} (${near ? `did you mean "${near}"? ` : ''}known: ${known.join(', ')})`;
}

export const provider = z.string().superRefine((name, ctx) => {
  const problem = providerProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', input: name, message: problem });
});

const nonEmptyText = z.string().trim().min(1, { error: 'must not be empty (write the text, or leave the key out)' });

/** Who holds what: an entitlement id (e.g. `group:<id>:member`) and a principal id (e.g. `user:<id>`). */
export const grantPair = strictObject({ entitlement: nonEmptyText, principal: nonEmptyText });

export const wholeNumber = z
  .number()
  .int({ error: (issue) => `${String(issue.input)} is not a whole number (write e.g. 10)` })
  .nonnegative({ error: (issue) => `${String(issue.input)} is below 0 (write 0 or more)` });
