/**
 * Fault specs, the same on the command line (`--fault throttle:every=3`) and in scenario files:
 * `<kind>[:<key>=<value>[,<key>=<value>...]]`. Targeting keys work for every kind:
 *   route=<glob>      simulated route names (`graph.users.*`, `*.members.list`); default every route
 *   provider=<name>   entra | google | aws | scim
 *   every=<n>         every n-th matching call (n, 2n, ...)
 *   after=<n>         only after the first n matching calls
 *   count=<n>         at most n times, then never again
 *   probability=<p>   seeded chance per matching call (0..1)
 *   from=<n>          from the n-th matching call on (state faults: expired-secret, revoked-credential)
 *   bucket=<units>    throttle only: a token bucket of this many resource units, `refill=<units/s>`
 *                     (default a tenth of the bucket); each call costs the provider's units for it
 * Kind-specific keys (retry-after, status, mode, missing, ms...) are documented with each kind.
 */
import { echo } from '../../lib/echo.js';
import { closest } from '../../lib/edit-distance.js';
import { UserError } from '../../lib/errors.js';
import { NEEDS, OWN_KEYS, TARGETING_KEYS } from './keys.js';

export const FAULT_KINDS = [
  'throttle',
  'expired-secret',
  'revoked-credential',
  'partial-consent',
  'not-admin',
  'bad-pagination',
  'server-error',
  'latency',
  'network-error',
  'malformed-body',
  'wrong-content-type',
  'reset',
  'hang',
  'tls-untrusted',
  'connection-refused',
  'dns-failure',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Faults of the serving, not of a route: they decide what address and certificate an external connector is
 * given (a TLS server from a CA it is not told about, a port nothing listens on, a host name that does not
 * resolve), so they take no targeting keys and only apply to connectors that run as their own process.
 */
const SERVING_FAULTS = ['tls-untrusted', 'connection-refused', 'dns-failure'] as const satisfies readonly FaultKind[];

export function isServingFault(spec: FaultSpec): boolean {
  return (SERVING_FAULTS as readonly string[]).includes(spec.kind);
}

export interface FaultSpec {
  kind: FaultKind;
  params: Record<string, string>;
  /** The text it was parsed from, for journals and messages. */
  text: string;
}

const TARGETING = new Set(Object.keys(TARGETING_KEYS));

/**
 * Parses and checks a spec; every problem is a one-line {@link UserError} that starts `<where> "<text>": `
 * (the scenario loader replaces that prefix with the file position). The text is echoed escaped and cut.
 */
export function parseFaultSpec(text: string, where = '--fault'): FaultSpec {
  const fail = (problem: string): never => {
    throw new UserError(`${where} ${specLabel(text)}: ${problem}`);
  };
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const kind = (colon < 0 ? trimmed : trimmed.slice(0, colon)) as FaultKind;
  if (!FAULT_KINDS.includes(kind)) fail(`unknown fault "${echo(kind)}" (${didYouMean(kind, FAULT_KINDS)}known: ${FAULT_KINDS.join(', ')})`);
  const serving = (SERVING_FAULTS as readonly string[]).includes(kind);
  const allowed: Record<string, (value: string) => string | undefined> = serving ? {} : { ...TARGETING_KEYS, ...OWN_KEYS[kind] };
  const known = Object.keys(allowed);
  const params: Record<string, string> = {};
  if (colon >= 0) {
    for (const pair of trimmed.slice(colon + 1).split(',')) {
      if (!pair.trim()) continue;
      const eq = pair.indexOf('=');
      if (eq <= 0) fail(`"${echo(pair)}" is not key=value (e.g. throttle:every=3,retry-after=2)`);
      const key = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (serving) fail(`${kind} takes no keys: it changes how the whole simulator is served (write just "${kind}")`);
      const check = Object.hasOwn(allowed, key) ? allowed[key] : undefined;
      if (!check) fail(`unknown key "${echo(key)}" for ${kind} (${didYouMean(key, known)}known: ${known.join(', ')})`);
      if (Object.hasOwn(params, key)) fail(`${key} is given twice`);
      const problem = check!(value);
      if (problem) fail(`${key}=${echo(value)} must ${problem}`);
      params[key] = value;
    }
  }
  for (const { key, needs, why } of NEEDS) if (params[key] !== undefined && params[needs] === undefined) fail(`${key} without ${needs}: ${why}`);
  if (params.ms !== undefined && (params.min ?? params.max ?? params.median) !== undefined)
    fail('ms is a fixed latency: give ms, or min/max, or median/sigma, not several');
  if (params.median !== undefined && (params.min ?? params.max) !== undefined)
    fail('median is a lognormal latency: give min/max or median/sigma, not both');
  if (params.min !== undefined && params.max !== undefined && Number(params.max) < Number(params.min))
    fail(`max=${params.max} is below min=${params.min}`);
  return { kind, params, text: trimmed };
}

/** The spec as its errors quote it: escaped and cut, so a pasted log line cannot break the error line. */
export function specLabel(text: string): string {
  return `"${echo(text)}"`;
}

function didYouMean(word: string, known: readonly string[]): string {
  const near = closest(word, known);
  return near ? `did you mean "${near}"? ` : '';
}

/** Kind-specific keys, apart from the targeting keys. */
export function ownParams(spec: FaultSpec): Record<string, string> {
  return Object.fromEntries(Object.entries(spec.params).filter(([k]) => !TARGETING.has(k)));
}
