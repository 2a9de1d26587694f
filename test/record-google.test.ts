/**
 * Record, sanitize, replay for the reference Google connector (the shared checks are in
 * harness/record/suite.test-support.ts): numeric directory ids learned from list answers are mapped in
 * the request URLs that use them, the JWT-bearer assertions the connector signs never reach the
 * recording, and `pageToken`s keep working.
 */
import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS } from '../harness/record/field-rules.js';
import { recordReplaySuite } from '../harness/record/suite.test-support.js';

const recording = recordReplaySuite('google', {
  // Over 200 users and members, so listings page with `pageToken`.
  shape: { users: 230, groups: 3 },
  pageMark: /[?&]pageToken=/,
  identities: (tenant) =>
    Array.from({ length: 10 }, (_, i) => tenant.user(1 + i * 23)!)
      .flatMap((u) => [u.googleId, u.displayName, u.mail])
      .concat(tenant.group(1)!.googleId, tenant.group(1)!.mail, tenant.shape.domain),
  // Access tokens in Authorization headers and answers; the signed assertions in the token requests' forms.
  fault: { spec: 'throttle:every=3,reason=rateLimitExceeded', status: 429 },
  rawForms: ['plain'],
});

describe('a Google recording', () => {
  it('replaces every signed assertion and access token by its placeholder', () => {
    const tokenRequests = recording.sanitized.filter((e) => e.request.url === 'https://oauth2.googleapis.com/token');
    expect(tokenRequests.length).toBeGreaterThan(1);
    for (const e of tokenRequests) {
      expect(new URLSearchParams(e.request.body).get('assertion')).toBe(PLACEHOLDERS.jwt);
      expect(JSON.parse(e.response.body).access_token).toBe(PLACEHOLDERS.token);
    }
  });

  it("maps a group's numeric id in the member listing URLs the same way as in the group listing", () => {
    const group = recording.sim.ctx.tenant.group(1)!;
    const fake = recording.map.lookup(group.googleId)!;
    expect(fake).toMatch(new RegExp(`^[1-9]\\d{${group.googleId.length - 1}}$`));
    expect(recording.sanitized.some((e) => e.request.url.includes(`/groups/${fake}/members`))).toBe(true);
  });
});
