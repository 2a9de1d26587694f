/**
 * The symptoms `repro` turns into a scenario: doctor finding ids (the log doctor and the run doctor use
 * the same ids), with the providers each one applies to. It imports only the provider registry (data, no
 * simulator), so the CLI's `--help` can list them without loading the simulators.
 */

import { PROVIDER_NAMES, PROVIDERS, type ProviderName } from '../../mocks/providers.js';

export const REPRO_PROVIDERS = PROVIDER_NAMES;
export type ReproProvider = ProviderName;

export interface SymptomInfo {
  id: string;
  summary: string;
  /** Providers it cannot be reproduced for, with the reason (shown in the error). */
  notFor?: Partial<Record<ReproProvider, string>>;
}

/** Said for every transport symptom: why its scenario runs the reference connector as a process. */
export const TRANSPORT_NOTE =
  'a transport fault needs a real socket, so the reference connector runs as its own process (`sync-harness connector`) against the simulator served on loopback';

const SYMPTOM_LIST: readonly Omit<SymptomInfo, 'notFor'>[] = [
  { id: 'expired-secret', summary: 'the secret or key expired (AADSTS7000222, deleted Google key, InvalidClientTokenId, SCIM 401)' },
  { id: 'invalid-secret', summary: 'the secret never worked (AADSTS7000215 and other revoked credentials)' },
  { id: 'throttled', summary: 'rate limited (429 / Retry-After, Google userRateLimitExceeded, AWS Throttling)' },
  { id: 'retry-after-ignored', summary: "retries sooner than Retry-After asked (the reference connector's ignores-retry-after variant)" },
  { id: 'permission-missing', summary: 'one permission short: some reads refused while others worked (403)' },
  { id: 'consent-missing', summary: 'nothing consented: every directory read refused' },
  { id: 'no-identities', summary: 'connected with a sign-in-only grant: no user can be read' },
  { id: 'write-back-not-consented', summary: 'a grant or revoke refused while reads worked' },
  { id: 'page-token-unchanged', summary: 'a listing handed back the page token it was called with' },
  { id: 'pagination-cycle', summary: 'a listing returned a page token it had returned before' },
  { id: 'empty-sync', summary: 'the sync succeeded with nothing in it' },
  { id: 'provisioner-missing', summary: 'a grant hit a resource type without a provisioner (the no-provisioner variant)' },
  { id: 'connection-refused', summary: 'nothing listens at the host (ECONNREFUSED, "connect: connection refused")' },
  { id: 'dns-failure', summary: 'a host name does not resolve (ENOTFOUND, "no such host")' },
  { id: 'tls-untrusted', summary: 'a certificate from an unknown authority (x509, "unable to verify")' },
];

/** Each symptom with the providers whose descriptors say it cannot be reproduced for them. */
export const SYMPTOMS: readonly SymptomInfo[] = SYMPTOM_LIST.map((s) => {
  const notFor = Object.fromEntries(PROVIDERS.flatMap((p) => (p.repro.cannot?.[s.id] ? [[p.name, p.repro.cannot[s.id]!]] : [])));
  return Object.keys(notFor).length ? { ...s, notFor } : s;
});

export const TRANSPORT_SYMPTOMS: readonly string[] = ['connection-refused', 'dns-failure', 'tls-untrusted'];

/** The log doctor's findings about the connector's link to ConductorOne: nothing of the provider to reproduce. */
export const DAEMON_FINDINGS: Readonly<Record<string, string>> = {
  'daemon-auth-failed':
    "ConductorOne refused the connector's own client id and secret; that is between the connector and ConductorOne, not the provider",
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
    "Symptoms (--symptom, comma-separated; the doctor's finding ids):",
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
