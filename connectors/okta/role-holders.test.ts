import { describe, expect, it } from 'vitest';
import { OktaClient } from './client.js';
import { RoleHolders } from './role-holders.js';

const ORG = 'https://acme.okta.com';
const first = `${ORG}/api/v1/iam/assignees/users?limit=100`;

/** Answers in order; records what was asked. */
function client(answers: Array<{ status?: number; body: unknown; link?: string }>) {
  const asked: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    asked.push(String(input));
    const a = answers.shift();
    if (!a) throw new Error('no more answers');
    return new Response(JSON.stringify(a.body), {
      status: a.status ?? 200,
      headers: { 'content-type': 'application/json', ...(a.link ? { link: a.link } : {}) },
    });
  };
  return { client: new OktaClient({ orgUrl: ORG, auth: { kind: 'ssws', token: 't' }, fetch }), asked };
}

describe('RoleHolders', () => {
  it("walks the assignees once, by the body's _links.next or the Link header, and answers from memory", async () => {
    const second = `${ORG}/api/v1/iam/assignees/users?after=a&limit=100`;
    const third = `${ORG}/api/v1/iam/assignees/users?after=b&limit=100`;
    const c = client([
      { body: { value: [{ id: '00u1' }], _links: { next: { href: second } } } },
      { body: { value: [{ id: '00u2' }], _links: {} }, link: `<${third}>; rel="next"` },
      { body: { value: [{ id: '00u3' }], _links: {} } },
    ]);
    const holders = new RoleHolders(c.client);
    expect(await Promise.all(['00u1', '00u2', '00u3', '00u9'].map((id) => holders.has(id)))).toEqual([true, true, true, false]);
    expect(c.asked).toEqual([first, second, third]);
  });

  it('resumes a walk that failed part-way at the page that failed, never asking for a page twice', async () => {
    const second = `${ORG}/api/v1/iam/assignees/users?after=a&limit=100`;
    const c = client([
      { body: { value: [{ id: '00u1' }], _links: { next: { href: second } } } },
      { status: 429, body: { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' } },
      { body: { value: [{ id: '00u2' }], _links: {} } },
    ]);
    const holders = new RoleHolders(c.client);
    await expect(holders.has('00u2')).rejects.toThrow(/429: E0000047/);
    await expect(holders.has('00u2')).resolves.toBe(true);
    expect(await holders.has('00u1')).toBe(true);
    expect(c.asked).toEqual([first, second, second]);
  });

  it('stops a next link that leads back to a page already read', async () => {
    const loop = `${ORG}/api/v1/iam/assignees/users?after=x&limit=100`;
    const c = client([{ body: { value: [], _links: { next: { href: loop } } } }, { body: { value: [], _links: { next: { href: loop } } } }]);
    await expect(new RoleHolders(c.client).has('00u1')).rejects.toThrow(/led back to a page already read/);
  });
});
