/**
 * Credentials and consent as a log shows them: the provider's own error codes (AADSTS, OAuth errors, AWS
 * error codes, Graph's Authorization_RequestDenied) inside the connector's error lines. Whether any
 * listing worked ("Synced resources" with a count) tells no consent at all from one permission short.
 */
import type { Finding } from '../../../reports/evidence.js';
import { fixSecretSteps, grantSteps, renewSecretSteps } from '../provider-terms.js';
import { cite, matching, type LogContext, type LogDetector } from './context.js';
import { DAEMON_LINE } from './daemon.js';

const DENIED =
  /Authorization_RequestDenied|Insufficient privileges to complete the operation|AccessDenied|not authorized to perform|insufficientPermissions|Not Authorized to access this resource|code = PermissionDenied|\b403 Forbidden\b/i;
/** Google refusing the domain-wide delegation itself: nothing of the directory was consented. */
const DELEGATION_REFUSED = /unauthorized_client/;
const WRITE = /\b(grant|revoke)(ing)? (failed|task)|task_type[=:]"?(grant|revoke)\b|\bGrant(ManagerService)?\/?Grant\b|\bRevoke\b.*failed/i;
const EXPIRED =
  /AADSTS7000222|client secret keys for app .* are expired|ExpiredToken|security token included in the request is expired|Token has been expired or revoked/i;
const INVALID =
  /AADSTS7000215|Invalid client secret provided|\binvalid_client\b|InvalidClientTokenId|SignatureDoesNotMatch|Invalid JWT Signature|UnrecognizedClientException/;

/** A progress line saying a listing wrote something: proof that some read was allowed. */
function readsWorked(c: LogContext): boolean {
  return c.lines.some((l) => /^Synced (resources|entitlements|grants)$/.test(l.msg) && Number(l.fields.count ?? l.fields.synced ?? 0) > 0);
}

function generic(what: string): string[] {
  return [`The log does not name the provider: ${what} in the provider's admin console, then rerun the sync.`];
}

const deniedReads = (c: LogContext) => matching(c, DENIED, WRITE);

const consentMissing: LogDetector = (c) => {
  const refused = [...matching(c, DELEGATION_REFUSED), ...deniedReads(c)].sort((a, b) => a.n - b.n);
  if (refused.length === 0 || readsWorked(c)) return undefined;
  return {
    id: 'consent-missing',
    title: 'Consent missing: directory reads were refused and no listing wrote anything',
    ...cite(refused),
    fix: c.provider ? grantSteps(c.provider, []) : generic('grant the connector app its read permissions and admin consent'),
  };
};

const permissionMissing: LogDetector = (c) => {
  const refused = deniedReads(c);
  if (refused.length === 0 || !readsWorked(c)) return undefined;
  return {
    id: 'permission-missing',
    title: `Permission missing: ${refused.length} refusal(s) while other listings worked`,
    ...cite(refused),
    fix: c.provider ? grantSteps(c.provider, []) : generic('add the permission the refused call needs'),
  };
};

const writeBackNotConsented: LogDetector = (c) => {
  const refused = matching(c, DENIED).filter((l) => WRITE.test(l.text));
  if (refused.length === 0) return undefined;
  return {
    id: 'write-back-not-consented',
    title: `Write-back not consented: ${refused.length} grant/revoke refusal(s)`,
    ...cite(refused),
    fix: c.provider ? grantSteps(c.provider, []) : generic('grant the connector app the write permissions provisioning needs'),
  };
};

function credential(c: LogContext, id: 'expired-secret' | 'invalid-secret'): Finding | undefined {
  const expired = matching(c, EXPIRED);
  const lines = id === 'expired-secret' ? expired : matching(c, INVALID, EXPIRED).filter((l) => !DAEMON_LINE.test(l.text));
  if (lines.length === 0) return undefined;
  const provider = c.provider;
  return id === 'expired-secret'
    ? {
        id,
        title: 'Expired credential: the provider refused a secret or key that has expired',
        ...cite(lines),
        fix: provider ? renewSecretSteps(provider) : generic('create a new secret or key'),
      }
    : {
        id,
        title: 'Invalid credential: the provider refused the secret or key as wrong',
        ...cite(lines),
        fix: provider ? fixSecretSteps(provider) : generic('copy the secret (its value, not its id) again'),
      };
}

export const authDetectors: LogDetector[] = [
  consentMissing,
  permissionMissing,
  writeBackNotConsented,
  (c) => credential(c, 'expired-secret'),
  (c) => credential(c, 'invalid-secret'),
];
