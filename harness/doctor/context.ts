/**
 * What several detectors derive from the same evidence, computed once per diagnosis: what the grant
 * allows (an IAM policy, or the permissions listed), every error text, completeness keys split into
 * resources and grants, and a lookup from a synced id back to the tenant's user.
 */
import type { Grant } from '../../mocks/core/journal-dialect.js';
import type { TenantUser } from '../../mocks/tenant/model.js';
import type { Finding, RunEvidence } from '../../reports/evidence.js';
import { errorTexts, grantOf } from './journal-facts.js';

export interface DoctorContext {
  ev: RunEvidence;
  grant: Grant;
  texts: string[];
  /** Completeness keys that name resources (`<type>:<id>`), parsed. */
  missingResources: ResourceKey[];
  extraResources: ResourceKey[];
  /** Completeness keys that are grant ids. */
  missingGrants: string[];
  userOf(id: string): TenantUser | undefined;
}

/** One finding or none; a detector covering a few related ids may give several. */
export type Detector = (c: DoctorContext) => Finding | Finding[] | undefined;

export interface ResourceKey {
  type: string;
  id: string;
}

/** Resource types that hold identities (`user`, `iam_user`, `sso_user`). */
export const isUserType = (type: string): boolean => /(^|_)users?$/i.test(type);
export const isGroupType = (type: string): boolean => /(^|_)groups?$/i.test(type);

export function createContext(ev: RunEvidence): DoctorContext {
  const split = (keys: readonly string[] = []) => {
    const resources: ResourceKey[] = [];
    const grants: string[] = [];
    for (const key of keys) {
      const parsed = parseResourceKey(key);
      if (parsed) resources.push(parsed);
      else grants.push(key);
    }
    return { resources, grants };
  };
  const missing = split(ev.completeness?.missing);
  const extra = split(ev.completeness?.extra);
  return {
    ev,
    grant: grantOf(ev),
    texts: errorTexts(ev),
    missingResources: missing.resources,
    extraResources: extra.resources,
    missingGrants: missing.grants,
    userOf: (id) => findTenantUser(ev, id),
  };
}

/**
 * `user:<id>` is a resource; a grant id (`group:<gid>:member:user:<uid>`) has more parts. An ARN id has
 * colons of its own (`arn:aws:iam::123:user/ada`: five), so one with more than five is a grant.
 */
function parseResourceKey(key: string): ResourceKey | undefined {
  const colon = key.indexOf(':');
  if (colon <= 0) return undefined;
  const type = key.slice(0, colon);
  const id = key.slice(colon + 1);
  const colons = id.split(':').length - 1;
  if (id.startsWith('arn:') ? colons > 5 : colons > 0) return undefined;
  return { type, id };
}

/**
 * The tenant's user behind a synced id: object, Google, SCIM or IAM unique id directly; an ARN by its last
 * segment (an Identity Store user id, or an IAM user name: a UPN's local part or a guest's address).
 */
function findTenantUser(ev: RunEvidence, id: string): TenantUser | undefined {
  const direct = ev.tenant.findUser(id);
  if (direct) return direct;
  const last = id.slice(id.lastIndexOf('/') + 1);
  if (!last || last === id) return undefined;
  return ev.tenant.findUser(last) ?? (last.includes('@') ? undefined : ev.tenant.findUser(`${last}@${ev.tenant.shape.domain}`));
}
