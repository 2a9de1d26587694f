/**
 * A small in-memory connector for engine tests: `users` users and `groups` groups, every user a member of
 * every group, paged `pageSize` at a time with tokens `"<offset>"`. `before` sees every page request first
 * and may throw, which is how tests inject HTTP failures at an exact call.
 */
import { create } from '@bufbuild/protobuf';
import { EntitlementSchema, GrantSchema, ResourceSchema, ResourceTypeSchema, type Resource, type ResourceType } from '../../c1z/proto/connector.js';
import type { Connector, ResourceSyncer } from '../../c1z/contract/connector.js';

export interface FakeCall {
  op: 'resources' | 'entitlements' | 'grants';
  type: string;
  resourceId?: string;
  token: string;
}

export interface FakeDirectoryOptions {
  users: number;
  groups: number;
  pageSize?: number;
  before?: (call: FakeCall) => void;
}

export function fakeUser(id: string): Resource {
  return create(ResourceSchema, { id: { resourceType: 'user', resource: id }, displayName: id });
}
export function fakeGroup(id: string): Resource {
  return create(ResourceSchema, { id: { resourceType: 'group', resource: id }, displayName: id });
}

export const USER_TYPE: ResourceType = create(ResourceTypeSchema, { id: 'user', displayName: 'User', traits: [1] });
export const GROUP_TYPE: ResourceType = create(ResourceTypeSchema, { id: 'group', displayName: 'Group', traits: [2] });

export function fakeDirectory(options: FakeDirectoryOptions): Connector {
  const size = options.pageSize ?? 2;
  const users = Array.from({ length: options.users }, (_, i) => fakeUser(`u${i + 1}`));
  const groups = Array.from({ length: options.groups }, (_, i) => fakeGroup(`g${i + 1}`));
  const before = options.before ?? (() => undefined);

  const member = (group: Resource) =>
    create(EntitlementSchema, {
      id: `group:${group.id?.resource}:member`,
      resource: group,
      displayName: 'member',
      slug: 'member',
      grantableTo: [USER_TYPE],
    });

  const userSyncer: ResourceSyncer = {
    async list(_parent, token) {
      before({ op: 'resources', type: 'user', token });
      return slice(users, token, size, (resources, nextPageToken) => ({ resources, nextPageToken }));
    },
    async entitlements(resource, token) {
      before({ op: 'entitlements', type: 'user', resourceId: resource.id?.resource, token });
      return { entitlements: [], nextPageToken: '' };
    },
    async grants(resource, token) {
      before({ op: 'grants', type: 'user', resourceId: resource.id?.resource, token });
      return { grants: [], nextPageToken: '' };
    },
  };

  const groupSyncer: ResourceSyncer = {
    async list(_parent, token) {
      before({ op: 'resources', type: 'group', token });
      return slice(groups, token, size, (resources, nextPageToken) => ({ resources, nextPageToken }));
    },
    async entitlements(resource, token) {
      before({ op: 'entitlements', type: 'group', resourceId: resource.id?.resource, token });
      return { entitlements: [member(resource)], nextPageToken: '' };
    },
    async grants(resource, token) {
      before({ op: 'grants', type: 'group', resourceId: resource.id?.resource, token });
      const entitlement = member(resource);
      const grants = users.map((user) => create(GrantSchema, { id: `${entitlement.id}:user:${user.id?.resource}`, entitlement, principal: user }));
      return slice(grants, token, size, (page, nextPageToken) => ({ grants: page, nextPageToken }));
    },
  };

  return { resourceTypes: () => [USER_TYPE, GROUP_TYPE], syncers: { user: userSyncer, group: groupSyncer } };
}

/** One page from `offset` (the token; "" is 0), and the next offset or "" at the end. */
function slice<T, P>(items: T[], token: string, size: number, page: (items: T[], next: string) => P): P {
  const offset = token === '' ? 0 : Number(token);
  const end = offset + size;
  return page(items.slice(offset, end), end < items.length ? String(end) : '');
}
