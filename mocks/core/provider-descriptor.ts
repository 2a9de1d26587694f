/**
 * Everything the rest of the tool knows about one simulated provider, held once by the provider's own folder
 * (`mocks/<provider>/descriptor.ts`) and listed in mocks/providers.ts. The provider names, the simulator and
 * connector tables, the doctor's permissions, reading of journals and fix steps and repro's per-provider
 * ingredients are all read from here, so a new provider is its own folders plus one registry line. Plain data and small functions
 * only: the registry is loaded by `--help`, so the simulator itself stays behind {@link ProviderDescriptor.simulator}.
 * The reference connector is found by the same name: `connectors/<name>/builtin.ts` (connectors/builtin.ts).
 */
import type { SimContext } from './context.js';
import type { JournalDialect } from './journal-dialect.js';
import type { PagingDialect, RefusalAdvice } from './paging/dialect.js';
import type { ProviderRuntime } from './route.js';
import type { ProviderFactory } from './served-provider.js';

export interface ProviderDescriptor {
  /** The name scenarios, `serve --provider`, fault specs and journals use. */
  name: string;
  /** For people: "Microsoft Entra ID". */
  label: string;
  /** The simulator factory, loaded on demand so serving one provider never loads another's code. */
  simulator(): Promise<ProviderFactory>;
  /**
   * The runtime (fault dialect, call cost) for recorded calls to one of its real hosts, so a fault layered
   * on a replay answers the way this provider really does.
   */
  replayRuntime(ctx: SimContext, host: string, requests: readonly RecordedCall[]): ProviderRuntime;
  hosts: ProviderHosts;
  /** The keys of the credentials its simulator hands a connector (what `serve` prints; `{credentials.<key>}`). */
  credentials: readonly string[];
  routes: ProviderRoutes;
  /** How it pages, for the doctor's paging audit. */
  paging: readonly PagingDialect[];
  /** What it supports instead of a request it refused as malformed, for the doctor's rejected-request finding. */
  refusals: readonly RefusalAdvice[];
  /** How its calls read in a journal, where that differs from plain REST (absent: all REST). */
  journal?: JournalDialect;
  /** The doctor's fix steps, in the provider's own troubleshooting words. */
  terms: ProviderTerms;
  /** Its tell-tale hosts, codes and connector names, for telling which provider a customer's log is from. */
  logTells: RegExp;
  repro: ProviderRepro;
  /**
   * How it derives the id it shows for a tenant user or group, where that id is not one of the tenant's
   * ProviderIds (Okta's `00u…`/`00g…`), so scenario actions find the synced object by it. Loaded on demand,
   * like the simulator: the registry itself loads no module.
   */
  entityId?(): Promise<(seed: number, kind: 'user' | 'group', seq: number) => string>;
  /**
   * The values a fault key takes on this provider alone, by `<kind>.<key>` (`throttle.reason`): the fault
   * spec parser accepts any registered provider's values (mocks/faults/keys.ts), so a provider with a
   * dialect of its own adds its values here instead of a list in the parser.
   */
  faultValues?: Readonly<Record<string, readonly string[]>>;
  /** Authorization schemes beyond Bearer and Basic its credentials travel in (Okta `SSWS`), which every artifact's scrubber redacts. */
  authSchemes?: readonly string[];
}

/** A recorded request, as much of it as a replay runtime reads. */
export interface RecordedCall {
  url: string;
  contentType?: string;
  body?: string;
}

interface ProviderHosts {
  /**
   * The host names its API really lives at, for recording a connector against the real service; `missing`
   * says what to give when it has no well-known host and none was given (SCIM: `--scim-host`).
   */
  real(options: { region: string; scimHost?: string }): string[] | { missing: string };
  /** Whether a recorded host (lower case, no port) is one of its own. */
  owns(host: string): boolean;
  /** It answers on any host (a SCIM service has no well-known one): recorded hosts no provider owns are its. */
  anyHost?: boolean;
}

interface ProviderRoutes {
  /** Its sign-in routes (token endpoints, STS), which the doctor reads as authentication, not reads or writes. */
  auth?: RegExp;
  /** The status each token endpoint refuses a secret or key with (other refusals there are not the key's). */
  keyRefused?: Readonly<Record<string, number>>;
  /** Every permission-checked route by name, with its least-privileged permission. */
  permissions: Readonly<Record<string, string>>;
  /**
   * The least-privileged permission a route needs, for route names not in {@link permissions} (AWS: the
   * action is the route's own name); undefined for routes that need none.
   */
  permissionOf?(route: string): string | undefined;
  /** Every permission that opens some directory read, where the provider has such a table. */
  readPermissions?: readonly string[];
  /** The reference connector's user and group listings, by resource type, in listing order. */
  listings: Readonly<Record<string, ListingRoute>>;
}

interface ListingRoute {
  route: string;
  field: 'users' | 'groups';
  pageSize: number;
}

export interface ProviderTerms {
  /** How to give the app these permissions (least privileged first). */
  grantSteps(list: string): string[];
  /** How to replace an expired or revoked credential. */
  renewSecretSteps: readonly string[];
  /** How to fix a credential that never worked. */
  fixSecretSteps: readonly string[];
  /** How a connector should behave under its rate limits, after the common Retry-After advice. */
  throttlingStep: string;
  /** What its credential is called in a title: "secret", "SCIM token". */
  credentialNoun: string;
}

/** The ingredients `repro` needs from each provider to turn a symptom into a scenario. */
interface ProviderRepro {
  /** Symptoms it cannot be reproduced for (by doctor finding id), with the reason the error gives. */
  cannot?: Readonly<Record<string, string>>;
  /** The provider's or SDK's error text for each refusal, as a scenario's `expect.error`. */
  errors: { expiredSecret: string; invalidSecret: string; permissionMissing: string; consentMissing: string };
  /**
   * When an expired credential first fails (`expired-secret:from=`). Where the error says "expired"
   * (`saysExpired`), a log with no earlier success fails from the first call; elsewhere the credential must
   * work first, or the doctor reads it as invalid rather than expired.
   */
  expired: { from: number; saysExpired: boolean };
  /**
   * Where the provider tells revoked credentials apart by code (AADSTS7000215 a deleted secret...): each
   * code (`7000215`) with the `revoked-credential` reason that gives it, the usual one, and what it means.
   */
  revoked?: { prefix: string; reasons: Readonly<Record<string, string>>; usual: string; usualNote: string };
  /**
   * Throttling as it sends it: `noRetryAfter` says why a throttle fault sets no Retry-After (IAM sends
   * none); `retryRoute` is where a Retry-After test throttles when not every route sends one, `retryNote`
   * says so.
   */
  throttle: { noRetryAfter?: string; retryRoute?: string; retryNote?: string };
  /** A granted set that signs in but reads no user, with the refusal it gives. */
  noIdentities?: { permission: string; error: string };
  /** A granted set (or faults, or no write-back at all) under which a membership revoke is refused. */
  writeBackRefused: { permissions?: readonly string[]; faults?: readonly string[]; writeBack?: false; note: string };
  /** The tenant shape of an empty directory (the kinds of objects it lists, each at 0); absent where it cannot be empty. */
  emptyTenant?: Readonly<Record<string, number>>;
  /** The `partial-consent` fault that takes away the permission a refused read was short of. */
  consentPlan?(clues: PermissionClues): PermissionPlan;
}

export interface PermissionPlan {
  /** The `partial-consent` fault spec. */
  fault: string;
  /** The least-privileged permission the refused call needs, as the provider names it. */
  permission: string;
  /** How it was chosen, for the scenario's comment. */
  how: string;
  /** Set when the reference connector will not make the refused call. */
  caveat?: string;
  /**
   * `succeeded` where the reference connector skips the kind of data a refusal costs and syncs the rest (Okta);
   * otherwise the refusal fails the sync.
   */
  outcome?: 'succeeded';
}

export interface PermissionClues {
  /** `--missing`, or what the log's refusal names. */
  named?: string;
  /** The refusal the log shows: its line, the permission it names, the refused call. */
  refusal?: { line: number; permission?: string; url?: string; method?: string };
  /** Resource types the log reported as listed. */
  listed?: readonly string[];
}
