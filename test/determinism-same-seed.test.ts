/**
 * Same seed, same faults, same requests: the same journal (apart from latency and arrival time) and the
 * same response bodies, on every provider. A probabilistic fault is included so seeded fault decisions are
 * checked too.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../mocks/core/journal.js';
import { awsFixture } from '../mocks/aws/test-support/aws-fixture.test-support.js';
import { entraFixture } from '../mocks/entra/test-support/entra-fixture.test-support.js';
import { googleFixture } from '../mocks/google/test-support/google-fixture.test-support.js';
import { scimFixture } from '../mocks/scim/test-support/scim-fixture.test-support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** What must repeat: everything but how long it took and when it arrived. */
const comparable = (entries: readonly JournalEntry[]) => entries.map(({ latencyMs: _l, at: _a, ...rest }) => rest);

/** Runs `session` on a fresh simulator twice and returns both runs' journals and bodies. */
async function twice(session: () => Promise<{ journal: readonly JournalEntry[]; bodies: string[] }>) {
  const first = await session();
  server.resetHandlers();
  const second = await session();
  server.resetHandlers();
  return { first, second };
}

/**
 * A run that must repeat fixes its simulation clock too: Google seals the issue time into page tokens, so
 * with the wall clock a second boundary between the runs changes them. (AWS keeps the real clock: requests
 * are signed with it and checked against the simulation clock.)
 */
const clock = () => new Date('2026-06-01T09:00:00Z');

/** Seeded fault decisions on the listing routes (a throttled token request would end the session early). */
const FAULTS = ['throttle:probability=0.5,retry-after=0,route=*.*.list'];

describe('same seed, same run', () => {
  it('entra', async () => {
    const { first, second } = await twice(async () => {
      const f = entraFixture(server, { clock, seed: 11, faults: FAULTS, shape: { seed: 11, users: 40 } });
      const token = await f.token();
      const bodies: string[] = [];
      for (const path of ['/v1.0/users?$top=7&$select=id,displayName', '/v1.0/groups?$top=5', '/v1.0/users?$top=3']) {
        bodies.push(await (await f.get(path, {}, token)).text());
      }
      return { journal: f.ctx.journal.all(), bodies };
    });
    expect(comparable(second.journal)).toEqual(comparable(first.journal));
    expect(second.bodies).toEqual(first.bodies);
    // The seeded fault fired on some calls and not on others, so its decisions were really compared.
    expect(new Set(first.journal.map((e) => e.fault !== undefined)).size).toBe(2);
  });

  it('google', async () => {
    const { first, second } = await twice(async () => {
      const f = googleFixture(server, { clock, seed: 11, faults: FAULTS, shape: { seed: 11, users: 40 } });
      const bodies: string[] = [];
      const bearer = await f.token();
      for (const path of ['/users?customer=my_customer&maxResults=7', '/groups?customer=my_customer&maxResults=5']) {
        bodies.push(await (await f.call(path, { bearer })).text());
      }
      return { journal: f.ctx.journal.all(), bodies };
    });
    expect(comparable(second.journal)).toEqual(comparable(first.journal));
    expect(second.bodies).toEqual(first.bodies);
    // The seeded fault fired on some calls and not on others, so its decisions were really compared.
    expect(new Set(first.journal.map((e) => e.fault !== undefined)).size).toBe(2);
  });

  it('aws', async () => {
    const { first, second } = await twice(async () => {
      const f = awsFixture(server, { seed: 11, faults: ['throttle:probability=0.5,route=iam.List*'], shape: { seed: 11, users: 40 } });
      const bodies: string[] = [];
      for (const action of ['ListUsers', 'ListGroups', 'ListRoles']) bodies.push(await (await f.query('iam', action, { MaxItems: '7' })).text());
      bodies.push(await (await f.identityStore('ListUsers', { MaxResults: 5 })).text());
      return { journal: f.ctx.journal.all(), bodies };
    });
    expect(comparable(second.journal)).toEqual(comparable(first.journal));
    expect(second.bodies).toEqual(first.bodies);
    // The seeded fault fired on some calls and not on others, so its decisions were really compared.
    expect(new Set(first.journal.map((e) => e.fault !== undefined)).size).toBe(2);
  });

  it('scim', async () => {
    const { first, second } = await twice(async () => {
      const f = scimFixture(server, { clock, seed: 11, faults: FAULTS, shape: { seed: 11, users: 40 } });
      const bodies: string[] = [];
      for (const path of ['/Users?startIndex=1&count=7', '/Users?startIndex=8&count=7', '/Groups?count=3'])
        bodies.push(await (await f.call(path)).text());
      return { journal: f.ctx.journal.all(), bodies };
    });
    expect(comparable(second.journal)).toEqual(comparable(first.journal));
    expect(second.bodies).toEqual(first.bodies);
    // The seeded fault fired on some calls and not on others, so its decisions were really compared.
    expect(new Set(first.journal.map((e) => e.fault !== undefined)).size).toBe(2);
  });
});
