/**
 * The `bad-pagination` fault on the Directory API, mode by mode, seen by a client that follows
 * nextPageToken: what a connector would collect, and the evidence (tokens, journal) a diagnosis needs.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiError, googleFixture } from '../mocks/google/test-support/google-fixture.test-support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Walk {
  pages: Array<{ ids: string[]; token: string | null; next?: string; keys: string[] }>;
  ids: string[];
  all: string[];
  error?: { status: number; reason: string };
}

/** Follows nextPageToken for at most `limit` pages of 10 over a 25-user tenant. */
async function walk(mode: string, limit = 12): Promise<Walk> {
  const f = googleFixture(server, { shape: { users: 25 }, faults: [`bad-pagination:route=google.users.list,mode=${mode}`] });
  const token = await f.token();
  const out: Walk = { pages: [], ids: [], all: Array.from({ length: 25 }, (_, i) => f.tenant.user(i + 1)!.googleId) };
  let pageToken: string | null = null;
  while (out.pages.length < limit) {
    const { status, body } = await f.json(`/users?customer=my_customer&maxResults=10${pageToken ? `&pageToken=${pageToken}` : ''}`, {
      bearer: token,
    });
    if (status !== 200) {
      out.error = { status, reason: apiError(body).errors[0]!.reason! };
      break;
    }
    const ids = ((body.users as Array<{ id: string }> | undefined) ?? []).map((u) => u.id);
    out.pages.push({ ids, token: pageToken, next: body.nextPageToken as string | undefined, keys: Object.keys(body) });
    out.ids.push(...ids);
    if (!body.nextPageToken) break;
    pageToken = body.nextPageToken as string;
  }
  expect(f.ctx.journal.query({ route: 'google.users.list', fault: true }).length).toBeGreaterThan(0);
  return out;
}

describe('bad-pagination on users.list', () => {
  it('repeat-token: page 2 hands back its own token, forever', async () => {
    const w = await walk('repeat-token', 5);
    expect(w.pages).toHaveLength(5);
    expect(w.pages[1]!.next).toBe(w.pages[1]!.token);
    expect(w.pages.slice(2).every((p) => p.ids.join() === w.pages[1]!.ids.join())).toBe(true);
  });

  it('cycle: page 3 leads back to page 1', async () => {
    const w = await walk('cycle', 5);
    expect(w.pages[3]!.ids).toEqual(w.pages[0]!.ids);
    expect(w.pages).toHaveLength(5);
  });

  it('empty-page-with-token: an empty page has no users array but a token, and nothing is lost', async () => {
    const w = await walk('empty-page-with-token');
    const empty = w.pages.filter((p) => p.ids.length === 0);
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.every((p) => !p.keys.includes('users') && p.next)).toBe(true);
    expect(w.ids).toEqual(w.all);
  });

  it('duplicate-across-pages and drop-items: duplicates, then silent loss', async () => {
    const dup = await walk('duplicate-across-pages');
    expect(dup.ids.length).toBeGreaterThan(25);
    expect(new Set(dup.ids)).toEqual(new Set(dup.all));
    const drop = await walk('drop-items');
    expect(drop.ids.length).toBeLessThan(25);
    expect(new Set(drop.ids).size).toBe(drop.ids.length);
  });

  it('stale-token: the first nextPageToken is refused with 400 invalid', async () => {
    const w = await walk('stale-token');
    expect(w.pages).toHaveLength(1);
    expect(w.error).toEqual({ status: 400, reason: 'invalid' });
  });

  it('unstable-order: pages come shuffled and overlap or miss', async () => {
    const w = await walk('unstable-order');
    expect(w.ids).not.toEqual(w.all);
    expect(w.ids.every((id) => w.all.includes(id))).toBe(true);
  });
});
