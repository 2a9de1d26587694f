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
import { UserError } from '../../harness/errors.js';

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
export const SERVING_FAULTS = ['tls-untrusted', 'connection-refused', 'dns-failure'] as const satisfies readonly FaultKind[];

export function isServingFault(spec: FaultSpec): boolean {
  return (SERVING_FAULTS as readonly string[]).includes(spec.kind);
}

export interface FaultSpec {
  kind: FaultKind;
  params: Record<string, string>;
  /** The text it was parsed from, for journals and messages. */
  text: string;
}

const TARGETING = new Set(['route', 'provider', 'every', 'after', 'count', 'probability', 'from']);

export function parseFaultSpec(text: string, where = '--fault'): FaultSpec {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const kind = (colon < 0 ? trimmed : trimmed.slice(0, colon)) as FaultKind;
  if (!FAULT_KINDS.includes(kind)) {
    throw new UserError(`${where} ${JSON.stringify(text)}: unknown fault "${kind}" (known: ${FAULT_KINDS.join(', ')})`);
  }
  const params: Record<string, string> = {};
  if (colon >= 0) {
    for (const pair of trimmed.slice(colon + 1).split(',')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UserError(`${where} ${JSON.stringify(text)}: "${pair}" is not key=value (e.g. throttle:every=3,retry-after=2)`);
      params[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  for (const key of ['every', 'after', 'count', 'from', 'bucket']) {
    if (params[key] !== undefined && !/^\d+$/.test(params[key]!)) {
      throw new UserError(`${where} ${JSON.stringify(text)}: ${key}=${params[key]} must be a whole number`);
    }
  }
  if (params.refill !== undefined && !(Number(params.refill) > 0)) {
    throw new UserError(`${where} ${JSON.stringify(text)}: refill=${params.refill} must be a positive number of units per second`);
  }
  if (params.probability !== undefined) {
    const p = Number(params.probability);
    if (!(p >= 0 && p <= 1)) throw new UserError(`${where} ${JSON.stringify(text)}: probability=${params.probability} must be between 0 and 1`);
  }
  if ((SERVING_FAULTS as readonly string[]).includes(kind) && Object.keys(params).length > 0) {
    throw new UserError(`${where} ${JSON.stringify(text)}: ${kind} takes no keys: it changes how the whole simulator is served (write just "${kind}")`);
  }
  return { kind, params, text: trimmed };
}

/** Kind-specific keys, apart from the targeting keys. */
export function ownParams(spec: FaultSpec): Record<string, string> {
  return Object.fromEntries(Object.entries(spec.params).filter(([k]) => !TARGETING.has(k)));
}
