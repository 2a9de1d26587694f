/**
 * AWS simulator: IAM (Query API, XML), STS and IAM Identity Center's Identity Store (awsJson 1.1), with
 * real SigV4 verification. Entry point:
 *
 *   const sim = createAwsSimulator(ctx, { allowedActions, writeBack, bases });
 *   setupServer(...sim.handlers);   // or serve on loopback with bases pointing there
 *   new IAMClient({ region: 'us-east-1', credentials: sim.credentials });
 *
 * Faults it understands beyond the generic ones (throttle: IAM/STS HTTP 400 `Throttling`, Identity Store
 * `ThrottlingException`; server-error; latency; ...): expired-secret and revoked-credential (the long-term
 * access key stops being recognised: InvalidClientTokenId), partial-consent (`missing=iam:ListGroups|...`
 * takes actions away: AccessDenied), bad-pagination (`mode=`, on Markers and NextTokens; the pager is
 * mocks/core/paging/pager.ts), each mode on AWS's wire:
 *   repeat-token            the next Marker/NextToken is the request's own (endless loop unless the
 *                           client stops on a repeated token; SDK paginators only do with stopOnSameToken)
 *   cycle                   page 3 (or the last page) links back to page 1 (A->B->C->A)
 *   empty-page-with-token   an empty page whose token resumes where it should (clients that stop on an
 *                           empty page lose the rest)
 *   duplicate-across-pages  each next page starts with the previous page's last item again
 *   drop-items              each next token skips one item (silent loss)
 *   stale-token             following any token fails (IAM: ValidationError "Invalid Marker.";
 *                           Identity Store: ValidationException)
 *   unstable-order          items come shuffled and each next token resumes a seeded few items early
 *                           or late (duplicates and misses)
 * Route names: `iam.<Action>`, `sts.<Action>`, `identitystore.<Operation>`.
 *
 * Guessed where no primary source was found (each noted where it is decided): the IAM invalid-Marker
 * answer (ValidationError "Invalid Marker."), Identity Store's bad NextToken, unknown store and unknown
 * group answers, its authentication error codes and statuses (DynamoDB's awsJson set, all 400) and its
 * throttle status (400), `ServiceUnavailable` for IAM 5xx other than 500, `MissingAction`, RemoveUserFromGroup
 * of a non-member succeeding.
 */
import { hostsOf, type ProviderFactory } from '../core/served-provider.js';
import { createAwsSimulator } from './simulator.js';

export { createAwsSimulator } from './simulator.js';
export { defaultBases } from './env.js';
export type { AwsSimulator, AwsSimulatorOptions } from './simulator.js';
export type { AwsCredentials, AwsAccount } from './credentials.js';
export type { AwsBases } from './env.js';
export { DEFAULT_READ_ACTIONS, WRITE_ACTIONS } from './auth/action-policy.js';
export { BAD_PAGINATION_MODES, type BadPaginationMode } from '../core/paging/pager.js';
export { signRequest } from './sigv4/signature.js';

/** For `serve` and scenario runs: IAM, STS and Identity Store all on one base URL. */
export const awsProvider: ProviderFactory = (ctx, baseUrl, settings) => {
  const sim = createAwsSimulator(ctx, {
    bases: baseUrl === undefined ? undefined : { iam: baseUrl, sts: baseUrl, identityStore: baseUrl },
    writeBack: settings?.writeBack,
    allowedActions: settings?.permissions && [...settings.permissions],
  });
  return {
    handlers: sim.handlers,
    hosts: hostsOf(sim.bases.iam, sim.bases.sts, sim.bases.identityStore),
    granted: sim.allowedActions,
    credentials: { ...sim.credentials, endpoint: sim.bases.iam },
  };
};
