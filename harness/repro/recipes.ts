/**
 * Each symptom as scenario ingredients for each provider: the faults (or granted set, or buggy variant)
 * that make the simulator and the reference connector fail the way the report does, the error text the
 * provider gives for it, and what the tenant needs. The values follow the library scenario of the same
 * symptom (scenarios/library/<provider>/), which the library tests keep honest.
 */
import type { ActionNeed } from './actions.js';
import type { LogFacts } from './log-facts.js';
import { permissionPlan } from './permission.js';
import { TRANSPORT_NOTE, TRANSPORT_SYMPTOMS, symptomInfo, type ReproProvider } from './symptom-list.js';
import type { TenantNeeds } from './tenant-size.js';

export interface RecipeInput {
  provider: ReproProvider;
  /** What the log shows; absent for a report given as flags. */
  facts?: LogFacts;
  /** `--missing`: the permission a permission-missing report names. */
  missing?: string;
}

export interface Ingredients {
  faults: string[];
  permissions?: string[];
  variant?: string;
  /** The reference connector must run as its own process (a fault that needs a real socket). */
  process?: boolean;
  action?: ActionNeed;
  writeBack?: boolean;
  outcome: 'succeeded' | 'failed';
  /** The provider's or SDK's text for it, as the scenario's expect.error. */
  error?: string;
  /** Findings the reproduction also gives (ignoring Retry-After needs throttling to show). */
  alsoFindings?: string[];
  tenant?: TenantNeeds;
  timeout: string;
  /** What was inferred and why, for the scenario's comment. */
  notes: string[];
}

/** Ingredients, or why the symptom cannot be reproduced for this provider. */
export type Recipe = (input: RecipeInput) => Ingredients | string;

const at = (line: number | undefined) => (line === undefined ? '' : ` (line ${line})`);

const expiredSecret: Recipe = ({ provider, facts }) => {
  const errors = { entra: '/AADSTS7000222|token is expired/', google: 'Invalid JWT Signature.', aws: 'InvalidClientTokenId', scim: 'The access token expired.' };
  if (provider === 'entra') {
    const early = facts !== undefined && !facts.workedBefore;
    const from = early ? 1 : 6;
    return {
      faults: [`expired-secret:from=${from}`],
      outcome: 'failed',
      error: errors.entra,
        timeout: '1m',
      notes: [early ? `no listing worked before the failure${at(facts?.failure?.n)}: the secret is expired from the first call (from=1)` : 'the secret works for the first calls, then expires (from=6)'],
    };
  }
  // Only Entra says "expired" in the error; elsewhere the doctor tells expired from invalid by a credential that worked first.
  const from = { google: 3, aws: 2, scim: 4 }[provider];
  return {
    faults: [`expired-secret:from=${from}`],
    outcome: 'failed',
    error: errors[provider],
    timeout: '1m',
    notes: [`the credential works for the first ${from - 1} call(s), then stops (from=${from}): on ${provider} only a credential that worked before reads as expired rather than invalid`],
  };
};

const ENTRA_REVOKED: Record<string, string> = { '7000215': 'secret-deleted', '7000112': 'app-disabled', '700016': 'app-deleted' };

const invalidSecret: Recipe = ({ provider, facts }) => {
  if (provider === 'entra') {
    const code = facts?.aadsts && ENTRA_REVOKED[facts.aadsts.value] ? facts.aadsts.value : '7000215';
    return {
      faults: [`revoked-credential:reason=${ENTRA_REVOKED[code]}`],
      outcome: 'failed',
      error: `AADSTS${code}`,
        timeout: '1m',
      notes: [facts?.aadsts?.value === code ? `AADSTS${code}${at(facts.aadsts.line)} is reason=${ENTRA_REVOKED[code]}` : 'a deleted secret (AADSTS7000215), the usual invalid secret'],
    };
  }
  const errors = { google: 'Invalid JWT Signature.', aws: 'InvalidClientTokenId', scim: 'The access token has been revoked.' };
  return { faults: ['revoked-credential'], outcome: 'failed', error: errors[provider], timeout: '1m', notes: ['the credential is refused from the first call'] };
};

const throttled: Recipe = ({ provider, facts }) => {
  const seen = facts?.throttling;
  const count = Math.min(10, Math.max(1, seen?.answers ?? 0, seen?.retries ?? 0, facts ? 0 : 3));
  const retryAfter = seen?.retryAfter?.value ?? (facts ? 1 : 2);
  const notes: string[] = [];
  if (seen) notes.push(`${seen.answers ? `${seen.answers} throttled answer(s) and ${seen.retries} retries` : `${seen.retries} retries of throttled calls`}${at(seen.lines[0])}: ${count} throttled answer(s)`);
  if (provider === 'aws') notes.push('IAM sends no Retry-After, so none is set');
  else if (seen?.retryAfter) notes.push(seen.retryAfter.how === 'retry-after' ? `Retry-After ${retryAfter}s as the log shows${at(seen.retryAfter.line)}` : `no Retry-After in the log: the first retry waited ${retryAfter}s${at(seen.retryAfter.line)}, taken as what the provider asked`);
  else notes.push(`Retry-After ${retryAfter}s (${facts ? 'the log shows no wait' : 'a typical value'})`);
  const wait = provider === 'aws' ? '' : `,retry-after=${retryAfter}`;
  if (seen && !seen.recovered) {
    return {
      faults: [`throttle:after=3${wait},provider=${provider}`],
      outcome: 'failed',
      error: 'timeout',
        timeout: '2m',
      notes: [...notes, 'the sync never moved on after the throttling: every call after the third is throttled, so the run ends at its timeout'],
    };
  }
  return { faults: [`throttle:count=${count}${wait},provider=${provider}`], outcome: 'succeeded', timeout: '5m', notes: [...notes, seen ? 'the sync moved on afterwards' : 'the retries recover'] };
};

const retryAfterIgnored: Recipe = ({ provider }) => ({
  faults: [provider === 'aws' ? 'throttle:every=3,retry-after=2,route=identitystore.*' : `throttle:every=3,retry-after=2,provider=${provider}`],
  variant: 'ignores-retry-after',
  outcome: 'succeeded',
  alsoFindings: ['throttled'],
  timeout: '5m',
  notes: [`the reference connector's ignores-retry-after variant retries at once${provider === 'aws' ? ' (Identity Store sends Retry-After, IAM does not)' : ''}`],
});

const permissionMissing: Recipe = ({ provider, facts, missing }) => {
  const listed = facts ? Object.keys(facts.counts).filter((t) => facts.counts[t]!.value > 0) : undefined;
  const plan = permissionPlan(provider, { ...(missing ? { named: missing } : {}), ...(facts?.refusal ? { refusal: facts.refusal } : {}), ...(listed ? { listed } : {}) });
  if (!plan) return symptomInfo('permission-missing')!.notFor![provider]!;
  const errors = { entra: 'Authorization_RequestDenied', google: 'insufficientPermissions', aws: 'AccessDenied', scim: '' };
  return {
    faults: [plan.fault],
    outcome: 'failed',
    error: errors[provider],
    timeout: '1m',
    notes: [`missing ${plan.permission}: ${plan.how}`, ...(plan.caveat ? [plan.caveat] : [])],
  };
};

const consentMissing: Recipe = ({ provider }) => {
  const errors = { entra: 'Authorization_RequestDenied', google: 'unauthorized_client', aws: 'AccessDenied', scim: '' };
  return { faults: [], permissions: [], outcome: 'failed', error: errors[provider], timeout: '1m', notes: ['nothing granted (permissions: [])'] };
};

const noIdentities: Recipe = ({ provider }) => {
  const grants: Partial<Record<ReproProvider, [string, string]>> = { entra: ['User.Read', 'Authorization_RequestDenied'], aws: ['sts:AssumeRole', 'AccessDenied'] };
  const [permission, error] = grants[provider]!;
  return { faults: [], permissions: [permission], outcome: 'failed', error, timeout: '1m', notes: [`only ${permission} granted: it signs in but reads no user`] };
};

const writeBackNotConsented: Recipe = ({ provider }) => {
  const base = { faults: [] as string[], action: 'revoke-member' as const, outcome: 'succeeded' as const, timeout: '1m' };
  switch (provider) {
    case 'entra':
      return { ...base, permissions: ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'], notes: ['read permissions only (no GroupMember.ReadWrite.All): the revoke is refused'] };
    case 'google':
      return { ...base, faults: ['partial-consent:missing=admin.directory.group.member,route=google.members.delete'], notes: ['the member-write scope is missing on the delete: the revoke is refused'] };
    case 'aws':
      return { ...base, permissions: ['iam:List*', 'iam:Get*', 'identitystore:List*', 'identitystore:Describe*', 'identitystore:Get*'], notes: ['read actions only (no iam:RemoveUserFromGroup): the revoke is refused'] };
    case 'scim':
      return { ...base, writeBack: false, notes: ['the service provider refuses writes (writeBack: false): the revoke is refused'] };
  }
};

interface ListingRoute {
  route: string;
  field: 'users' | 'groups';
  pageSize: number;
}

/** The reference connectors' user and group listings and their page sizes. */
const LISTINGS: Record<ReproProvider, Record<string, ListingRoute>> = {
  entra: { user: { route: 'graph.users.list', field: 'users', pageSize: 999 }, group: { route: 'graph.groups.list', field: 'groups', pageSize: 999 } },
  google: { user: { route: 'google.users.list', field: 'users', pageSize: 200 }, group: { route: 'google.groups.list', field: 'groups', pageSize: 200 } },
  aws: { iam_user: { route: 'iam.ListUsers', field: 'users', pageSize: 100 }, group: { route: 'iam.ListGroups', field: 'groups', pageSize: 100 } },
  scim: { user: { route: 'scim.users.list', field: 'users', pageSize: 100 }, group: { route: 'scim.groups.list', field: 'groups', pageSize: 100 } },
};

function pagination(mode: 'repeat-token' | 'cycle', pages: number, error: string): Recipe {
  return ({ provider, facts }) => {
    const listings = LISTINGS[provider];
    const seen = facts?.listing;
    const type = seen && (listings[seen.type] ? seen.type : seen.type === 'user' && provider === 'aws' ? 'iam_user' : undefined);
    const chosen = listings[type ?? Object.keys(listings)[0]!]!;
    const notes: string[] = [];
    if (seen && !type) notes.push(`the log's listing (${seen.type}${at(seen.line)}) is not one the reference connector pages: its ${chosen.field} listing stands in`);
    else if (seen && seen.what !== 'resources') notes.push(`the log's listing was the ${seen.what} of a ${seen.type}${at(seen.line)}; the ${seen.type} listing itself stands in (a member page that long needs a bigger group than a generated tenant has)`);
    else if (seen) notes.push(`the ${seen.type} listing, as the log names it${at(seen.line)}`);
    const size = chosen.pageSize * (pages - 1) + Math.ceil(chosen.pageSize / (pages > 2 ? 2 : 5));
    notes.push(`${chosen.route} pages ${chosen.pageSize} at a time: ${pages} page(s) need ${size} ${chosen.field}`);
    return { faults: [`bad-pagination:mode=${mode},route=${chosen.route}`], outcome: 'failed', error, tenant: { [chosen.field]: size }, timeout: '1m', notes };
  };
}

const emptySync: Recipe = ({ provider }) => {
  const fixed: Partial<Record<ReproProvider, Record<string, number>>> = { entra: { users: 0, groups: 0, apps: 0 }, aws: { users: 0, groups: 0, roles: 0 }, scim: { users: 0, groups: 0 } };
  return { faults: [], outcome: 'succeeded', tenant: { fixed: fixed[provider]! }, timeout: '1m', notes: ['an empty directory'] };
};

const provisionerMissing: Recipe = () => ({
  faults: [],
  variant: 'no-provisioner',
  action: 'grant-non-member',
  outcome: 'succeeded',
  timeout: '1m',
  notes: ["the reference connector's no-provisioner variant declares provisioning but registers no provisioner; a grant shows it"],
});

/** Node's words for each, as the reference connector's process prints them. */
const TRANSPORT_ERRORS: Record<string, string> = { 'connection-refused': 'ECONNREFUSED', 'dns-failure': 'ENOTFOUND', 'tls-untrusted': 'certificate' };

function transport(id: string): Recipe {
  return () => ({ faults: [id], process: true, outcome: 'failed', error: TRANSPORT_ERRORS[id]!, timeout: '1m', notes: [TRANSPORT_NOTE] });
}

const RECIPES: Record<string, Recipe> = {
  'expired-secret': expiredSecret,
  'invalid-secret': invalidSecret,
  throttled,
  'retry-after-ignored': retryAfterIgnored,
  'permission-missing': permissionMissing,
  'consent-missing': consentMissing,
  'no-identities': noIdentities,
  'write-back-not-consented': writeBackNotConsented,
  'page-token-unchanged': pagination('repeat-token', 2, 'next page token unchanged'),
  'pagination-cycle': pagination('cycle', 3, 'cycle'),
  'empty-sync': emptySync,
  'provisioner-missing': provisionerMissing,
  ...Object.fromEntries(TRANSPORT_SYMPTOMS.map((id) => [id, transport(id)])),
};

/** Ingredients for one symptom, or why it cannot be reproduced for this provider. */
export function recipe(symptom: string, input: RecipeInput): Ingredients | string {
  const info = symptomInfo(symptom);
  const cook = RECIPES[symptom];
  if (!info || !cook) return `${symptom} is not a symptom repro knows`;
  const notFor = info.notFor?.[input.provider];
  return notFor ?? cook(input);
}
