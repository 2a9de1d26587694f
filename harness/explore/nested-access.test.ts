import { describe, expect, it } from 'vitest';
import type { ResourceRef } from '../../reports/explore/sync-model.js';
import { heldAccess, type GrantEdge } from './nested-access.js';

const ref = (resourceTypeId: string, resourceId: string): ResourceRef => ({ resourceTypeId, resourceId });
const member = (group: string) => `group:${group}:member`;

/** `principal` holds `group`'s member entitlement; `nested` makes the grant expandable from the principal's own. */
function membership(principal: ResourceRef, group: string, nested = false, extra: Partial<GrantEdge> = {}): GrantEdge {
  return {
    id: `${member(group)}:${principal.resourceTypeId}:${principal.resourceId}`,
    entitlementId: member(group),
    resource: ref('group', group),
    principal,
    ...(nested ? { expandable: { entitlementIds: [member(principal.resourceId)], shallow: false, resourceTypeIds: [] } } : {}),
    sources: [],
    ...extra,
  };
}

function graph(grants: GrantEdge[]) {
  return (p: ResourceRef) => grants.filter((g) => g.principal.resourceTypeId === p.resourceTypeId && g.principal.resourceId === p.resourceId);
}

const ada = ref('user', 'ada');

function walk(grants: GrantEdge[], entitlements?: number) {
  const of = graph(grants);
  return heldAccess(ada, of(ada), of, entitlements === undefined ? undefined : { entitlements });
}

describe('heldAccess', () => {
  it('follows nested groups and keeps the path, outermost group first', () => {
    const grants = [membership(ada, 'a'), membership(ref('group', 'a'), 'b', true), membership(ref('group', 'b'), 'c', true)];
    const { held, truncated } = walk(grants);
    expect(truncated).toBe(false);
    expect(held.map((h) => [h.entitlementId, h.direct, h.via?.map((v) => v.resourceId)])).toEqual([
      ['group:a:member', true, undefined],
      ['group:b:member', false, ['a']],
      ['group:c:member', false, ['a', 'b']],
    ]);
  });

  it('ends on cycles and names the stored inherited grant of an expanded file', () => {
    const inherited = membership(ada, 'b', false, { sources: [member('a')] });
    const grants = [membership(ada, 'a'), inherited, membership(ref('group', 'a'), 'b', true), membership(ref('group', 'b'), 'a', true)];
    const { held } = walk(grants);
    expect(held).toHaveLength(2);
    expect(held[1]).toMatchObject({ entitlementId: 'group:b:member', direct: false, grantId: inherited.id, via: [ref('group', 'a')] });
  });

  it('keeps shallow edges to direct holders and resource-type filters to their types', () => {
    const shallow = membership(ref('group', 'b'), 'c', true, { expandable: { entitlementIds: [member('b')], shallow: true, resourceTypeIds: [] } });
    const onlyGroups = membership(ref('group', 'a'), 'd', true, {
      expandable: { entitlementIds: [member('a')], shallow: false, resourceTypeIds: ['group'] },
    });
    const grants = [membership(ada, 'a'), membership(ref('group', 'a'), 'b', true), shallow, onlyGroups];
    expect(walk(grants).held.map((h) => h.entitlementId)).toEqual(['group:a:member', 'group:b:member']);
  });

  it('reports a stored inherited grant the edges do not explain with its sources', () => {
    const orphan = membership(ada, 'z', false, { sources: [member('y')] });
    const { held } = walk([orphan]);
    expect(held).toEqual([
      { entitlementId: 'group:z:member', resource: ref('group', 'z'), grantId: orphan.id, direct: false, sources: [member('y')] },
    ]);
  });

  it('stops at the limit and says so', () => {
    const grants = [membership(ada, 'g0'), ...Array.from({ length: 10 }, (_, i) => membership(ref('group', `g${i}`), `g${i + 1}`, true))];
    const { held, truncated } = walk(grants, 4);
    expect(held).toHaveLength(4);
    expect(truncated).toBe(true);
  });
});
