/**
 * What the sync file says about people: none at all, a kind of user filtered away, the same person
 * twice, resources without their provider id, grants pointing at principals the file does not hold.
 */
import type { TenantUser } from '../../mocks/tenant/model.js';
import { SyncStateCheck } from './sync-state.js';
import { consentMissing, deniedReads, signInOnly } from './auth.js';
import { isUserType, type Detector } from './context.js';
import type { SyncedResource } from '../../reports/evidence.js';
import { callKind, firstFew, ok, requestLine } from './journal-facts.js';
import { isTransportFailure } from './transport.js';

const emptySyncDetector: Detector = (c) => {
  if (c.ev.outcome !== 'succeeded' || !c.ev.sync || c.ev.sync.resources.length > 0) return undefined;
  const lists = c.ev.journal.filter((e) => callKind(e) === 'read' && ok(e));
  return {
    id: 'empty-sync',
    title: 'Empty sync: the sync succeeded but wrote no resources',
    evidence: [
      `resource types: ${c.ev.sync.resourceTypes.join(', ') || 'none'}`,
      `${lists.length} successful read(s)`,
      ...firstFew(lists.map(requestLine), 3),
    ],
    fix: [
      'Check the connector lists each resource type it declares and returns what the pages hold (a parsing error can yield empty pages).',
      'Check the granted permissions open the data: with only a sign-in permission every list comes back empty or refused.',
    ],
  };
};

const noIdentitiesDetector: Detector = (c) => {
  const sync = c.ev.sync;
  const tenantUsers = c.ev.tenant.counts().users;
  if (!sync || tenantUsers === 0 || sync.resources.some((r) => isUserType(r.type))) return undefined;
  // A sync cut short by the network says nothing about what the app may read.
  if (c.ev.outcome === 'failed' && isTransportFailure(c.ev.error)) return undefined;
  // Nothing consented, or one read permission short: those findings name the cause. This one is for an app
  // that connected with nothing to read (sign-in only), or a connector that never listed users.
  if (consentMissing(c) || (deniedReads(c).length > 0 && !signInOnly(c))) return undefined;
  // Connected: a token was issued or some call answered; a run that never got in is a credential finding.
  // A refusal of a sign-in-only grant also proves the credentials work: authorization, not authentication.
  if (c.ev.outcome !== 'succeeded' && !c.ev.journal.some(ok) && !signInOnly(c)) return undefined;
  const userReads = c.ev.journal.filter((e) => /users?\b|Users/.test(e.route ?? '') && callKind(e) === 'read');
  return {
    id: 'no-identities',
    title: `No identities: the sync wrote no user resources though the tenant has ${tenantUsers} users`,
    evidence: [
      `granted: ${c.ev.granted.join(', ') || 'nothing'}`,
      `resources written: ${sync.resources.length} (${[...new Set(sync.resources.map((r) => r.type))].join(', ') || 'none'})`,
      ...(userReads.length ? firstFew(userReads.map(requestLine), 3) : ['no user listing was requested']),
    ],
    fix: [
      'Grant the read permission for users, not only sign-in (Entra: User.Read.All application permission, not User.Read; Google: admin.directory.user.readonly; AWS: iam:ListUsers / identitystore:ListUsers).',
      'Check the connector declares a user resource type and lists it.',
    ],
  };
};

/** The kind the missing users share (`guest`, `external`, `service`, `disabled`), if they all do. */
function sharedKind(users: TenantUser[]): string | undefined {
  const kinds = new Set(users.map((u) => u.kind));
  if (kinds.size === 1 && !kinds.has('member')) return [...kinds][0];
  if (users.every((u) => !u.enabled)) return 'disabled';
  return undefined;
}

const FILTER_PARAM = /[?&](\$filter|filter|query|Filters)=/i;

const identitiesFilteredDetector: Detector = (c) => {
  const missing = c.missingResources.filter((k) => isUserType(k.type));
  if (missing.length === 0) return undefined;
  const users = missing.map((k) => c.userOf(k.id));
  if (users.some((u) => !u)) return undefined;
  const kind = sharedKind(users as TenantUser[]);
  const filtering = c.ev.journal.filter((e) => FILTER_PARAM.test(e.url));
  if (!kind || filtering.length === 0) return undefined;
  return {
    id: 'identities-filtered',
    title: `Identities filtered: ${missing.length} ${kind} user(s) missing, and the connector filters its listings`,
    evidence: [
      ...firstFew(filtering.map(requestLine), 3),
      ...firstFew(
        missing.map((k, i) => `missing ${k.type}:${k.id} (${users[i]!.userPrincipalName}, ${kind})`),
        3,
      ),
    ],
    fix: [
      `The listing's filter drops ${kind} users: remove it (or make it opt-in) so the sync holds every identity access reviews need.`,
      kind === 'guest' || kind === 'external'
        ? "Entra: a $filter on userType eq 'Member' drops guests; Google: query= on a domain drops other domains."
        : 'Disabled accounts still hold access: sync them and mark them disabled in the user trait instead.',
    ],
  };
};

function duplicatesBy(users: SyncedResource[], field: 'login' | 'email'): string[] {
  const ids = new Map<string, Set<string>>();
  for (const r of users) {
    const value = r[field]?.toLowerCase();
    if (!value) continue;
    ids.set(value, (ids.get(value) ?? new Set()).add(`${r.type}:${r.id}`));
  }
  return [...ids].filter(([, set]) => set.size > 1).map(([value, set]) => `${field} ${value}: ${[...set].join(', ')}`);
}

const duplicateIdentitiesDetector: Detector = (c) => {
  const users = c.ev.sync?.resources.filter((r) => isUserType(r.type)) ?? [];
  const lines = [...duplicatesBy(users, 'login'), ...duplicatesBy(users, 'email')];
  // An extra id that is a person the file also holds under their proper id.
  const present = new Set(users.map((r) => c.userOf(r.id)?.seq).filter((s) => s !== undefined));
  const extraIds = new Set(c.extraResources.map((k) => `${k.type}:${k.id}`));
  for (const extra of c.extraResources.filter((k) => isUserType(k.type))) {
    const person = c.userOf(extra.id);
    const twin =
      person &&
      users.find(
        (r) => `${r.type}:${r.id}` !== `${extra.type}:${extra.id}` && !extraIds.has(`${r.type}:${r.id}`) && c.userOf(r.id)?.seq === person.seq,
      );
    if (person && present.has(person.seq) && twin)
      lines.push(`extra ${extra.type}:${extra.id} is ${person.userPrincipalName}, also synced as ${twin.type}:${twin.id}`);
  }
  if (lines.length === 0) return undefined;
  return {
    id: 'duplicate-identities',
    title: `Duplicate identities: ${lines.length} identity(ies) appear under more than one id`,
    evidence: firstFew(lines, 4),
    fix: [
      "Key user resources by the provider's immutable id (Entra object id, Google user id, IAM UserId/ARN, SCIM id), never by login or email, and use the same id everywhere (grants included).",
      'If pages overlap (a shifting order or repeated items), de-duplicate by id while listing.',
    ],
  };
};

/** `missing-raw-id` and `resource-type-mismatch`: the sync file on its own (sync-state.ts, shared with the file doctor). */
const syncStateDetector: Detector = (c) => {
  const sync = c.ev.sync;
  if (!sync) return undefined;
  const check = new SyncStateCheck();
  for (const r of sync.resources) check.resource(r.type, r.id, Boolean(r.rawId));
  for (const g of sync.grants) check.grant(g.id, g.principalType, g.principalId);
  return check.findings();
};

export const identityDetectors: Detector[] = [
  emptySyncDetector,
  noIdentitiesDetector,
  identitiesFilteredDetector,
  duplicateIdentitiesDetector,
  syncStateDetector,
];
