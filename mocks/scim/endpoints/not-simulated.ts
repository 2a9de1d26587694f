/**
 * Resource writes other than group membership (create, replace, delete, user PATCH) exist on real SCIM
 * providers, so a connector may send them; they answer 501 with a SCIM error (RFC 7644 §3.12: "operation
 * not supported") rather than the harness's unmatched-request 404, which would read as "no such user".
 */
import type { HttpHandler } from 'msw';
import type { Method } from '../../core/route.js';
import type { ScimEnv } from '../env.js';
import { scimRoute } from '../scim-route.js';
import { scimErrors } from '../wire/errors.js';

const WRITES: Array<{ name: string; method: Method; path: string }> = [
  { name: 'scim.users.create', method: 'POST', path: '/Users' },
  { name: 'scim.users.replace', method: 'PUT', path: '/Users/:id' },
  { name: 'scim.users.patch', method: 'PATCH', path: '/Users/:id' },
  { name: 'scim.users.delete', method: 'DELETE', path: '/Users/:id' },
  { name: 'scim.groups.create', method: 'POST', path: '/Groups' },
  { name: 'scim.groups.replace', method: 'PUT', path: '/Groups/:id' },
  { name: 'scim.groups.delete', method: 'DELETE', path: '/Groups/:id' },
];

export function notSimulatedEndpoints(env: ScimEnv): HttpHandler[] {
  return WRITES.map((spec) =>
    scimRoute(env, spec, () => {
      throw scimErrors.notImplemented(
        `sync-harness does not simulate ${spec.method} ${spec.path}: it serves reads and PATCH /Groups/{id} membership changes.`,
      );
    }),
  );
}
