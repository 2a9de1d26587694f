/**
 * Every Identity Store operation goes through {@link jsonOperation}: the JSON body parsed, SigV4
 * verified, `identitystore:<Operation>` authorized on the identity store's ARN (AccessDeniedException with
 * HTTP 400, as observed in the wild though the model says 403: reference C5), the store id checked, then
 * the operation run. Each operation is its own route (`identitystore.ListUsers`).
 */
import type { HttpHandler } from 'msw';
import { endpointFaults, type FaultProbe } from '../../core/endpoint.js';
import type { PageFacts } from '../../core/journal.js';
import { route, type RouteResult } from '../../core/route.js';
import type { RouteCall } from '../../faults/engine.js';
import { authFailure } from '../auth/auth-errors.js';
import { AuthFailure } from '../auth/authenticate.js';
import { authenticateCall, denial } from '../auth/call-auth.js';
import type { Principal } from '../auth/principal.js';
import { requestId } from '../call-ids.js';
import type { AwsEnv } from '../env.js';
import { AwsFailure, constraintMessage } from '../failure.js';
import type { RoutedAction } from '../query/query-route.js';
import { jsonErrorResponse, jsonResponse } from './json-protocol.js';

export interface JsonRequest {
  env: AwsEnv;
  call: RouteCall;
  body: Record<string, unknown>;
  principal: Principal;
  fault: FaultProbe;
}

export interface JsonResult {
  body: Record<string, unknown>;
  items?: number;
  page?: PageFacts;
}

const STORE_ID = /^(d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const identityStoreErrors = {
  validation: (message: string) => new AwsFailure(400, 'ValidationException', message),
  notFound: (resourceType: string, resourceId: string, message: string) =>
    new AwsFailure(404, 'ResourceNotFoundException', message, { ResourceType: resourceType, ResourceId: resourceId }),
};

export function jsonOperation(
  env: AwsEnv,
  base: string,
  operation: string,
  handle: (j: JsonRequest) => Promise<JsonResult> | JsonResult,
): RoutedAction {
  const handler = route(
    env.runtimes.identitystore,
    { name: `identitystore.${operation}`, method: 'POST', url: `${base}/` },
    async ({ request, call }): Promise<RouteResult> => {
      const { fault, done } = endpointFaults(env.ctx.faults, call);
      // A refused listing keeps what it asked, so the doctor can name the page size or token it refused.
      let asked: Record<string, string> | undefined;
      try {
        const text = await request.text();
        const key = authenticateCall(env, request, text, 'identitystore', fault);
        const body = parseBody(text);
        if (operation.startsWith('List')) asked = askedFields(body);
        const storeId = body.IdentityStoreId;
        const resource = `arn:aws:identitystore::${env.account.accountId}:identitystore/${typeof storeId === 'string' ? storeId : ''}`;
        const denied = denial(env, key.principal, `identitystore:${operation}`, resource, false, fault);
        if (denied) throw new AwsFailure(400, 'AccessDeniedException', denied);
        checkStore(env, storeId);
        const out = await handle({ env, call, body, principal: key.principal, fault });
        return done(jsonResponse(out.body), { items: out.items, page: out.page });
      } catch (error) {
        if (error instanceof AuthFailure) return done(jsonErrorResponse(authFailure('json', error), requestId(env.ctx, call)));
        if (error instanceof AwsFailure) {
          return done(jsonErrorResponse(error, requestId(env.ctx, call)), {
            refusal: { code: error.code, message: error.message },
            ...(asked ? { page: { asked } } : {}),
          });
        }
        throw error;
      }
    },
  );
  return { action: operation, handler };
}

/** Answers an `x-amz-target` naming an operation this simulator does not implement. */
export function unknownJsonOperation(env: AwsEnv, base: string): HttpHandler {
  return route(env.runtimes.identitystore, { name: 'identitystore.unknown', method: 'POST', url: `${base}/` }, ({ request, call }) => {
    const target = request.headers.get('x-amz-target') ?? '';
    return jsonErrorResponse(new AwsFailure(400, 'UnknownOperationException', `Unknown operation ${target}`), requestId(env.ctx, call));
  });
}

/** The request body's fields as strings for the journal (`Filters` as its JSON). */
export function askedFields(body: Record<string, unknown>): Record<string, string> {
  const asked: Record<string, string> = {};
  for (const [name, value] of Object.entries(body))
    if (value !== undefined && value !== null) asked[name] = typeof value === 'string' ? value : JSON.stringify(value);
  return asked;
}

function parseBody(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text || '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AwsFailure(400, 'SerializationException', 'Start of structure or map found where not expected.');
}

/**
 * The store id must be well formed (ValidationException) and this account's store. Another id is
 * answered ResourceNotFoundException (`IDENTITY_STORE`); that choice is not verified.
 */
function checkStore(env: AwsEnv, storeId: unknown): void {
  if (storeId === undefined || storeId === null)
    throw identityStoreErrors.validation(constraintMessage(undefined, 'identityStoreId', 'Member must not be null'));
  if (typeof storeId !== 'string' || !STORE_ID.test(storeId)) {
    throw identityStoreErrors.validation(
      constraintMessage(
        storeId,
        'identityStoreId',
        'Member must satisfy regular expression pattern: ^d-[0-9a-f]{10}$|^[0-9a-f]{8}\\b-[0-9a-f]{4}\\b-[0-9a-f]{4}\\b-[0-9a-f]{4}\\b-[0-9a-f]{12}$',
      ),
    );
  }
  if (storeId !== env.account.identityStoreId) throw identityStoreErrors.notFound('IDENTITY_STORE', storeId, 'Identity Store not found.');
}
