/**
 * Every key a fault spec may carry, per kind, and what its value may be: a key no kind reads (`zzz=1`) or a
 * value no fault can act on (`every=0` never fires, `bucket=0` divides by zero) is refused when the spec is
 * parsed, with the known keys listed, instead of a fault that silently does nothing. docs/faults.md is the
 * same table for people; keys.test.ts checks the value lists against the providers that read them.
 */
import { PROVIDER_NAMES, PROVIDERS } from '../providers.js';
import type { FaultKind } from './spec.js';

/** A value's problem in words (completing "<key>=<value> must ..."), or undefined when it is fine. */
type Check = (value: string) => string | undefined;

const whole =
  (min: number): Check =>
  (v) =>
    /^\d{1,15}$/.test(v) && Number(v) >= min ? undefined : min > 0 ? `be a whole number of at least ${min}` : 'be a whole number';
const number =
  (min: number, max = Infinity, what = 'a number'): Check =>
  (v) => {
    const n = Number(v);
    return /^\d+(\.\d+)?$/.test(v) && n >= min && n <= max
      ? undefined
      : `be ${what}${max < Infinity ? ` between ${min} and ${max}` : min > 0 ? ' above 0' : ' of 0 or more'}`;
  };
const positive: Check = (v) => (/^\d+(\.\d+)?$/.test(v) && Number(v) > 0 ? undefined : 'be a positive number of units per second');
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    values.includes(v) ? undefined : `be one of ${values.join(', ')}`;
const text: Check = (v) => (v.trim() === '' ? 'not be empty' : undefined);
const status =
  (min: number, max: number): Check =>
  (v) =>
    /^\d{3}$/.test(v) && Number(v) >= min && Number(v) <= max ? undefined : `be an HTTP status from ${min} to ${max}`;

/** Every provider's `bad-pagination` modes (core/paging/pager.ts, scim/listing/bad-pagination.ts). */
export const PAGINATION_MODES = [
  'repeat-token',
  'cycle',
  'empty-page-with-token',
  'duplicate-across-pages',
  'drop-items',
  'stale-token',
  'unstable-order',
  'total-mismatch',
] as const;
/** Every registered provider's values for one fault key (their descriptors' `faultValues`), in registry order. */
export function providerValues(kindKey: string): string[] {
  return [...new Set(PROVIDERS.flatMap((p) => p.faultValues?.[kindKey] ?? []))];
}

/** The targeting keys, which every kind but the serving faults takes. */
export const TARGETING_KEYS: Record<string, Check> = {
  route: text,
  provider: oneOf(PROVIDER_NAMES),
  every: whole(1),
  after: whole(0),
  count: whole(1),
  probability: number(0, 1),
  from: whole(1),
};

export const OWN_KEYS: Record<FaultKind, Record<string, Check>> = {
  throttle: {
    bucket: whole(1),
    refill: positive,
    'retry-after': (v) => (v === 'none' ? undefined : number(0, Infinity, 'a number of seconds, or none')(v)),
    reason: oneOf(providerValues('throttle.reason')),
    status: oneOf(['400', '429']),
  },
  'expired-secret': {},
  'revoked-credential': { reason: oneOf(providerValues('revoked-credential.reason')) },
  'partial-consent': { missing: text },
  'not-admin': {},
  'bad-pagination': {
    mode: oneOf(PAGINATION_MODES),
    delta: (v) => (/^[+-]?\d{1,9}$/.test(v) ? undefined : 'be a whole number (negative to under-report)'),
  },
  'server-error': { status: status(500, 599) },
  latency: { ms: number(0), min: number(0), max: number(0), median: number(0), sigma: number(0) },
  'network-error': {},
  'malformed-body': {},
  'wrong-content-type': {},
  reset: {},
  hang: {},
  'tls-untrusted': {},
  'connection-refused': {},
  'dns-failure': {},
};

/** Keys that only mean something together with another. */
export const NEEDS: Array<{ key: string; needs: string; why: string }> = [
  { key: 'refill', needs: 'bucket', why: 'refill is the rate a token bucket fills at (add bucket=<units>)' },
  { key: 'sigma', needs: 'median', why: 'sigma shapes the lognormal latency around median=<ms>' },
];
