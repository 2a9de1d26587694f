/**
 * `throttle:bucket=` on Graph: directory throttling as a token bucket of resource units, each call costing
 * Graph's documented weight (/users 2, members 3, transitiveMembers 5, `$select` -1, `$top` < 20 -1), with
 * `Retry-After` saying how long until the bucket holds enough. Time is the injected simulation clock.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entraFixture } from '../mocks/entra/test-support/entra-fixture.test-support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

function movableClock() {
  let now = Date.parse('2026-06-01T09:00:00Z');
  const clock = () => new Date(now);
  return Object.assign(clock, { advance: (ms: number) => (now += ms) });
}

describe('token-bucket throttling on Graph', () => {
  it('spends each call its resource units, refuses when short with the wait, and refills with time', async () => {
    server.resetHandlers();
    const clock = movableClock();
    const f = entraFixture(server, { clock, faults: ['throttle:bucket=10,refill=1,route=graph.*'] });
    const token = await f.token();
    const users = async (query = '') => (await f.get(`/v1.0/users${query}`, {}, token)).status;
    // 10 units: five /users calls at 2 units each.
    expect([await users(), await users(), await users(), await users(), await users()]).toEqual([200, 200, 200, 200, 200]);
    const refused = await f.get('/v1.0/users', {}, token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.headers.get('x-ms-resource-unit')).toBe('2');
    clock.advance(1000); // one unit back: a `$select` call costs 1 and passes, a plain one still does not
    expect(await users('?$select=id')).toBe(200);
    expect(await users()).toBe(429);
    clock.advance(2000);
    expect(await users()).toBe(200);
    expect(f.ctx.journal.query({ fault: true }).map((e) => e.fault)).toEqual([
      'throttle:bucket=10,refill=1,route=graph.*',
      'throttle:bucket=10,refill=1,route=graph.*',
    ]);
  });

  it('costs members 3 and transitiveMembers 5', async () => {
    server.resetHandlers();
    const clock = movableClock();
    const f = entraFixture(server, { clock, faults: ['throttle:bucket=8,refill=1,route=graph.groups.*'] });
    const token = await f.token();
    const groups = ((await (await f.get('/v1.0/groups?$top=1', {}, token)).json()) as { value: Array<{ id: string }> }).value;
    const id = groups[0]!.id;
    // The groups call itself costs 1 ($top < 20 takes one off, minimum 1): 7 left.
    expect((await f.get(`/v1.0/groups/${id}/transitiveMembers`, {}, token)).status).toBe(200); // 2 left
    const members = await f.get(`/v1.0/groups/${id}/members`, {}, token);
    expect(members.status).toBe(429);
    expect(members.headers.get('retry-after')).toBe('1');
  });
});
