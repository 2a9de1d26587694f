/**
 * The `bad-pagination` fault on IAM Markers and Identity Store NextTokens, seen through the official
 * SDK clients: each mode breaks the continuation the way real paging has gone wrong for connectors.
 * Short IAM pages are turned off here so page boundaries are exact.
 */
import { ListUsersCommand, paginateListUsers, type IAMClient } from '@aws-sdk/client-iam';
import { ListUsersCommand as ListStoreUsersCommand } from '@aws-sdk/client-identitystore';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { awsFixture } from '../mocks/aws/test-support/aws-fixture.test-support.js';
import { sdkClients } from '../mocks/aws/test-support/sdk-clients.test-support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function setup(mode?: string, route = 'iam.ListUsers') {
  const fixture = awsFixture(server, {
    shape: { users: 30 },
    sim: { shortPages: false },
    faults: mode ? [`bad-pagination:route=${route},mode=${mode}`] : [],
  });
  const expected = fixture.tenant.users({ limit: 100 }).items.map((u) => u.awsId);
  return { ...fixture, ...sdkClients(fixture.sim), expected };
}

/** Follows Markers by hand for at most `limit` pages. */
async function follow(iam: IAMClient, limit = 8): Promise<{ pages: string[][]; markers: Array<string | undefined> }> {
  const pages: string[][] = [];
  const markers: Array<string | undefined> = [];
  let marker: string | undefined;
  for (let i = 0; i < limit; i++) {
    const out = await iam.send(new ListUsersCommand({ MaxItems: 10, Marker: marker }));
    pages.push((out.Users ?? []).map((u) => u.UserId!));
    markers.push(out.Marker);
    expect(out.IsTruncated).toBe(out.Marker !== undefined);
    if (!out.Marker) break;
    marker = out.Marker;
  }
  return { pages, markers };
}

describe('bad-pagination on IAM Markers', () => {
  it('pages exactly without the fault', async () => {
    const { iam, expected } = setup();
    const { pages } = await follow(iam);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10]);
    expect(pages.flat()).toEqual(expected);
  });

  it('repeat-token hands the same Marker back; stopOnSameToken is what ends the loop', async () => {
    const { iam, ctx } = setup('repeat-token');
    const { markers } = await follow(iam, 4);
    expect(markers[2]).toBe(markers[1]);
    expect(markers[3]).toBe(markers[1]);
    let pages = 0;
    for await (const page of paginateListUsers({ client: iam, pageSize: 10, stopOnSameToken: true }, {})) pages += page.Users ? 1 : 0;
    expect(pages).toBe(2);
    expect(ctx.journal.query({ route: 'iam.ListUsers', fault: true }).length).toBeGreaterThan(0);
  });

  it('cycle leads from page 3 back to page 1', async () => {
    const { iam, expected } = setup('cycle');
    const { pages } = await follow(iam, 5);
    expect(pages.map((p) => p[0])).toEqual([expected[0], expected[10], expected[20], expected[0], expected[10]]);
  });

  it('empty-page-with-token serves empty truncated pages between real ones', async () => {
    const { iam, expected } = setup('empty-page-with-token');
    const { pages } = await follow(iam);
    expect(pages.map((p) => p.length)).toEqual([0, 10, 0, 10, 0, 10]);
    expect(pages.flat()).toEqual(expected);
  });

  it('duplicate-across-pages repeats each boundary item', async () => {
    const { iam, expected } = setup('duplicate-across-pages');
    const flat = (await follow(iam)).pages.flat();
    expect(flat.length).toBeGreaterThan(expected.length);
    expect(new Set(flat)).toEqual(new Set(expected));
  });

  it('drop-items silently loses an item at each boundary', async () => {
    const { iam, expected } = setup('drop-items');
    const flat = (await follow(iam)).pages.flat();
    expect(expected.filter((id) => !flat.includes(id))).toEqual([expected[10], expected[21]]);
  });

  it('stale-token refuses every Marker with ValidationError "Invalid Marker."', async () => {
    const { iam } = setup('stale-token');
    const first = await iam.send(new ListUsersCommand({ MaxItems: 10 }));
    const error = (await iam.send(new ListUsersCommand({ MaxItems: 10, Marker: first.Marker })).catch((e: unknown) => e)) as Error & {
      $metadata: { httpStatusCode: number };
    };
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('Invalid Marker.');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('unstable-order shuffles pages and resumes off the boundary', async () => {
    const { iam, expected } = setup('unstable-order');
    const { pages } = await follow(iam);
    expect(pages.flat()).not.toEqual(expected);
    expect(pages[0]!.slice().sort()).toEqual(expected.slice(0, 10).sort());
  });

  it('refuses a tampered Marker, and one from another listing', async () => {
    const { iam } = setup();
    const first = await iam.send(new ListUsersCommand({ MaxItems: 5 }));
    const tampered = await iam.send(new ListUsersCommand({ Marker: `x${first.Marker!.slice(1)}` })).catch((e: Error) => e);
    expect((tampered as Error).name).toBe('ValidationError');
    const foreign = await iam.send(new ListUsersCommand({ PathPrefix: '/service/', Marker: first.Marker })).catch((e: Error) => e);
    expect((foreign as Error).message).toBe('Invalid Marker.');
  });
});

describe('bad-pagination on Identity Store NextTokens', () => {
  const scim = (fixture: ReturnType<typeof setup>) => fixture.tenant.users({ limit: 100 }).items.map((u) => u.scimId);

  async function followStore(fixture: ReturnType<typeof setup>, limit = 8): Promise<string[][]> {
    const pages: string[][] = [];
    let token: string | undefined;
    for (let i = 0; i < limit; i++) {
      const out = await fixture.identityStore.send(
        new ListStoreUsersCommand({ IdentityStoreId: fixture.sim.credentials.identityStoreId, MaxResults: 10, NextToken: token }),
      );
      pages.push((out.Users ?? []).map((u) => u.UserId!));
      if (!out.NextToken) break;
      token = out.NextToken;
    }
    return pages;
  }

  it('drop-items loses items at the boundaries', async () => {
    const fixture = setup('drop-items', 'identitystore.ListUsers');
    const flat = (await followStore(fixture)).flat();
    expect(scim(fixture).filter((id) => !flat.includes(id))).toHaveLength(2);
  });

  it('stale-token answers ValidationException', async () => {
    const fixture = setup('stale-token', 'identitystore.ListUsers');
    const error = await followStore(fixture).catch((e: Error) => e);
    expect((error as Error).name).toBe('ValidationException');
    expect((error as Error).message).toBe('Invalid NextToken.');
  });

  it('empty-page-with-token still reaches everyone', async () => {
    const fixture = setup('empty-page-with-token', 'identitystore.ListUsers');
    const pages = await followStore(fixture);
    expect(pages.filter((p) => p.length === 0)).toHaveLength(3);
    expect(pages.flat()).toEqual(scim(fixture));
  });
});
