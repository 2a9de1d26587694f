/**
 * Record, sanitize, replay for the reference AWS connector (the shared checks are in
 * harness/record/suite.test-support.ts): IAM's XML answers and Query API form bodies, Identity Store's
 * JSON, ARNs with the account and resource names mapped, SigV4 signatures that never take part in
 * matching, and `Marker`s that keep working.
 */
import { describe, expect, it } from 'vitest';
import { recordReplaySuite } from '../harness/record/suite.test-support.js';

const recording = recordReplaySuite('aws', {
  // Over 100 users, so IAM's ListUsers pages with `Marker`.
  shape: { users: 130, groups: 3 },
  pageMark: /Marker=/,
  identities: (tenant) =>
    Array.from({ length: 10 }, (_, i) => tenant.user(1 + i * 13)!)
      .flatMap((u) => [u.awsId, u.scimId, u.displayName, u.mail])
      .concat(tenant.group(1)!.awsId, tenant.group(1)!.scimId),
  fault: { spec: 'throttle:every=3', status: 400 },
  // The secret access key only ever signs: it is in no request, so the raw capture has nothing to find.
  rawForms: [],
});

describe('an AWS recording', () => {
  it("maps the account in every ARN, keeps the id prefixes, and keeps the Query API's form bodies matchable", () => {
    const accountId = String(recording.sim.credentials.accountId);
    const fakeAccount = recording.map.lookup(accountId)!;
    expect(fakeAccount).toMatch(/^\d{12}$/);
    const user = recording.sim.ctx.tenant.user(1)!;
    expect(recording.map.lookup(user.awsId)).toMatch(/^AIDA[A-Z0-9]{16}$/);
    const body = recording.sanitized.map((e) => e.response.body).join('\n');
    expect(body).toContain(`arn:aws:iam::${fakeAccount}:user/`);
    expect(body).not.toContain(accountId);
    const getGroup = recording.sanitized.find((e) => e.request.body?.startsWith('Action=GetGroup&'))!;
    expect(new URLSearchParams(getGroup.request.body).get('GroupName')).toMatch(/^name\d{4}$/);
  });
});
