/**
 * Record, sanitize, replay for the reference Entra connector (the shared checks are in
 * harness/record/suite.test-support.ts), plus how a replay answers what was not recorded and what was
 * recorded several times.
 */
import { describe, expect, it } from 'vitest';
import { directFetch } from '../mocks/core/direct-fetch.js';
import type { Exchange } from '../harness/record/exchange.js';
import { replayContext, replayHandlers } from '../harness/record/replay.js';
import { recordReplaySuite } from '../harness/record/suite.test-support.js';

const recording = recordReplaySuite('entra', {
  // Over 999 users, so the users listing pages through `@odata.nextLink` and its `$skiptoken`.
  shape: { users: 1005, groups: 5, nestedGroupRatio: 0.4 },
  pageMark: /\$skiptoken=/,
  identities: (tenant) =>
    Array.from({ length: 12 }, (_, i) => tenant.user(1 + i * 83)!)
      .flatMap((u) => [u.objectId, u.displayName, u.userPrincipalName])
      .concat(tenant.group(1)!.objectId, tenant.shape.tenantId, tenant.shape.domain),
  fault: { spec: 'throttle:every=3', status: 429 },
  // The client secret in the token request's form body, the access token in every Authorization header.
  rawForms: ['form-encoded', 'plain'],
});

describe('an Entra replay', () => {
  it('maps emails to the same shape, with the tenant domain mapped consistently', () => {
    const { map, sim } = recording;
    expect(map.lookup(sim.ctx.tenant.user(1)!.userPrincipalName)).toMatch(/^user\d{4}@example\.com$/);
    expect(map.lookup(sim.ctx.tenant.shape.domain)).toBe('example.com');
  });

  it('journals calls under route names, the same shape for every id', async () => {
    const ctx = replayContext();
    const replay = replayHandlers(recording.sanitized, { ctx });
    const fetch = directFetch(() => replay.handlers, ctx, 'entra');
    const members = recording.sanitized.filter((e) => /\/groups\/[^/]+\/members/.test(e.request.url)).slice(0, 2);
    for (const e of members) expect((await fetch(e.request.url)).status).toBe(200);
    expect(ctx.journal.all().map((e) => e.route)).toEqual([
      'replay.graph GET /beta/groups/{id}/members',
      'replay.graph GET /beta/groups/{id}/members',
    ]);
  });

  it('answers a request nothing recorded with a 404 naming the nearest recorded request, and never passes it on', async () => {
    const ctx = replayContext();
    const replay = replayHandlers(recording.sanitized, { ctx });
    const fetch = directFetch(() => replay.handlers, ctx, 'entra');
    const response = await fetch(
      'https://graph.microsoft.com/v1.0/users?$select=id,displayName,userPrincipalName,mail,accountEnabled,userType&$top=100',
      { headers: { authorization: 'Bearer x' } },
    );
    expect(response.status).toBe(404);
    const body = (await response.json()) as { nearestRecorded: string; differences: string[] };
    expect(body.nearestRecorded).toMatch(/^GET https:\/\/graph\.microsoft\.com\/v1\.0\/users\?\$select=/);
    expect(body.differences).toContain('query $top: recorded "999", sent "100"');
    expect(ctx.journal.all().at(-1)).toMatchObject({ status: 404, provider: 'entra', route: 'replay.graph GET /v1.0/users' });
    // A host nothing was recorded for fails as no simulated endpoint, never reaching the network.
    await expect(fetch('https://example.org/')).rejects.toThrow(/no simulated endpoint/);
  });

  it('gives repeated identical requests the recorded answers in order, then the last one again', async () => {
    const call = (status: number, body: string): Exchange => ({
      startedAt: '2026-05-01T12:00:00.000Z',
      durationMs: 1,
      request: { method: 'GET', url: 'https://graph.microsoft.com/v1.0/organization?$select=id', headers: [] },
      response: { status, headers: [['content-type', 'application/json']], body },
    });
    const ctx = replayContext();
    const replay = replayHandlers([call(503, '{"n":1}'), call(200, '{"n":2}')], { ctx });
    const fetch = directFetch(() => replay.handlers, ctx, 'entra');
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push(await (await fetch('https://graph.microsoft.com/v1.0/organization?$select=id')).json());
    expect(seen).toEqual([{ n: 1 }, { n: 2 }, { n: 2 }]);
  });
});
