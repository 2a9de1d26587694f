/**
 * The Entra connector's HTTP client against the simulator: the client-credentials request, the token cache
 * (kept until five minutes before expiry), and HTTP failures turned into ConnectorHttpError with the
 * server's Retry-After.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EntraClient, parseRetryAfter } from '../connectors/entra/index.js';
import { ConnectorHttpError } from '../c1z/contract/sync-errors.js';
import { entraFixture, type EntraFixture } from '../mocks/entra/test-support/entra-fixture.test-support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function clientFor(f: EntraFixture, now: () => Date = () => new Date()) {
  return new EntraClient({ ...f.sim.credentials, authority: f.sim.authority, graphBase: f.sim.bases.graph, now });
}

describe('the Entra client', () => {
  it('caches the token until five minutes before it expires', async () => {
    const f = entraFixture(server);
    let now = Date.parse('2026-06-01T09:00:00Z');
    const client = clientFor(f, () => new Date(now));
    const first = await client.token();
    expect(await client.token()).toBe(first);
    // The simulator's tokens live 3599 s: at 3599 - 300 - 1 s still cached, at 3599 - 300 s renewed.
    now += (3599 - 300 - 1) * 1000;
    await client.token();
    expect(client.tokenRequests).toBe(1);
    now += 1000;
    await client.token();
    expect(client.tokenRequests).toBe(2);
    expect(f.ctx.journal.query({ route: 'entra.token', status: 200 })).toHaveLength(2);
  });

  it('reads Graph with the bearer token', async () => {
    const f = entraFixture(server);
    const page = await clientFor(f).get<{ value: Array<{ id: string }> }>('/v1.0/users?$select=id&$top=5');
    expect(page.value.map((u) => u.id)).toEqual([1, 2, 3, 4, 5].map((seq) => f.tenant.user(seq)!.objectId));
  });

  it('turns a 429 into an Unavailable ConnectorHttpError carrying Retry-After', async () => {
    const f = entraFixture(server, { faults: ['throttle:route=graph.users.list,retry-after=7'] });
    const error = await clientFor(f)
      .get('/v1.0/users')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorHttpError);
    expect(error).toMatchObject({ status: 429, code: 'Unavailable', retryAfterSeconds: 7 });
  });

  it('turns a refused client secret into an Unauthenticated error naming the AADSTS code', async () => {
    const f = entraFixture(server);
    const client = new EntraClient({ ...f.sim.credentials, clientSecret: 'wrong', authority: f.sim.authority, graphBase: f.sim.bases.graph });
    const error = await client.token().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'Unauthenticated' });
    expect((error as Error).message).toMatch(/AADSTS7000215/);
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toEqual({ retryAfterSeconds: 3 });
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT')).toEqual({ resetAt: new Date('2026-10-21T07:28:00Z') });
    expect(parseRetryAfter(null)).toEqual({});
    expect(parseRetryAfter('soon')).toEqual({});
  });
});
