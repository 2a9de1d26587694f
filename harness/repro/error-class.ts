/**
 * The kind of failure a report and a run show, so a reproduction can be judged without comparing error
 * texts that differ in every detail (hosts, ids, tokens). Findings decide first, in the order a support
 * engineer would name the cause; the error text decides only when no finding does.
 */

const ERROR_CLASSES = [
  'auth-failure',
  'permission-denied',
  'pagination-loop',
  'network',
  'provisioning',
  'throttled',
  'empty-sync',
  'daemon',
  'other-failure',
  'none',
] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/** Each finding id's class; ids not listed (identities, performance) do not decide the class. */
const BY_FINDING: Readonly<Record<string, ErrorClass>> = {
  'expired-secret': 'auth-failure',
  'invalid-secret': 'auth-failure',
  'consent-missing': 'permission-denied',
  'permission-missing': 'permission-denied',
  'no-identities': 'permission-denied',
  'write-back-not-consented': 'permission-denied',
  'page-token-unchanged': 'pagination-loop',
  'pagination-cycle': 'pagination-loop',
  'connection-refused': 'network',
  'dns-failure': 'network',
  'tls-untrusted': 'network',
  'provisioner-missing': 'provisioning',
  throttled: 'throttled',
  'retry-after-ignored': 'throttled',
  'empty-sync': 'empty-sync',
  'daemon-auth-failed': 'daemon',
  'daemon-no-tasks': 'daemon',
};

/** When the run's error names its cause but no finding does (a transport error has no finding yet). */
const BY_TEXT: [RegExp, ErrorClass][] = [
  [
    /AADSTS\d+|invalid_client|invalid_grant|InvalidClientTokenId|UnrecognizedClient|Invalid JWT Signature|\b401\b|access token (expired|has been revoked)/i,
    'auth-failure',
  ],
  [/Authorization_RequestDenied|AccessDenied|insufficientPermissions|unauthorized_client|not authorized to perform|\b403\b/i, 'permission-denied'],
  [/page token|pagination cycle/i, 'pagination-loop'],
  [/fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|connection (refused|reset)|no such host|x509:|certificate/i, 'network'],
  [/\b429\b|Too Many Requests|Throttl|rate ?limit|Rate exceeded/i, 'throttled'],
];

export function classOfFinding(id: string): ErrorClass | undefined {
  return BY_FINDING[id];
}

export function errorClass(input: { findings: readonly string[]; outcome?: 'succeeded' | 'failed'; error?: string }): ErrorClass {
  const classes = new Set(input.findings.map(classOfFinding).filter((c): c is ErrorClass => c !== undefined));
  const first = ERROR_CLASSES.find((c) => classes.has(c));
  if (first) return first;
  if (input.error) for (const [pattern, cls] of BY_TEXT) if (pattern.test(input.error)) return cls;
  return input.outcome === 'failed' ? 'other-failure' : 'none';
}
