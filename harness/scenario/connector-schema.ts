/**
 * What runs against the mocks: `builtin:<provider>[:<variant>]` (a connector in `connectors/`, run in
 * process) or an external program given as a command with placeholders, env, working directory, timeout
 * and how it reaches the mock (`base-url`: it takes the URL as configuration; `proxy`: an unmodified binary
 * talks to the real host names through the harness's HTTPS proxy).
 */
import { z } from 'zod';
import { duration, providerProblem } from './fields.js';
import { strictObject } from './strict-object.js';

export interface BuiltinConnector {
  kind: 'builtin';
  ref: string;
  provider: string;
  variant?: string;
}

const BUILTIN = /^builtin:([a-z0-9]+)(?::([a-z0-9]+(?:-[a-z0-9]+)*))?$/;

const builtinRef = z.string().transform((ref, ctx): BuiltinConnector => {
  const match = BUILTIN.exec(ref);
  if (!match) {
    ctx.addIssue({
      code: 'custom',
      input: ref,
      message: `${JSON.stringify(ref)} is not a connector (write builtin:<provider>[:<variant>], e.g. builtin:entra or builtin:entra:ignores-retry-after, or a mapping with a command)`,
    });
    return z.NEVER;
  }
  const problem = providerProblem(match[1]!);
  if (problem) {
    ctx.addIssue({ code: 'custom', input: ref, message: `${ref}: ${problem}` });
    return z.NEVER;
  }
  return { kind: 'builtin', ref, provider: match[1]!, ...(match[2] ? { variant: match[2] } : {}) };
});

const argument = z.string({ error: (issue) => `expected text, got ${typeof issue.input} (quote it)` });

const external = strictObject({
  /** Shown in reports when several connectors run; defaults to the program name. */
  name: z.string().optional(),
  /** A list is run directly (one argument per item); a single string is run by the shell. */
  command: z.union(
    [
      z.string().trim().min(1, { error: 'must not be empty (give the program to run)' }),
      z.array(argument).min(1, { error: 'must not be empty (give the program to run)' }),
    ],
    {
      error: 'expected a command line or a list of arguments (e.g. ["./my-connector", "--base-url", "{baseUrl}"])',
    },
  ),
  env: z.record(z.string(), argument).default({}),
  cwd: z.string().optional(),
  timeout: duration.optional(),
  mode: z.enum(['base-url', 'proxy']).default('base-url'),
}).transform(({ timeout, ...rest }) => ({ kind: 'external' as const, ...rest, ...(timeout !== undefined ? { timeoutMs: timeout } : {}) }));

export type ExternalConnector = z.output<typeof external>;
export type ConnectorSpec = BuiltinConnector | ExternalConnector;

export const connector = z.union([builtinRef, external], {
  error: 'expected builtin:<provider>[:<variant>] or a mapping with a command (e.g. command: ["./my-connector", "--output", "{output}"])',
});
