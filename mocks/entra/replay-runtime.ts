/**
 * Entra's fault dialects for recorded calls: the login host answers as the STS, Graph as Graph, whose
 * throttle headers name the app and tenant (`x-ms-throttle-scope`), taken from the recorded token request.
 */
import type { SimContext } from '../core/context.js';
import type { RecordedCall } from '../core/provider-descriptor.js';
import type { ProviderRuntime } from '../core/route.js';
import { stsDialect } from './auth/sts-dialect.js';
import type { EntraApp } from './credentials.js';
import { PROVIDER } from './env.js';
import { graphDialect, resourceUnits } from './graph/graph-dialect.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ZERO = '00000000-0000-0000-0000-000000000000';

export function entraReplayRuntime(ctx: SimContext, host: string, requests: readonly RecordedCall[]): ProviderRuntime {
  if (host.toLowerCase().startsWith('login.')) return { provider: PROVIDER, ctx, dialect: stsDialect(ctx, `https://${host}`) };
  return { provider: PROVIDER, ctx, dialect: graphDialect(ctx, recordedApp(requests)), cost: resourceUnits };
}

/** The app of the first recorded token request (already mapped), else zeros. */
function recordedApp(requests: readonly RecordedCall[]): EntraApp {
  let tenantId = ZERO;
  let clientId = ZERO;
  for (const request of requests) {
    const url = new URL(request.url);
    if (url.hostname !== 'login.microsoftonline.com' || !url.pathname.endsWith('/token')) continue;
    const tenant = url.pathname.split('/')[1] ?? '';
    if (GUID.test(tenant)) tenantId = tenant;
    const form = request.body && !(request.contentType ?? '').includes('json') ? new URLSearchParams(request.body) : undefined;
    const client = form?.get('client_id');
    if (client) clientId = client;
    break;
  }
  return { tenantId, clientId, clientSecret: '', domain: '', displayName: 'recorded app', servicePrincipalId: ZERO, secretId: ZERO };
}
