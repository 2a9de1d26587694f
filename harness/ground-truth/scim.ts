/**
 * What the SCIM simulator serves of a tenant, in the connector's terms: every user and group by SCIM id,
 * and one grant per direct membership (users and nested groups). SCIM has no permission model: one token
 * reads everything, so the granted permissions change nothing.
 */
import type { GroundTruth } from './model.js';
import type { Page, PageRequest, TenantStore } from '../../mocks/tenant/model.js';
import { grantId, memberEntitlementId } from '../../connectors/scim/connector.js';

const CHUNK = 1000;

export function groundTruth(tenant: TenantStore): GroundTruth {
  const resources: string[] = [];
  const grants: string[] = [];
  for (const user of all((page) => tenant.users(page))) resources.push(`user:${user.scimId}`);
  for (const group of all((page) => tenant.groups(page))) {
    resources.push(`group:${group.scimId}`);
    for (const m of all((page) => tenant.members(group.seq, page))) {
      // A membership whose member is gone is not served (the simulator drops it from `members`).
      const member = m.memberType === 'user' ? tenant.user(m.memberSeq) : tenant.group(m.memberSeq);
      if (member) grants.push(grantId(memberEntitlementId(group.scimId), m.memberType, member.scimId));
    }
  }
  return { resources, grants };
}

function* all<T>(read: (page: PageRequest) => Page<T>): Generator<T> {
  let after = 0;
  for (;;) {
    const page = read({ after, limit: CHUNK });
    yield* page.items;
    if (page.next === undefined) return;
    after = page.next;
  }
}

/** The name harness/ground-truth/index.ts loads a provider's ground truth by. */
