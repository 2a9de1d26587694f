/**
 * Each symptom as scenario ingredients for each provider: the faults (or granted set, or buggy variant)
 * that make the simulator and the reference connector fail the way the report does, the error text the
 * provider gives for it, and what the tenant needs. The values follow the library scenario of the same
 * symptom (scenarios/library/<provider>/), which the library tests keep honest.
 */
import type { ActionNeed } from './actions.js';
import type { LogFacts } from './log-facts.js';
import { descriptorOf } from '../../mocks/providers.js';
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
type Recipe = (input: RecipeInput) => Ingredients | string;

const at = (line: number | undefined) => (line === undefined ? '' : ` (line ${line})`);

const expiredSecret: Recipe = ({ provider, facts }) => {
  const { errors, expired } = descriptorOf(provider).repro;
  if (expired.saysExpired) {
    const early = facts !== undefined && !facts.workedBefore;
    const from = early ? 1 : expired.from;
    return {
      faults: [`expired-secret:from=${from}`],
      outcome: 'failed',
      error: errors.expiredSecret,
      timeout: '1m',
      notes: [
        early
          ? `no listing worked before the failure${at(facts?.failure?.n)}: the secret is expired from the first call (from=1)`
          : `the secret works for the first calls, then expires (from=${from})`,
      ],
    };
  }
  // Only a provider whose error says "expired" fails from the first call; elsewhere the doctor tells expired from invalid by a credential that worked first.
  const from = expired.from;
  return {
    faults: [`expired-secret:from=${from}`],
    outcome: 'failed',
    error: errors.expiredSecret,
    timeout: '1m',
    notes: [
      `the credential works for the first ${from - 1} call(s), then stops (from=${from}): on ${provider} only a credential that worked before reads as expired rather than invalid`,
    ],
  };
};

const invalidSecret: Recipe = ({ provider, facts }) => {
  const { errors, revoked } = descriptorOf(provider).repro;
  if (revoked) {
    const code = facts?.aadsts && revoked.reasons[facts.aadsts.value] ? facts.aadsts.value : revoked.usual;
    return {
      faults: [`revoked-credential:reason=${revoked.reasons[code]}`],
      outcome: 'failed',
      error: `${revoked.prefix}${code}`,
      timeout: '1m',
      notes: [
        facts?.aadsts?.value === code ? `${revoked.prefix}${code}${at(facts.aadsts.line)} is reason=${revoked.reasons[code]}` : revoked.usualNote,
      ],
    };
  }
  return {
    faults: ['revoked-credential'],
    outcome: 'failed',
    error: errors.invalidSecret,
    timeout: '1m',
    notes: ['the credential is refused from the first call'],
  };
};

const throttled: Recipe = ({ provider, facts }) => {
  const seen = facts?.throttling;
  const count = Math.min(10, Math.max(1, seen?.answers ?? 0, seen?.retries ?? 0, facts ? 0 : 3));
  const retryAfter = seen?.retryAfter?.value ?? (facts ? 1 : 2);
  const notes: string[] = [];
  if (seen)
    notes.push(
      `${seen.answers ? `${seen.answers} throttled answer(s) and ${seen.retries} retries` : `${seen.retries} retries of throttled calls`}${at(seen.lines[0])}: ${count} throttled answer(s)`,
    );
  const { throttle } = descriptorOf(provider).repro;
  if (throttle.noRetryAfter) notes.push(throttle.noRetryAfter);
  else if (seen?.retryAfter)
    notes.push(
      seen.retryAfter.how === 'retry-after'
        ? `Retry-After ${retryAfter}s as the log shows${at(seen.retryAfter.line)}`
        : `no Retry-After in the log: the first retry waited ${retryAfter}s${at(seen.retryAfter.line)}, taken as what the provider asked`,
    );
  else notes.push(`Retry-After ${retryAfter}s (${facts ? 'the log shows no wait' : 'a typical value'})`);
  const wait = throttle.noRetryAfter ? '' : `,retry-after=${retryAfter}`;
  if (seen && !seen.recovered) {
    return {
      faults: [`throttle:after=3${wait},provider=${provider}`],
      outcome: 'failed',
      error: 'timeout',
      timeout: '2m',
      notes: [...notes, 'the sync never moved on after the throttling: every call after the third is throttled, so the run ends at its timeout'],
    };
  }
  return {
    faults: [`throttle:count=${count}${wait},provider=${provider}`],
    outcome: 'succeeded',
    timeout: '5m',
    notes: [...notes, seen ? 'the sync moved on afterwards' : 'the retries recover'],
  };
};

const retryAfterIgnored: Recipe = ({ provider }) => {
  const { throttle } = descriptorOf(provider).repro;
  return {
    faults: [`throttle:every=3,retry-after=2,${throttle.retryRoute ? `route=${throttle.retryRoute}` : `provider=${provider}`}`],
    variant: 'ignores-retry-after',
    outcome: 'succeeded',
    alsoFindings: ['throttled'],
    timeout: '5m',
    notes: [`the reference connector's ignores-retry-after variant retries at once${throttle.retryNote ?? ''}`],
  };
};

const permissionMissing: Recipe = ({ provider, facts, missing }) => {
  const listed = facts ? Object.keys(facts.counts).filter((t) => facts.counts[t]!.value > 0) : undefined;
  const plan = permissionPlan(provider, {
    ...(missing ? { named: missing } : {}),
    ...(facts?.refusal ? { refusal: facts.refusal } : {}),
    ...(listed ? { listed } : {}),
  });
  if (!plan) return symptomInfo('permission-missing')!.notFor![provider]!;
  const notes = [`missing ${plan.permission}: ${plan.how}`, ...(plan.caveat ? [plan.caveat] : [])];
  if (plan.outcome === 'succeeded') {
    return {
      faults: [plan.fault],
      outcome: 'succeeded',
      timeout: '1m',
      notes: [...notes, 'the reference connector skips what the refusal costs and syncs the rest'],
    };
  }
  return { faults: [plan.fault], outcome: 'failed', error: descriptorOf(provider).repro.errors.permissionMissing, timeout: '1m', notes };
};

const consentMissing: Recipe = ({ provider }) => {
  return {
    faults: [],
    permissions: [],
    outcome: 'failed',
    error: descriptorOf(provider).repro.errors.consentMissing,
    timeout: '1m',
    notes: ['nothing granted (permissions: [])'],
  };
};

const noIdentities: Recipe = ({ provider }) => {
  const { permission, error } = descriptorOf(provider).repro.noIdentities!;
  return {
    faults: [],
    permissions: [permission],
    outcome: 'failed',
    error,
    timeout: '1m',
    notes: [`only ${permission} granted: it signs in but reads no user`],
  };
};

const writeBackNotConsented: Recipe = ({ provider }) => {
  const refused = descriptorOf(provider).repro.writeBackRefused;
  return {
    faults: [...(refused.faults ?? [])],
    action: 'revoke-member',
    outcome: 'succeeded',
    timeout: '1m',
    ...(refused.permissions ? { permissions: [...refused.permissions] } : {}),
    ...(refused.writeBack === false ? { writeBack: false } : {}),
    notes: [refused.note],
  };
};

function pagination(mode: 'repeat-token' | 'cycle', pages: number, error: string): Recipe {
  return ({ provider, facts }) => {
    const listings = descriptorOf(provider).routes.listings;
    const seen = facts?.listing;
    // A log's `user` is the listing of users the reference connector pages, whatever its type is called (AWS: iam_user).
    const users = Object.keys(listings).find((t) => listings[t]!.field === 'users');
    const type = seen && (listings[seen.type] ? seen.type : seen.type === 'user' ? users : undefined);
    const chosen = listings[type ?? Object.keys(listings)[0]!]!;
    const notes: string[] = [];
    if (seen && !type)
      notes.push(`the log's listing (${seen.type}${at(seen.line)}) is not one the reference connector pages: its ${chosen.field} listing stands in`);
    else if (seen && seen.what !== 'resources')
      notes.push(
        `the log's listing was the ${seen.what} of a ${seen.type}${at(seen.line)}; the ${seen.type} listing itself stands in (a member page that long needs a bigger group than a generated tenant has)`,
      );
    else if (seen) notes.push(`the ${seen.type} listing, as the log names it${at(seen.line)}`);
    const size = chosen.pageSize * (pages - 1) + Math.ceil(chosen.pageSize / (pages > 2 ? 2 : 5));
    notes.push(`${chosen.route} pages ${chosen.pageSize} at a time: ${pages} page(s) need ${size} ${chosen.field}`);
    return {
      faults: [`bad-pagination:mode=${mode},route=${chosen.route}`],
      outcome: 'failed',
      error,
      tenant: { [chosen.field]: size },
      timeout: '1m',
      notes,
    };
  };
}

const emptySync: Recipe = ({ provider }) => {
  return {
    faults: [],
    outcome: 'succeeded',
    tenant: { fixed: { ...descriptorOf(provider).repro.emptyTenant! } },
    timeout: '1m',
    notes: ['an empty directory'],
  };
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
