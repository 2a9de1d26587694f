/**
 * `PATCH /Groups/{id}`: membership provisioning. Answers 204 No Content, which Entra's provisioning
 * service and Okta both accept, or 200 with the group when the request names `attributes`/
 * `excludedAttributes` (RFC 7644 §3.5.2 requires the resource then). The request is atomic: every
 * operation is checked against the membership as it would be after the ones before it, and the tenant
 * changes only if all pass. Without `writeBack` it answers 403, as a provider does for a read-only token.
 */
import type { HttpHandler } from 'msw';
import type { Membership, TenantStore } from '../../tenant/model.js';
import type { ScimEnv } from '../env.js';
import { compileElementFilter } from '../query/filter-eval.js';
import { project, readProjection, wants } from '../query/projection.js';
import { readMemberOps, type MemberIntent } from '../patch/member-ops.js';
import { groupById, userById } from '../resources/lookup.js';
import { directMembers, memberElement } from '../resources/render-group.js';
import { findAttribute } from '../schema/attr-path.js';
import { GROUP_SCHEMA } from '../schema/definitions.js';
import { scimRoute } from '../scim-route.js';
import { scimJson } from '../wire/content-type.js';
import { ScimFailure, scimErrors } from '../wire/errors.js';
import { groupResource } from './groups.js';

const MEMBERS = findAttribute(GROUP_SCHEMA.core.attributes, 'members')!;

export function groupPatchEndpoint(env: ScimEnv): HttpHandler {
  return scimRoute(env, { name: 'scim.groups.patch', method: 'PATCH', path: '/Groups/:id' }, async (s) => {
    if (!env.writeBack)
      throw scimErrors.forbidden(
        'Operation is not permitted based on the supplied authorization: this provider is read-only (simulator started without writeBack).',
      );
    const tenant = env.ctx.tenant;
    const group = groupById(tenant, s.params.id!);
    if (!group) throw scimErrors.notFound(s.params.id!);
    const intents = readMemberOps(await readJson(s.request));

    const current = new Map(directMembers(tenant, group.seq).map((m) => [keyOf(m), m]));
    const desired = new Map(current);
    for (const intent of intents) applyIntent(env, tenant, group.seq, intent, desired);

    const removed = [...current].filter(([k]) => !desired.has(k)).map(([, m]) => m);
    const added = [...desired].filter(([k]) => !current.has(k)).map(([, m]) => m);
    for (const m of removed) tenant.removeMember(m);
    for (const m of added) tenant.addMember(m);
    if (removed.length || added.length) env.modified.set(`group:${group.seq}`, env.ctx.clock().toISOString());

    const params = s.url.searchParams;
    if (!params.has('attributes') && !params.has('excludedAttributes')) return new Response(null, { status: 204 });
    const projection = readProjection(params, GROUP_SCHEMA);
    return scimJson(
      project(
        groupResource(env, group, (name) => wants(projection, name)),
        projection,
      ),
    );
  });
}

function applyIntent(env: ScimEnv, tenant: TenantStore, groupSeq: number, intent: MemberIntent, desired: Map<string, Membership>): void {
  switch (intent.kind) {
    case 'add':
      for (const id of intent.values) {
        const m = addable(tenant, groupSeq, id);
        desired.set(keyOf(m), m);
      }
      return;
    case 'remove':
      for (const id of intent.values) {
        const m = resolveMember(tenant, groupSeq, id);
        if (m) desired.delete(keyOf(m));
      }
      return;
    case 'removeWhere': {
      const matches = compileElementFilter(intent.filter, MEMBERS, GROUP_SCHEMA);
      const hits = [...desired].filter(([, m]) => {
        const element = memberElement(env.root, tenant, m);
        return element !== undefined && matches(element);
      });
      if (!hits.length) throw scimErrors.noTarget(`No member matches ${intent.path}.`);
      for (const [k] of hits) desired.delete(k);
      return;
    }
    case 'removeAll':
      desired.clear();
      return;
    case 'replace': {
      const next = intent.values.map((id) => addable(tenant, groupSeq, id));
      desired.clear();
      for (const m of next) desired.set(keyOf(m), m);
      return;
    }
  }
}

function resolveMember(tenant: TenantStore, groupSeq: number, id: string): Membership | undefined {
  const user = userById(tenant, id);
  if (user) return { groupSeq, memberType: 'user', memberSeq: user.seq };
  const group = groupById(tenant, id);
  return group && { groupSeq, memberType: 'group', memberSeq: group.seq };
}

/** A member to add: it must exist, and a group cannot contain itself. */
function addable(tenant: TenantStore, groupSeq: number, id: string): Membership {
  const m = resolveMember(tenant, groupSeq, id);
  if (!m) throw scimErrors.invalidValue(`No User or Group with id "${id}" exists to add as a member.`);
  if (m.memberType === 'group' && m.memberSeq === groupSeq) throw scimErrors.invalidValue('A group cannot be a member of itself.');
  return m;
}

function keyOf(m: Membership): string {
  return `${m.memberType}:${m.memberSeq}`;
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ScimFailure(400, 'The request body is not valid JSON.', 'invalidSyntax');
  }
}
