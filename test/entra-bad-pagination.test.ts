/**
 * The `bad-pagination` fault, mode by mode, seen by a client that follows next links verbatim: what a
 * connector would collect, and the evidence (tokens, journal) a diagnosis would rely on.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { entraFixture, graphError } from '../mocks/entra/test-support/entra-fixture.test-support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Walk {
  pages: Array<{ ids: string[]; token: string | null; next?: string }>;
  ids: string[];
  /** Set when the walk stopped on an error answer. */
  error?: { status: number; code: string };
}

/** Follows next links like an SDK does, for at most `limit` pages. */
async function walk(mode: string, limit = 12): Promise<Walk & { all: string[] }> {
  const f = entraFixture(server, { shape: { users: 25 }, faults: [`bad-pagination:route=graph.users.list,mode=${mode}`] });
  const token = await f.token();
  const out: Walk = { pages: [], ids: [] };
  let url: string | undefined = 'https://graph.microsoft.com/v1.0/users?$top=10&$select=id';
  while (url && out.pages.length < limit) {
    const { status, body } = await f.json(url, {}, token);
    if (status !== 200) {
      out.error = { status, code: graphError(body).code };
      break;
    }
    const ids = (body.value as Array<{ id: string }>).map((u) => u.id);
    out.pages.push({ ids, token: new URL(url).searchParams.get('$skiptoken'), next: body['@odata.nextLink'] as string | undefined });
    out.ids.push(...ids);
    url = body['@odata.nextLink'] as string | undefined;
  }
  const all = Array.from({ length: 25 }, (_, i) => f.tenant.user(i + 1)!.objectId);
  expect(f.ctx.journal.query({ route: 'graph.users.list', fault: true }).length).toBeGreaterThan(0);
  return { ...out, all };
}

const tokenOf = (link: string | undefined) => (link ? new URL(link).searchParams.get('$skiptoken') : null);

describe('bad-pagination', () => {
  it('repeat-token: the second page links to its own token, forever', async () => {
    const w = await walk('repeat-token', 5);
    expect(w.pages).toHaveLength(5);
    expect(tokenOf(w.pages[1]!.next)).toBe(w.pages[1]!.token);
    expect(w.pages.slice(2).every((p) => p.ids.join() === w.pages[1]!.ids.join())).toBe(true);
  });

  it('cycle: page 3 links back to page 1 with a different-looking token', async () => {
    const w = await walk('cycle', 6);
    expect(w.pages).toHaveLength(6);
    expect(w.pages[3]!.ids).toEqual(w.pages[0]!.ids);
    expect(new Set(w.pages.map((p) => p.token)).size).toBeGreaterThan(2);
  });

  it('empty-page-with-token: empty pages in between, nothing lost for a client that keeps going', async () => {
    const w = await walk('empty-page-with-token');
    expect(w.pages.some((p) => p.ids.length === 0 && p.next)).toBe(true);
    expect(w.ids).toEqual(w.all);
  });

  it('duplicate-across-pages: each next page repeats the last item', async () => {
    const w = await walk('duplicate-across-pages');
    expect(new Set(w.ids)).toEqual(new Set(w.all));
    expect(w.ids.length).toBeGreaterThan(w.all.length);
    expect(w.pages[1]!.ids[0]).toBe(w.pages[0]!.ids.at(-1));
  });

  it('drop-items: silently loses one item per page boundary', async () => {
    const w = await walk('drop-items');
    expect(new Set(w.ids).size).toBe(w.ids.length);
    expect(w.ids.length).toBeLessThan(w.all.length);
    expect(w.all.filter((id) => !w.ids.includes(id))).toEqual([w.all[10], w.all[21]]);
  });

  it('stale-token: the first next link fails with Directory_ExpiredPageToken', async () => {
    const w = await walk('stale-token');
    expect(w.pages).toHaveLength(1);
    expect(w.error).toEqual({ status: 400, code: 'Directory_ExpiredPageToken' });
  });

  it('unstable-order: pages come shuffled and resume off by a few', async () => {
    const w = await walk('unstable-order');
    const sameSet = new Set(w.ids).size === w.all.length && w.ids.length === w.all.length;
    expect(sameSet).toBe(false);
    expect(w.ids.every((id) => w.all.includes(id))).toBe(true);
  });
});
