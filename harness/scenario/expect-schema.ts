/**
 * What a scenario expects of the run. Error texts must say something: where a guide or the SDK gives the
 * exact text (`AADSTS7000222`, "next page token unchanged"), a scenario expects that text, and a pattern
 * that matches anything (`*`, `.*`, empty) would let every failure pass, so it is refused.
 */
import { z } from 'zod';
import { grantPair, kebabId, wholeNumber } from './fields.js';
import { strictObject } from './strict-object.js';
import { UserError } from '../../lib/errors.js';
import { parseRule, type GateRule } from '../diff/gates.js';

/** A `diff --fail-on` rule, checked when the scenario is loaded. */
const gateRule = z.string().transform((text, ctx): GateRule => {
  try {
    return parseRule(text);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    ctx.addIssue({ code: 'custom', input: text, message: error.message.replace(/^diff: /, '') });
    return z.NEVER;
  }
});

export type ErrorMatcher = { text: string } | { regex: RegExp };

/** Plain text is matched as a substring; `/.../flags` is a regular expression. */
const errorMatcher = z.string().transform((raw, ctx): ErrorMatcher => {
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', input: raw, message });
    return z.NEVER;
  };
  const slashed = /^\/(.*)\/([a-z]*)$/s.exec(raw);
  if (slashed) {
    let regex: RegExp;
    try {
      regex = new RegExp(slashed[1]!, slashed[2]);
    } catch (error) {
      return fail(`${raw} is not a regular expression: ${(error as Error).message} (fix the pattern, or write plain text without the slashes)`);
    }
    if (regex.test('')) return fail(`${raw} matches any error (expect the text the provider or SDK gives, e.g. AADSTS7000222)`);
    return { regex };
  }
  if (/^[\s*.?%+^$()]*$/.test(raw)) {
    return fail(`${JSON.stringify(raw)} matches any error (expect the text the provider or SDK gives, e.g. AADSTS7000222)`);
  }
  return { text: raw };
});

export interface CountRange {
  exact?: number;
  min?: number;
  max?: number;
}

/** A number means exact; otherwise `{exact}` or `{min, max}` (either bound alone is fine). */
const countRange = z
  .union(
    [
      wholeNumber,
      strictObject({ exact: wholeNumber.optional(), min: wholeNumber.optional(), max: wholeNumber.optional() }).superRefine((range, ctx) => {
        if (range.exact === undefined && range.min === undefined && range.max === undefined) {
          ctx.addIssue({ code: 'custom', input: range, message: 'no bound given (write a number, or exact, min and/or max)' });
        } else if (range.exact !== undefined && (range.min !== undefined || range.max !== undefined)) {
          ctx.addIssue({
            code: 'custom',
            path: ['exact'],
            input: range.exact,
            message: 'exact together with min/max (use either exact, or min and/or max)',
          });
        } else if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
          ctx.addIssue({
            code: 'custom',
            path: ['min'],
            input: range.min,
            message: `min ${range.min} is more than max ${range.max} (swap them, or fix the bound)`,
          });
        }
      }),
    ],
    { error: 'expected a count (write a whole number, or a mapping with exact, min and/or max)' },
  )
  .transform((count): CountRange => (typeof count === 'number' ? { exact: count } : count));

/** Resource type ids as the connector names them (`user`, `group`, `role`...) plus `grants` and `entitlements`. */
const resourceType = z.string().regex(/^[a-z][a-z0-9_-]*$/, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a resource type id (lower-case, e.g. user, group, role, grants)`,
});

export const expectSchema = strictObject({
  outcome: z.enum(['succeeded', 'failed']).optional(),
  /** Every matcher must match the run's error. */
  error: z
    .union([errorMatcher, z.array(errorMatcher).min(1, { error: 'must not be empty (list the error texts, or leave the key out)' })], {
      error: 'expected the error text, or a list of texts',
    })
    .optional(),
  counts: z.record(resourceType, countRange).optional(),
  /**
   * true: every identity, group, role and membership the tenant exposes appears exactly once with the right
   * id. false: some are missing or extra (the loss a scenario demonstrates).
   */
  complete: z.boolean().optional(),
  requests: strictObject({
    max: wholeNumber.optional(),
    /** Simulated route names (`graph.users.list`) to their maximum number of calls. */
    perRoute: z.record(z.string(), wholeNumber).optional(),
  }).optional(),
  retryAfterHonoured: z.boolean().optional(),
  peakMemoryMb: z.number().positive({ error: 'must be more than 0 (megabytes, e.g. 256)' }).optional(),
  /** The tenant after the scenario's actions. */
  state: strictObject({ granted: z.array(grantPair).optional(), notGranted: z.array(grantPair).optional() }).optional(),
  /** Doctor finding ids the run must produce. */
  findings: z.array(kebabId('expired-secret')).optional(),
  /** With `rerun`: the first sync against the second, as `sync-harness diff` compares them. */
  diff: strictObject({
    /** Gate rules, as `diff --fail-on` takes them. */
    failOn: z.array(gateRule).default([]),
    /** Whether the gates must pass (the default) or fail. */
    gate: z.enum(['passed', 'failed']).default('passed'),
    differ: z.boolean().optional(),
    /** Exactly these change findings (`vanished-resource-type`, `resource-type-drop`, ...). */
    findings: z.array(kebabId('resource-type-drop')).optional(),
  }).optional(),
})
  .default({})
  .transform(({ error, outcome, ...rest }, ctx) => {
    const errors = error === undefined ? undefined : Array.isArray(error) ? error : [error];
    if (errors && outcome === 'succeeded') {
      ctx.addIssue({
        code: 'custom',
        path: ['error'],
        input: error,
        message: 'an error is expected of a run expected to succeed (set outcome: failed, or remove error)',
      });
      return z.NEVER;
    }
    // An expected error implies failure; with neither, the run must succeed.
    return { ...rest, outcome: outcome ?? (errors ? 'failed' : 'succeeded'), ...(errors ? { error: errors } : {}) } as const;
  });

export type Expectations = z.output<typeof expectSchema>;
