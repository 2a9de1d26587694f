/**
 * Who may read what: consent never given, one permission short, write-back refused, and credentials that
 * expired or never worked. Journal statuses decide; error texts (AADSTS codes, OAuth errors, AWS codes)
 * name the cause when the connector passed them on.
 */
import type { JournalEntry } from '../../mocks/core/journal.js';
import type { DoctorContext, Detector } from './context.js';
import type { Finding } from '../../reports/evidence.js';
import { callKind, firstFew, isCredentialFailure, isDenied, ok, quote, requestLine, tokenRefusalStatus } from './journal-facts.js';
import { journalDialect } from './journal-dialect.js';
import { entryPermission, leastPrivilege, readPermissions } from './least-privilege.js';
import { descriptorOf } from '../../mocks/providers.js';
import { credentialNoun, fixSecretSteps, grantSteps, renewSecretSteps } from './provider-terms.js';

export const deniedReads = (c: DoctorContext) => c.ev.journal.filter((e) => callKind(e) === 'read' && isDenied(e, c.grant));
const okReads = (c: DoctorContext) => c.ev.journal.filter((e) => callKind(e) === 'read' && ok(e));
const delegation = (c: DoctorContext) => journalDialect(c.ev.provider).delegation;
/**
 * A token endpoint turning the grant away, not the key: a refusal other than the status its descriptor says a
 * key is refused with (Google 401 unauthorized_client: no delegation for the client or scope; Okta 400
 * consent_required: none of the scopes asked for is granted to the service app).
 */
const refusedAtSignIn = (c: DoctorContext) => c.ev.journal.filter(grantRefusedAtSignIn);

function grantRefusedAtSignIn(e: JournalEntry): boolean {
  const keyRefused = e.route === undefined ? undefined : tokenRefusalStatus(e.route);
  return keyRefused !== undefined && e.status >= 400 && e.status < 500 && e.status !== 429 && e.status !== keyRefused;
}

/**
 * Nothing was consented: refusals with an empty grant, or every read refused. A grant that holds only
 * sign-in (Entra User.Read) is not this: the app connected and was consented, just not to read anything,
 * which is `no-identities`.
 */
export function consentMissing(c: DoctorContext): boolean {
  // Delegation (Google): one token per kind of data, so a refusal next to issued tokens, or next to a
  // delegation that holds some read scopes, is one scope short, not no consent.
  if (refusedAtSignIn(c).length > 0 && !tokenIssued(c) && !grantsAnyRead(c)) return true;
  if (deniedReads(c).length === 0 || signInOnly(c)) return false;
  return c.ev.granted.length === 0 || (okReads(c).length === 0 && !grantsAnyRead(c));
}

/** Something is granted, but nothing of it opens a directory read. */
export function signInOnly(c: DoctorContext): boolean {
  return c.ev.granted.length > 0 && !grantsAnyRead(c);
}

const tokenIssued = (c: DoctorContext) => c.ev.journal.some((e) => e.route !== undefined && tokenRefusalStatus(e.route) !== undefined && ok(e));

function grantsAnyRead(c: DoctorContext): boolean {
  const reads = readPermissions(c.ev.provider);
  return reads === undefined ? c.ev.granted.length > 0 : reads.some((p) => c.grant.allows(p));
}

/** Delegated scopes refused at the token endpoint while others were issued: each kind of data the grant cannot read. */
function scopeGaps(c: DoctorContext): string[] {
  const d = delegation(c);
  if (!d || refusedAtSignIn(c).length === 0 || !(tokenIssued(c) || grantsAnyRead(c))) return [];
  return d.unreadable(c.ev.granted);
}

function matching(c: DoctorContext, pattern: RegExp): string[] {
  return c.texts.filter((t) => pattern.test(t)).map((t) => quote(t));
}

/** Least-privilege permissions for the routes of these entries, sorted. */
function permissionsFor(c: DoctorContext, entries: readonly JournalEntry[]): string[] {
  return [...new Set(entries.map((e) => entryPermission(e, c.ev.provider)).filter((p): p is string => p !== undefined))].sort();
}

/** One refused route per line with the permission it needs: `#4 GET /v1.0/groups -> 403: needs Group.Read.All`. */
function refusedLines(c: DoctorContext, entries: readonly JournalEntry[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const e of entries) {
    if (seen.has(e.route!)) continue;
    seen.add(e.route!);
    const permission = entryPermission(e, c.ev.provider);
    lines.push(`${requestLine(e)}${permission ? `: ${e.route} needs ${permission}` : ''}`);
  }
  return firstFew(lines);
}

/** The least-privileged permissions of the provider's user and group listings. */
function listingPermissions(provider: DoctorContext['ev']['provider']): string[] {
  const listings = Object.values(descriptorOf(provider)?.routes.listings ?? {});
  return [...new Set(listings.map((l) => leastPrivilege(provider, l.route)).filter((p): p is string => p !== undefined))].sort();
}

const consentMissingDetector: Detector = (c) => {
  if (!consentMissing(c)) return undefined;
  const refused = deniedReads(c);
  const signInRefusals = refusedAtSignIn(c);
  let needed = permissionsFor(c, refused.length ? refused : c.ev.journal.filter((e) => callKind(e) === 'read'));
  // Refused at sign-in, nothing was read: name what reading users and groups takes.
  if (needed.length === 0 && signInRefusals.length) needed = listingPermissions(c.ev.provider);
  const granted = c.ev.granted.length ? `granted: ${c.ev.granted.join(', ')}` : 'granted: nothing';
  return {
    id: 'consent-missing',
    title: signInRefusals.length
      ? delegation(c)
        ? 'Consent missing: domain-wide delegation refused the token request'
        : 'Consent missing: the token endpoint granted none of the scopes asked for'
      : 'Consent missing: every directory read was refused',
    evidence: [
      granted,
      ...firstFew([...signInRefusals, ...refused].map(requestLine), 4),
      ...matching(
        c,
        /unauthorized_client|consent_required|Authorization_RequestDenied|AccessDenied|Insufficient privileges|insufficientPermissions/i,
      ).slice(0, 2),
    ],
    fix: grantSteps(c.ev.provider, needed),
  };
};

const permissionMissingDetector: Detector = (c) => {
  if (consentMissing(c) || signInOnly(c)) return undefined;
  const refused = deniedReads(c);
  const gaps = scopeGaps(c);
  if (refused.length === 0 && gaps.length === 0) return undefined;
  const needed = [...new Set([...permissionsFor(c, refused), ...gaps])].sort();
  const routes = new Set(refused.map((e) => e.route)).size;
  const what = routes > 0 ? `${routes} read route(s) refused` : 'token requests for some scopes refused';
  return {
    id: 'permission-missing',
    title: `Permission missing: ${what} while others worked${needed.length ? ` (needs ${needed.join(', ')})` : ''}`,
    evidence: [
      ...refusedLines(c, refused),
      ...firstFew(refusedAtSignIn(c).map(requestLine), 2),
      ...(gaps.length ? [`granted: ${c.ev.granted.join(', ')}`] : []),
    ],
    fix: grantSteps(c.ev.provider, needed),
  };
};

const writeBackDetector: Detector = (c) => {
  const writes = c.ev.journal.filter((e) => callKind(e) === 'write' && isDenied(e, c.grant));
  const failedActions = c.ev.actions.filter(
    (a) => !a.ok && /\b403\b|Forbidden|AccessDenied|Authorization_RequestDenied|Insufficient privileges|Not Authorized/i.test(a.error ?? ''),
  );
  if ((writes.length === 0 && failedActions.length === 0) || okReads(c).length === 0) return undefined;
  const needed = permissionsFor(c, writes);
  const actionLines = failedActions.map((a) => quote(`${a.op} ${a.entitlement} -> ${a.principal}: ${a.error}`));
  const fix = [...grantSteps(c.ev.provider, needed)];
  if (!c.ev.writeBack)
    fix.unshift('This run had write-back off, so the simulator refuses every write: turn writeBack on in the scenario to exercise grant/revoke.');
  return {
    id: 'write-back-not-consented',
    title: `Write-back not consented: ${Math.max(writes.length, failedActions.length)} grant/revoke call(s) refused while reads worked`,
    evidence: firstFew([...refusedLines(c, writes), ...actionLines]),
    fix,
  };
};

const EXPIRED_TEXT =
  /AADSTS7000222|keys for app .* are expired|ExpiredToken|access token expired|access token has been revoked|Invalid JWT Signature/i;
const INVALID_TEXT =
  /AADSTS7000215|Invalid client secret|InvalidClientTokenId|SignatureDoesNotMatch|UnrecognizedClient|InvalidSignatureException|Invalid JWT Signature|access token is invalid/i;

/** The first credential failure, and whether anything of the provider had worked before it. */
function credentialStory(c: DoctorContext): { first: JournalEntry; failures: JournalEntry[]; workedBefore: boolean } | undefined {
  const failures = c.ev.journal.filter((e) => isCredentialFailure(e, c.grant));
  const first = failures[0];
  if (!first) return undefined;
  return {
    first,
    failures,
    workedBefore: c.ev.journal.some((e) => e.seq < first.seq && e.provider === first.provider && ok(e) && callKind(e) !== 'unmatched'),
  };
}

/** Expired when it worked before (or the text says so: AADSTS7000222 is unambiguous); else invalid. */
function expired(c: DoctorContext, story: { workedBefore: boolean }): boolean {
  if (c.texts.some((t) => /AADSTS7000222|ExpiredToken/i.test(t))) return true;
  if (c.texts.some((t) => /AADSTS7000215/.test(t))) return false;
  return story.workedBefore;
}

function credentialEvidence(c: DoctorContext, story: { first: JournalEntry; failures: JournalEntry[] }, pattern: RegExp): string[] {
  const before = c.ev.journal.filter((e) => e.seq < story.first.seq && ok(e)).at(-1);
  return [
    ...(before ? [`last success before it: ${requestLine(before)}`] : []),
    ...firstFew(story.failures.map(requestLine), 3),
    ...matching(c, pattern).slice(0, 2),
  ];
}

const expiredSecretDetector: Detector = (c): Finding | undefined => {
  const story = credentialStory(c);
  if (!story || !expired(c, story)) return undefined;
  return {
    id: 'expired-secret',
    title: `Expired credential: ${c.ev.provider} stopped accepting the ${credentialNoun(c.ev.provider)} after ${story.workedBefore ? 'earlier successes' : 'it expired'}`,
    evidence: credentialEvidence(c, story, EXPIRED_TEXT),
    fix: renewSecretSteps(c.ev.provider),
  };
};

const invalidSecretDetector: Detector = (c): Finding | undefined => {
  const story = credentialStory(c);
  if (!story || expired(c, story)) return undefined;
  return {
    id: 'invalid-secret',
    title: `Invalid credential: ${c.ev.provider} refused the ${credentialNoun(c.ev.provider)} from the first request`,
    evidence: credentialEvidence(c, story, INVALID_TEXT),
    fix: fixSecretSteps(c.ev.provider),
  };
};

export const authDetectors: Detector[] = [
  consentMissingDetector,
  permissionMissingDetector,
  writeBackDetector,
  expiredSecretDetector,
  invalidSecretDetector,
];
