/**
 * Scenario files, version 1: which provider and tenant, what is broken, which connector(s) run, what is
 * done after the sync, and what must be true afterwards. Parsing gives a normalised `Scenario`: durations
 * in ms, faults parsed, the tenant shape resolved with defaults, `connector` folded into `connectors`.
 */
import { z } from 'zod';
import { UserError } from '../../lib/errors.js';
import { parseFaultSpec, specLabel } from '../../mocks/faults/spec.js';
import { resolveShape, scaledShape, validateShape } from '../../mocks/tenant/shape.js';
import type { TenantShape } from '../../mocks/tenant/model.js';
import { connector, type ConnectorSpec, type ExternalConnector } from './connector-schema.js';
import { expectSchema } from './expect-schema.js';
import { duration, grantPair, provider, wholeNumber } from './fields.js';
import { knownPlaceholders, unknownPlaceholderProblem } from './placeholders.js';
import { strictObject } from './strict-object.js';

export const SCENARIO_VERSIONS = [1] as const;

/** A run that takes longer is stopped and fails: a permanent server error must not be retried forever. */
export const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** Each fault is a spec string, exactly as after `--fault` on the command line. */
const fault = z.string().transform((text, ctx) => {
  const where = '\u0000';
  try {
    return parseFaultSpec(text, where);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // parseFaultSpec starts its message with `<where> "<text>": `; the location replaces that here.
    const problem = error.message.replace(`${where} ${specLabel(text)}: `, '');
    ctx.addIssue({ code: 'custom', input: text, message: `${specLabel(text)}: ${problem}` });
    return z.NEVER;
  }
});

const count = z.number().optional();
const ratio = z.number().optional();
/** Seed and sizes; anything left out gets `resolveShape`'s defaults. */
const tenant = strictObject({
  seed: count,
  users: count,
  groups: count,
  membershipsPerUser: count,
  nestedGroupRatio: ratio,
  roles: count,
  roleAssignments: count,
  apps: count,
  appRoleAssignments: count,
  policies: count,
  policyAttachments: count,
  guestRatio: ratio,
  externalRatio: ratio,
  serviceRatio: ratio,
  disabledRatio: ratio,
  domain: z.string().optional(),
  tenantId: z.string().optional(),
})
  .optional()
  .transform((given, ctx): TenantShape => {
    // resolveShape names fields through `label`; a marked name lets the issue point at that field's line.
    const mark = (field: string) => `\u0001${field}\u0001`;
    try {
      return resolveShape(given ?? {}, { label: mark });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      // biome-ignore lint/suspicious/noControlCharactersInRegex: \u0001 is the marker `mark` wraps a field name in
      const field = /\u0001(\w+)\u0001/.exec(error.message)?.[1];
      // "users -5: expected..." under the path tenant.users reads better without the repeated name.
      const own = field ? error.message.replace(`${mark(field)} `, '') : error.message;
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the same marker, dropped from the message
      const message = own.replace(/\u0001(\w+)\u0001/g, '$1');
      ctx.addIssue({ code: 'custom', path: field ? [field] : [], input: given, message });
      return z.NEVER;
    }
  });

const action = strictObject({ grant: grantPair.optional(), revoke: grantPair.optional() }).transform((given, ctx) => {
  const ops = (['grant', 'revoke'] as const).filter((op) => given[op] !== undefined);
  if (ops.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      input: given,
      message: `${ops.length ? 'both grant and revoke' : 'neither grant nor revoke'} (give exactly one, e.g. grant: { entitlement: ..., principal: ... })`,
    });
    return z.NEVER;
  }
  const op = ops[0]!;
  return { op, ...given[op]! };
});
export type ScenarioAction = z.output<typeof action>;

const fields = strictObject({
  version: z.literal(1),
  /** Unique across loaded scenarios; used for run folders and reports. */
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not a scenario name (lower-case letters, digits, ".", "_" and "-", e.g. entra-throttled-users)`,
  }),
  description: z.string().optional(),
  provider,
  tenant,
  /** The granted set (Graph application permissions, Google scopes...); left out, the provider's full set. */
  permissions: z.array(z.string().trim().min(1, { error: 'must not be empty (name the permission)' })).optional(),
  faults: z.array(fault).default([]),
  connector: connector.optional(),
  /** Several connectors share one tenant and its quota. */
  connectors: z.array(connector).min(1, { error: 'must not be empty (list at least one connector)' }).optional(),
  actions: z.array(action).default([]),
  /**
   * Whether the simulator lets grant and revoke change the tenant; on by default when there are actions.
   * Off, every write answers the provider's 403 (write-back not consented).
   */
  writeBack: z.boolean().optional(),
  /**
   * Also sync a tenant of this many users (same seed and mixes, no faults) and compare what the connector
   * still holds after each sync: memory that grows with the tenant is a connector keeping pages.
   */
  memoryCheck: strictObject({ users: wholeNumber }).optional(),
  /**
   * Sync again after the first sync and its actions, against the same tenant, with these faults instead of
   * the first run's (a secret expiring between runs, say); `expect.diff` then judges the two syncs.
   */
  rerun: strictObject({ faults: z.array(fault).default([]) }).optional(),
  /** Wall-clock cap for the whole run. */
  timeout: duration.optional(),
  expect: expectSchema,
});

export const scenarioSchema = fields.transform((given, ctx) => {
  const { connector: one, connectors: many, timeout, version, ...rest } = given;
  if (one !== undefined && many !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['connectors'],
      input: many,
      message: 'given together with connector (use connector for one, or connectors for several)',
    });
    return z.NEVER;
  }
  if (one === undefined && many === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      input: given,
      message: 'no connector (add connector: builtin:<provider>, or connectors: [...] for several)',
    });
    return z.NEVER;
  }
  const list: ConnectorSpec[] = many ?? [one!];
  const at = (i: number): (string | number)[] => (many ? ['connectors', i] : ['connector']);
  const known = knownPlaceholders(given.provider);
  let ok = true;
  list.forEach((spec, i) => {
    if (spec.kind === 'builtin') {
      if (spec.provider !== given.provider) {
        ctx.addIssue({
          code: 'custom',
          path: at(i),
          input: spec.ref,
          message: `${spec.ref} is for ${spec.provider}, but the scenario's provider is ${given.provider} (use builtin:${given.provider}[:<variant>])`,
        });
        ok = false;
      }
      return;
    }
    const texts = placeholderTexts(spec);
    for (const [path, text] of texts) {
      const problem = unknownPlaceholderProblem(text, known);
      if (problem) {
        ctx.addIssue({ code: 'custom', path: [...at(i), ...path], input: text, message: problem });
        ok = false;
      }
    }
  });
  if (!ok) return z.NEVER;
  if (given.memoryCheck) {
    // The second sync builds a tenant of its own: it must fit the same bounds as the first.
    try {
      validateShape(scaledShape(given.tenant, given.memoryCheck.users), { label: (field) => field });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      ctx.addIssue({ code: 'custom', path: ['memoryCheck', 'users'], input: given.memoryCheck.users, message: error.message.replace(/^users /, '') });
      return z.NEVER;
    }
  }
  if (given.expect.diff && !given.rerun) {
    ctx.addIssue({
      code: 'custom',
      path: ['expect', 'diff'],
      input: given.expect.diff,
      message: 'a diff is expected but nothing runs twice (add rerun: { faults: [...] })',
    });
    return z.NEVER;
  }
  return { version, ...rest, connectors: list, timeoutMs: timeout ?? DEFAULT_TIMEOUT_MS };
});

/** Every text of an external connector that may hold placeholders, with its path inside the connector. */
function placeholderTexts(spec: ExternalConnector): [(string | number)[], string][] {
  const command: [(string | number)[], string][] =
    typeof spec.command === 'string' ? [[['command'], spec.command]] : spec.command.map((arg, j) => [['command', j], arg]);
  const env: [(string | number)[], string][] = Object.entries(spec.env).map(([key, value]) => [['env', key], value]);
  return [...command, ...env, ...(spec.cwd !== undefined ? [[['cwd'], spec.cwd] as [(string | number)[], string]] : [])];
}

export type Scenario = z.output<typeof scenarioSchema>;
export type { ConnectorSpec, BuiltinConnector, ExternalConnector } from './connector-schema.js';
export type { ErrorMatcher, CountRange, Expectations } from './expect-schema.js';
