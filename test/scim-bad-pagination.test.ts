/**
 * The `bad-pagination` fault on SCIM index paging, seen by clients that compute each startIndex
 * themselves: what they would collect, and the evidence (echoed startIndex, totalResults, journal) a
 * diagnosis would rely on.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scimFixture, type Json, type ScimFixture } from '../mocks/scim/test-support/scim-fixture.test-support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Page {
  asked: number;
  startIndex: number;
  totalResults: number;
  ids: string[];
}

interface Walk {
  f: ScimFixture;
  pages: Page[];
  ids: string[];
  all: string[];
}

/**
 * Pages users 10 at a time, advancing its own counter until it passes totalResults; `onEmpty: 'retry'`
 * asks for the same startIndex again after an empty page (once), `stop` gives up on one.
 */
async function walk(mode: string, options: { onEmpty?: 'retry' | 'stop'; limit?: number } = {}): Promise<Walk> {
  const f = scimFixture(server, { shape: { users: 25 }, faults: [`bad-pagination:route=scim.users.list,mode=${mode}`] });
  const pages: Page[] = [];
  let asked = 1;
  let retried = false;
  while (pages.length < (options.limit ?? 12)) {
    const { status, body } = await f.json(`/Users?startIndex=${asked}&count=10&attributes=id`);
    expect(status).toBe(200);
    const page: Page = {
      asked,
      startIndex: body.startIndex as number,
      totalResults: body.totalResults as number,
      ids: (body.Resources as Json[]).map((u) => u.id as string),
    };
    pages.push(page);
    if (page.ids.length === 0 && asked <= page.totalResults) {
      if (options.onEmpty === 'stop') break;
      if (options.onEmpty === 'retry' && !retried) {
        retried = true;
        continue;
      }
    }
    retried = false;
    asked += 10;
    if (asked > page.totalResults) break;
  }
  const all = Array.from({ length: 25 }, (_, i) => f.tenant.user(i + 1)!.scimId);
  return { f, pages, ids: pages.flatMap((p) => p.ids), all };
}

describe('bad-pagination on SCIM index paging', () => {
  it('repeat-token: the server ignores startIndex and echoes 1, so the client gets page 1 three times', async () => {
    const w = await walk('repeat-token');
    expect(w.pages.map((p) => [p.asked, p.startIndex])).toEqual([
      [1, 1],
      [11, 1],
      [21, 1],
    ]);
    expect(new Set(w.ids)).toEqual(new Set(w.all.slice(0, 10)));
    expect(w.f.ctx.journal.query({ route: 'scim.users.list', fault: true })).toHaveLength(3);
  });

  it('drop-items: one user silently lost at each page boundary while totalResults says 25', async () => {
    const w = await walk('drop-items');
    expect(w.pages.every((p) => p.totalResults === 25)).toBe(true);
    expect(new Set(w.ids).size).toBe(w.ids.length);
    expect(w.all.filter((id) => !w.ids.includes(id))).toEqual([w.all[10], w.all[20]]);
  });

  it('duplicate-across-pages: each later page starts with the previous last user; nothing lost', async () => {
    const w = await walk('duplicate-across-pages');
    expect(new Set(w.ids)).toEqual(new Set(w.all));
    expect(w.ids.length).toBe(27);
    expect(w.pages[1]!.ids[0]).toBe(w.pages[0]!.ids.at(-1));
  });

  it('total-mismatch: later pages claim 35, so the client asks past the end and gets an empty page', async () => {
    const w = await walk('total-mismatch');
    expect(w.pages.map((p) => p.totalResults)).toEqual([25, 35, 35, 35]);
    expect(w.pages.at(-1)!.ids).toEqual([]);
    expect(w.ids).toEqual(w.all);
  });

  it('unstable-order: shuffled pages that resume off the true boundary', async () => {
    const w = await walk('unstable-order');
    expect(w.ids).not.toEqual(w.all);
    expect(new Set(w.pages[0]!.ids)).toEqual(new Set(w.all.slice(0, 10)));
    const missedOrRepeated = w.all.filter((id) => w.ids.filter((x) => x === id).length !== 1);
    expect(missedOrRepeated.length).toBeGreaterThan(0);
  });

  it('empty-page-with-token: a client that stops on an empty page loses the rest; one that asks again gets all', async () => {
    const stopper = await walk('empty-page-with-token', { onEmpty: 'stop' });
    expect(stopper.pages.map((p) => p.ids.length)).toEqual([10, 0]);
    expect(stopper.pages[1]!.totalResults).toBe(25);
    const retrier = await walk('empty-page-with-token', { onEmpty: 'retry' });
    expect(retrier.pages.map((p) => p.ids.length)).toEqual([10, 0, 10, 0, 5]);
    expect(retrier.ids).toEqual(retrier.all);
  });

  it('refuses Entra modes that have no index-paging form, naming them', async () => {
    const f = scimFixture(server, { faults: ['bad-pagination:mode=cycle'] });
    const response = await f.call('/Users');
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('mode=cycle does not apply to SCIM index paging');
  });
});
