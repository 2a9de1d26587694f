/**
 * The symptoms `repro` turns into a scenario: doctor finding ids (the log doctor and the run doctor use
 * the same ids), with the providers each one applies to. Free of imports on purpose, so the CLI's
 * `--help` can list them without loading the simulators.
 */

export const REPRO_PROVIDERS = ['entra', 'google', 'aws', 'scim'] as const;
export type ReproProvider = (typeof REPRO_PROVIDERS)[number];

export interface SymptomInfo {
  id: string;
  summary: string;
  /** Providers it cannot be reproduced for, with the reason (shown in the error). */
  notFor?: Partial<Record<ReproProvider, string>>;
}

const NO_PERMISSIONS_SCIM = 'a SCIM bearer token carries no permissions of its own (a refused token is invalid-secret)';
/** Said for every transport symptom: why its scenario runs the reference connector as a process. */
export const TRANSPORT_NOTE =
  'a transport fault needs a real socket, so the reference connector runs as its own process (`sync-harness connector`) against the simulator served on loopback';

export const SYMPTOMS: readonly SymptomInfo[] = [
  { id: 'expired-secret', summary: 'the secret or key expired (AADSTS7000222, deleted Google key, InvalidClientTokenId, SCIM 401)' },
  { id: 'invalid-secret', summary: 'the secret never worked (AADSTS7000215 and other revoked credentials)' },
  { id: 'throttled', summary: 'rate limited (429 / Retry-After, Google userRateLimitExceeded, AWS Throttling)' },
  {
    id: 'retry-after-ignored',
    summary: 'retries sooner than Retry-After asked (the reference connector\'s ignores-retry-after variant)',
    notFor: { google: 'only the Entra and AWS reference connectors have an ignores-retry-after variant', scim: 'only the Entra and AWS reference connectors have an ignores-retry-after variant' },
  },
  { id: 'permission-missing', summary: 'one permission short: some reads refused while others worked (403)', notFor: { scim: NO_PERMISSIONS_SCIM } },
  { id: 'consent-missing', summary: 'nothing consented: every directory read refused', notFor: { scim: NO_PERMISSIONS_SCIM } },
  {
    id: 'no-identities',
    summary: 'connected with a sign-in-only grant: no user can be read',
    notFor: { google: 'a delegated account has no sign-in-only grant', scim: NO_PERMISSIONS_SCIM },
  },
  { id: 'write-back-not-consented', summary: 'a grant or revoke refused while reads worked' },
  { id: 'page-token-unchanged', summary: 'a listing handed back the page token it was called with' },
  {
    id: 'pagination-cycle',
    summary: 'a listing returned a page token it had returned before',
    notFor: { scim: 'SCIM pages by startIndex, which the client picks: there is no token to cycle' },
  },
  { id: 'empty-sync', summary: 'the sync succeeded with nothing in it', notFor: { google: 'a Workspace always has its admin' } },
  {
    id: 'provisioner-missing',
    summary: 'a grant hit a resource type without a provisioner (the no-provisioner variant)',
    notFor: { google: 'only the Entra reference connector has a no-provisioner variant', aws: 'only the Entra reference connector has a no-provisioner variant', scim: 'only the Entra reference connector has a no-provisioner variant' },
  },
  { id: 'connection-refused', summary: 'nothing listens at the host (ECONNREFUSED, "connect: connection refused")' },
  { id: 'dns-failure', summary: 'a host name does not resolve (ENOTFOUND, "no such host")' },
  { id: 'tls-untrusted', summary: 'a certificate from an unknown authority (x509, "unable to verify")' },
];

export const TRANSPORT_SYMPTOMS: readonly string[] = ['connection-refused', 'dns-failure', 'tls-untrusted'];

/** The log doctor's findings about the connector's link to ConductorOne: nothing of the provider to reproduce. */
export const DAEMON_FINDINGS: Readonly<Record<string, string>> = {
  'daemon-auth-failed': 'ConductorOne refused the connector\'s own client id and secret; that is between the connector and ConductorOne, not the provider',
  'daemon-no-tasks': 'the daemon polled ConductorOne and got no task; nothing reached the provider',
};

export function symptomInfo(id: string): SymptomInfo | undefined {
  return SYMPTOMS.find((s) => s.id === id);
}

/** The `--help` section: every symptom and where it does not apply. */
export function symptomHelp(): string {
  const width = Math.max(...SYMPTOMS.map((s) => s.id.length));
  const lines = SYMPTOMS.flatMap((s) => {
    const not = Object.keys(s.notFor ?? {});
    return wrap(`  ${s.id.padEnd(width)}  ${s.summary}${not.length ? ` [not ${not.join(', ')}]` : ''}`, width + 4);
  });
  return [
    '',
    'Symptoms (--symptom, comma-separated; the doctor\'s finding ids):',
    ...lines,
    '',
    'Exit 0 when the run reproduces the report (same error class, every finding of',
    'the report), 1 when it does not, 2 on bad input.',
  ].join('\n');
}

/** Fits an 80-column terminal, continuation lines under the summary. */
function wrap(line: string, indent: number, width = 80): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    if (cut <= indent) break;
    out.push(rest.slice(0, cut));
    rest = ' '.repeat(indent) + rest.slice(cut + 1);
  }
  return [...out, rest];
}
