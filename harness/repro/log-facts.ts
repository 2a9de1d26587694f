/**
 * The numbers and names a scenario needs that the log doctor's findings do not carry: how many objects
 * each listing reported, whether the sync ended, what Retry-After the provider asked, which call was
 * refused and what it named. Every fact keeps its line number, so the scenario can cite it.
 */
import type { ParsedLine } from '../doctor/log/parse.js';
import { CYCLE_TEXT, UNCHANGED_TOKEN_TEXT } from '../doctor/pagination-findings.js';

export interface Cited<T> {
  value: T;
  line: number;
}

interface Throttling {
  /** Throttled answers seen (429 lines, provider throttle codes), not counting retry lines. */
  answers: number;
  /** `retrying operation` lines. */
  retries: number;
  lines: number[];
  /** A listing finished or the sync completed after the last throttled line. */
  recovered: boolean;
  /** Seconds: an explicit Retry-After, else the wait of the first retry. */
  retryAfter?: Cited<number> & { how: 'retry-after' | 'wait' };
}

interface Refusal {
  line: number;
  method?: string;
  url?: string;
  /** A permission, scope or action the refusal names (`Group.Read.All`, `iam:ListGroups`...). */
  permission?: string;
}

interface Listing {
  /** The resource type whose listing broke (`user`, `group`...). */
  type: string;
  /** Whether the resources themselves, or one resource's entitlements or grants, were being listed. */
  what: 'resources' | 'entitlements' | 'grants';
  line: number;
}

export interface LogFacts {
  /** Per resource type, the largest count a `Synced resources` line reported. */
  counts: Record<string, Cited<number>>;
  outcome?: Cited<'succeeded' | 'failed'>;
  /** The first error line: where the sync broke. */
  failure?: ParsedLine;
  /** Some listing wrote something before the first error. */
  workedBefore: boolean;
  throttling?: Throttling;
  refusal?: Refusal;
  /** The listing a page-token error names. */
  listing?: Listing;
  /** The first `AADSTS<n>` code. */
  aadsts?: Cited<string>;
}

const ERROR_LEVELS = new Set(['error', 'fatal', 'panic', 'dpanic']);
const FAILED = /^sync failed$|failed to validate connector|^failed to (run|sync)\b/i;
const SUCCEEDED = /^Sync complete\.?$|finishing task successfully/;
const PROGRESS = /^Synced (resources|entitlements|grants)$/;
const THROTTLE = /\b429\b|Too Many Requests|TooManyRequests|ThrottlingException|\bThrottling\b|rateLimitExceeded|quotaExceeded|Rate exceeded/i;
const RETRY = 'retrying operation';
const DENIED =
  /Authorization_RequestDenied|Insufficient privileges to complete the operation|AccessDenied|not authorized to perform|insufficientPermissions|Not Authorized to access this resource|code = PermissionDenied|\b403 Forbidden\b|unauthorized_client/i;
const URL_TEXT = /\b(?:(GET|POST|PUT|PATCH|DELETE)\s+"?)?(https?:\/\/[^\s"'\\]+)/;
/** Graph application permissions, Google scopes and AWS actions, as logs and error bodies name them. */
const PERMISSION =
  /\b((?:User|Group|GroupMember|Directory|RoleManagement|Application)\.[A-Za-z]+\.(?:All|Directory)|admin\.directory\.[a-z.]+[a-z]|(?:iam|identitystore|sts):[A-Za-z*]+)\b/;
/** The AWS SDK for Go's `operation error IAM: ListGroups`: the action, when the denial text does not repeat it. */
const AWS_OPERATION = /operation error (IAM|identitystore|STS): (\w+)/i;

function namedPermission(text: string): string | undefined {
  const named = PERMISSION.exec(text)?.[1];
  if (named) return named;
  const op = AWS_OPERATION.exec(text);
  return op ? `${op[1]!.toLowerCase()}:${op[2]}` : undefined;
}

const isError = (l: ParsedLine) => (l.level !== undefined && ERROR_LEVELS.has(l.level)) || (l.format === 'text' && /^Error:/.test(l.msg));
const count = (l: ParsedLine) => Number(l.fields.count ?? l.fields.synced ?? 0);

export function logFacts(lines: readonly ParsedLine[]): LogFacts {
  const failure = lines.find(isError);
  const aadsts = lines.map((l) => ({ match: /AADSTS(\d+)/.exec(l.text), line: l.n })).find((m) => m.match);
  return {
    counts: counts(lines),
    ...outcomeOf(lines),
    ...(failure ? { failure } : {}),
    workedBefore: lines.some((l) => (!failure || l.n < failure.n) && PROGRESS.test(l.msg) && count(l) > 0),
    ...optional('throttling', throttling(lines)),
    ...optional('refusal', refusal(lines)),
    ...optional('listing', listing(lines)),
    ...(aadsts ? { aadsts: { value: aadsts.match![1]!, line: aadsts.line } } : {}),
  };
}

function optional<K extends string, T>(key: K, value: T | undefined): Partial<Record<K, T>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, T>);
}

function counts(lines: readonly ParsedLine[]): Record<string, Cited<number>> {
  const out: Record<string, Cited<number>> = {};
  for (const l of lines) {
    if (l.msg !== 'Synced resources') continue;
    const type = l.fields.resource_type_id ?? l.fields.resource_type;
    const n = count(l);
    if (typeof type !== 'string' || !Number.isFinite(n)) continue;
    if (!out[type] || n > out[type].value) out[type] = { value: n, line: l.n };
  }
  return out;
}

/** The last line that says how the sync ended. */
function outcomeOf(lines: readonly ParsedLine[]): { outcome?: Cited<'succeeded' | 'failed'> } {
  let outcome: Cited<'succeeded' | 'failed'> | undefined;
  for (const l of lines) {
    if (SUCCEEDED.test(l.msg)) outcome = { value: 'succeeded', line: l.n };
    else if ((isError(l) && FAILED.test(l.msg)) || (l.format === 'text' && /^Error:/.test(l.msg))) outcome = { value: 'failed', line: l.n };
  }
  return outcome ? { outcome } : {};
}

function throttling(lines: readonly ParsedLine[]): Throttling | undefined {
  const retries = lines.filter((l) => l.msg === RETRY);
  const answers = lines.filter((l) => l.msg !== RETRY && THROTTLE.test(l.text));
  if (answers.length === 0 && !retries.some((l) => THROTTLE.test(l.text))) return undefined;
  const all = [...answers, ...retries].sort((a, b) => a.n - b.n);
  const last = all.at(-1)!.n;
  const retryAfter = explicitRetryAfter(lines) ?? waitOfFirstRetry(retries);
  return {
    answers: answers.length,
    retries: retries.length,
    lines: all.map((l) => l.n),
    recovered: lines.some((l) => l.n > last && (/^Synced /.test(l.msg) || SUCCEEDED.test(l.msg))),
    ...(retryAfter ? { retryAfter } : {}),
  };
}

function explicitRetryAfter(lines: readonly ParsedLine[]): Throttling['retryAfter'] {
  for (const l of lines) {
    const match = /retry[-_ ]?after\W{0,4}(\d+(?:\.\d+)?)/i.exec(l.text);
    if (match) return { value: Number(match[1]), line: l.n, how: 'retry-after' };
  }
  return undefined;
}

function waitOfFirstRetry(retries: readonly ParsedLine[]): Throttling['retryAfter'] {
  for (const l of retries) {
    const wait = l.fields.wait ?? l.fields.wait_duration ?? l.fields.delay;
    const seconds = typeof wait === 'number' ? wait / 1000 : typeof wait === 'string' ? goDurationSeconds(wait) : undefined;
    if (seconds !== undefined && seconds > 0) return { value: seconds, line: l.n, how: 'wait' };
  }
  return undefined;
}

/** Go's `time.Duration` text (`1s`, `1.5s`, `500ms`, `2m0s`, `1h2m3s`) in seconds; undefined if it is not one. */
export function goDurationSeconds(text: string): number | undefined {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6, µs: 1e-6, ns: 1e-9 };
  const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text.trim()) return undefined;
  const seconds = parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]!]!, 0);
  return Math.round(seconds * 1000) / 1000;
}

/** The first refused read, preferring a line that names the URL or the permission. */
function refusal(lines: readonly ParsedLine[]): Refusal | undefined {
  const denied = lines.filter((l) => DENIED.test(l.text));
  if (denied.length === 0) return undefined;
  const withUrl = denied.find((l) => URL_TEXT.test(l.text));
  const named = denied.find((l) => namedPermission(l.text) !== undefined);
  const first = withUrl ?? named ?? denied[0]!;
  const url = withUrl ? URL_TEXT.exec(withUrl.text) : undefined;
  const permission = named ? namedPermission(named.text) : undefined;
  return {
    line: first.n,
    ...(url?.[1] ? { method: url[1] } : {}),
    ...(url ? { url: url[2]!.replace(/[:,.;)\]]+$/, '') } : {}),
    ...(permission ? { permission } : {}),
  };
}

/** `type=group` in the SDK's current text, `listing grants for resource group/<id>` in the legacy one. */
function listing(lines: readonly ParsedLine[]): Listing | undefined {
  for (const l of lines) {
    if (!UNCHANGED_TOKEN_TEXT.test(l.text) && !CYCLE_TEXT.test(l.text)) continue;
    const legacy = /listing (resources|entitlements|grants) for resource ([a-z_]+)\//i.exec(l.text);
    if (legacy) return { type: legacy[2]!, what: legacy[1]!.toLowerCase() as Listing['what'], line: l.n };
    const what = /listing (entitlements|grants)/i.exec(l.text)?.[1]?.toLowerCase() as Listing['what'] | undefined;
    const type = /\btype=([a-z_]+)/.exec(l.text);
    if (type) return { type: type[1]!, what: what ?? 'resources', line: l.n };
  }
  return undefined;
}
