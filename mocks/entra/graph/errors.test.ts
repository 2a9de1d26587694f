import { describe, expect, it } from 'vitest';
import { createContext } from '../../core/context.js';
import type { RouteCall } from '../../faults/engine.js';
import { createTenant } from '../../tenant/store.js';
import { graphDate, graphErrorResponse, graphErrors } from './errors.js';

describe('Graph error answers', () => {
  const ctx = createContext({ tenant: createTenant({ users: 1 }), seed: 9, clock: () => new Date('2030-02-03T04:05:06.789Z') });
  const call = (headers?: Record<string, string>): RouteCall => ({
    provider: 'entra',
    route: 'graph.users.list',
    method: 'GET',
    url: new URL('https://graph.microsoft.com/v1.0/users'),
    headers: new Headers(headers),
  });

  it('writes code, message and innerError with ids and a zone-less date, as application/json', async () => {
    const response = graphErrorResponse(ctx, call(), graphErrors.denied());
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as { error: { code: string; message: string; innerError: Record<string, string> } };
    expect(body.error.code).toBe('Authorization_RequestDenied');
    expect(body.error.message).toBe('Insufficient privileges to complete the operation.');
    expect(body.error.innerError.date).toBe('2030-02-03T04:05:06');
    expect(body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // Without a client id, Graph repeats the request id.
    expect(body.error.innerError['client-request-id']).toBe(body.error.innerError['request-id']);
  });

  it("echoes the client's request id", async () => {
    const body = (await graphErrorResponse(ctx, call({ 'client-request-id': 'mine' }), graphErrors.notFound('x')).json()) as {
      error: { innerError: Record<string, string> };
    };
    expect(body.error.innerError['client-request-id']).toBe('mine');
  });

  it('formats dates without milliseconds or zone', () => {
    expect(graphDate(new Date('2024-01-01T00:00:00.999Z'))).toBe('2024-01-01T00:00:00');
  });
});
