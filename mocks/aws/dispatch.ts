/**
 * IAM, STS and Identity Store all answer `POST /`, so one MSW handler per base URL looks inside the
 * request to pick the action's route: Identity Store by `x-amz-target: AWSIdentityStore.<Operation>`,
 * the Query services by the form's `Action`. When IAM and STS share a base (the `awsProvider` serves
 * everything on one URL), the SigV4 credential scope's service (`iam` or `sts`) decides, then the action
 * name. The chosen route runs through MSW's `getResponse`, so it journals and takes faults like any route.
 */
import { getResponse, http, type HttpHandler } from 'msw';
import { DEFAULT_MAX_BODY_BYTES, declaredLength, limitBody } from '../core/body-limit.js';
import type { AwsService } from './env.js';
import { TARGET_PREFIX } from './identitystore/json-protocol.js';
import { queryParams } from './query/query-protocol.js';
import type { RoutedAction } from './query/query-route.js';

export interface ServiceEndpoint {
  service: AwsService;
  actions: RoutedAction[];
  /** Answers an action or operation the simulator does not implement, in the service's dialect. */
  unknown: HttpHandler;
}

/** Actions that only STS has; anything else in a Query request without a telling scope goes to IAM. */
const STS_ACTIONS = new Set([
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'GetCallerIdentity',
  'GetSessionToken',
  'GetFederationToken',
  'GetAccessKeyInfo',
  'DecodeAuthorizationMessage',
]);

export function dispatcher(base: string, endpoints: ServiceEndpoint[]): HttpHandler {
  const byService = new Map(endpoints.map((e) => [e.service, { endpoint: e, actions: new Map(e.actions.map((a) => [a.action, a.handler])) }]));
  return http.post(`${base}/`, async ({ request }) => {
    const { service, action } = await classify(request.clone(), new Set(byService.keys()));
    const chosen = byService.get(service) ?? byService.values().next().value!;
    const handler = (action !== undefined ? chosen.actions.get(action) : undefined) ?? chosen.endpoint.unknown;
    return (await getResponse([handler], request)) ?? new Response('sync-harness: AWS route did not answer', { status: 500 });
  });
}

async function classify(request: Request, hosted: ReadonlySet<AwsService>): Promise<{ service: AwsService; action?: string }> {
  const target = request.headers.get('x-amz-target');
  if (target !== null) return { service: 'identitystore', action: target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined };
  const action = queryParams(new URL(request.url), await actionForm(request)).get('Action') ?? undefined;
  const scoped = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(request.headers.get('authorization') ?? '')?.[1];
  if ((scoped === 'iam' || scoped === 'sts') && hosted.has(scoped)) return { service: scoped, action };
  if (action !== undefined && STS_ACTIONS.has(action) && hosted.has('sts')) return { service: 'sts', action };
  return { service: hosted.has('iam') ? 'iam' : 'sts', action };
}

/**
 * The form, read within the services' body limit. An oversized one names no action: the service's catch-all
 * route then refuses it with its own 413 (route() holds every endpoint to the limit).
 */
async function actionForm(request: Request): Promise<string> {
  if ((declaredLength(request.headers) ?? 0) > DEFAULT_MAX_BODY_BYTES) return '';
  try {
    return await limitBody(request, DEFAULT_MAX_BODY_BYTES).request.text();
  } catch {
    return '';
  }
}
