/**
 * How the doctor reads a journal entry: as a printable request line, and as an auth, read or write call.
 * Providers disagree on what a refusal looks like (Graph 403, Identity Store 400 AccessDeniedException, IAM
 * 403 for both a refused action and a bad key): each provider's journal dialect (./journal-dialect.ts)
 * says, and classification lives here, once.
 */
import type { Grant } from '../../mocks/core/journal-dialect.js';
import type { JournalEntry } from '../../mocks/core/journal.js';
import { PROVIDERS } from '../../mocks/providers.js';
import { journalDialect } from './journal-dialect.js';
import type { RunEvidence } from '../../reports/evidence.js';

/** `#12 GET /v1.0/users?$top=999 -> 429 (throttle:every=3)`: the form every finding quotes. */
export function requestLine(e: JournalEntry): string {
  // A provider naming the operation in the body (AWS) has URLs (`/`) that say nothing: the route name does.
  const target = e.route && journalDialect(e.provider).operationInBody ? `${e.url} ${e.route}` : e.url;
  const notes = [e.fault, e.nearestRoute && `nearest: ${e.nearestRoute}`].filter(Boolean);
  return `#${e.seq} ${e.method} ${target} -> ${e.status}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

export type CallKind = 'auth' | 'read' | 'write' | 'unmatched';

export function callKind(e: JournalEntry): CallKind {
  const route = e.route;
  if (!route) return 'unmatched';
  if (PROVIDERS.some((p) => p.routes.auth?.test(route))) return 'auth';
  return journalDialect(e.provider).reads(route, e.method) ? 'read' : 'write';
}

export const ok = (e: JournalEntry): boolean => e.status >= 200 && e.status < 300;

export function isThrottle(e: JournalEntry): boolean {
  return e.status === 429 || /(^|; )throttle/.test(e.fault ?? '');
}

const CREDENTIAL_FAULT = /(^|; )(expired-secret|revoked-credential)/;

function credentialFault(e: JournalEntry): boolean {
  return CREDENTIAL_FAULT.test(e.fault ?? '');
}

/** What the evidence's grant allows, read as its provider reads it (IAM: action patterns). */
export function grantOf(ev: RunEvidence): Grant {
  return journalDialect(ev.provider).grant(ev.granted);
}

/**
 * A read or write the provider refused for want of a permission. AWS answers a bad key with the same 403
 * as a refused action, so there the grant decides: refused only if it does not allow the action.
 */
export function isDenied(e: JournalEntry, grant: Grant): boolean {
  const kind = callKind(e);
  if ((kind !== 'read' && kind !== 'write') || isThrottle(e) || credentialFault(e)) return false;
  if (/(^|; )(partial-consent|not-admin)/.test(e.fault ?? '') && e.status >= 400) return true;
  return journalDialect(e.provider).refusal(e.route!, e.status, grant) === 'permission';
}

/**
 * A call the provider turned away for its credentials: the token endpoint refusing the secret or key, an
 * API refusing the token, or an AWS key or session IAM does not accept (403 on an action the policy allows).
 */
export function isCredentialFailure(e: JournalEntry, grant: Grant): boolean {
  if (isThrottle(e) || !e.route) return false;
  if (credentialFault(e) && e.status >= 400) return true;
  // A permission taken away (by a fault) is a refusal even where the policy on record allows the action.
  if (/(^|; )(partial-consent|not-admin)/.test(e.fault ?? '')) return false;
  const keyRefused = tokenRefusalStatus(e.route);
  if (keyRefused !== undefined) return e.status === keyRefused;
  return journalDialect(e.provider).refusal(e.route, e.status, grant) === 'credential';
}

/** The status a token endpoint refuses a secret or key with, as its provider's descriptor says. */
export function tokenRefusalStatus(route: string): number | undefined {
  for (const p of PROVIDERS) if (p.routes.keyRefused?.[route] !== undefined) return p.routes.keyRefused[route];
  return undefined;
}

/** Query parameters that carry a page token, or a SCIM `startIndex` past the first item. */
export function carriesPageToken(url: string): boolean {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  return query.split('&').some((pair) => {
    const [name = '', value = ''] = pair.split('=');
    if (/^startIndex$/i.test(name)) return Number(value) > 1;
    return /^(\$skiptoken|pageToken|Marker|NextToken|cursor)$/i.test(name) && value !== '';
  });
}

/** Every error text of the run: the run error, error and message fields of the log, failed actions. */
export function errorTexts(ev: RunEvidence): string[] {
  const texts: string[] = [];
  if (ev.error) texts.push(ev.error);
  for (const line of ev.log) {
    if (line.level !== 'warn' && line.level !== 'error') continue;
    texts.push(typeof line.error === 'string' ? `${line.msg}: ${line.error}` : line.msg);
  }
  for (const a of ev.actions) if (a.error) texts.push(`${a.op} ${a.entitlement} ${a.principal}: ${a.error}`);
  return texts;
}

/** A text quoted as evidence, cut to a readable length. */
export function quote(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** At most `n` items, and a count of the rest. */
export function firstFew(lines: string[], n = 5): string[] {
  return lines.length > n ? [...lines.slice(0, n), `... and ${lines.length - n} more`] : lines;
}
