/**
 * Authentication and authorization as every AWS route applies them, whatever its protocol: the
 * credential faults (`expired-secret`, `revoked-credential`: the long-term key stops being recognised),
 * SigV4 by the simulation clock, then the identity policy less whatever `partial-consent` takes away.
 */
import type { FaultProbe } from '../../core/endpoint.js';
import type { AwsEnv, AwsService } from '../env.js';
import { notAuthorizedMessage, parseMissing } from './action-policy.js';
import { authenticate } from './authenticate.js';
import type { AccessKey } from './key-store.js';
import type { Principal } from './principal.js';

export function authenticateCall(env: AwsEnv, request: Request, body: string, service: AwsService, fault: FaultProbe): AccessKey {
  return authenticate({
    request: { method: request.method, url: new URL(request.url), headers: request.headers, body },
    service,
    // IAM is global and always signed for us-east-1 (reference C1, G10); the others sign for their region.
    region: service === 'iam' ? 'us-east-1' : env.region,
    now: env.ctx.clock(),
    keys: env.keys,
    longTermKeyRevoked: () => Boolean(fault(['expired-secret', 'revoked-credential'])),
  });
}

/**
 * The denial message when the caller may not perform `action` on `resource`, else undefined. Writes also
 * need the simulator's `writeBack`, whatever the policy says, so a read-only run can never change the tenant.
 */
export function denial(env: AwsEnv, principal: Principal, action: string, resource: string, write: boolean, fault: FaultProbe): string | undefined {
  let policy = env.allowed;
  const consent = fault(['partial-consent']);
  if (consent) policy = policy.without(parseMissing(consent.spec.params.missing));
  if (policy.allows(action) && (!write || env.writeBack)) return undefined;
  return notAuthorizedMessage(principal.arn, action, resource);
}
