/**
 * `GET /ServiceProviderConfig`, `/ResourceTypes[/{name}]`, `/Schemas[/{urn}]`. Authenticated like every
 * other call (RFC 7644 §4 leaves that to the provider; Entra's validator sends the token anyway). A
 * `filter` here is refused with 403, as RFC 7644 §4 says, so a client cannot think it was applied.
 */
import type { HttpHandler } from 'msw';
import type { ScimEnv } from '../env.js';
import { RESOURCE_TYPES, resourceType, schemaResource, serviceProviderConfig } from '../resources/discovery.js';
import { SCHEMAS } from '../schema/definitions.js';
import { scimRoute, type ScimRequest } from '../scim-route.js';
import { scimJson } from '../wire/content-type.js';
import { scimErrors } from '../wire/errors.js';
import { listResponse } from '../wire/list-response.js';

export function discoveryEndpoints(env: ScimEnv): HttpHandler[] {
  const noFilter = (s: ScimRequest) => {
    if (s.url.searchParams.has('filter')) throw scimErrors.forbidden('Filtering is not supported on discovery endpoints.');
  };
  const list = (resources: Array<Record<string, unknown>>) => ({
    response: scimJson(listResponse(resources, { totalResults: resources.length, startIndex: 1 })),
    items: resources.length,
  });
  return [
    scimRoute(env, { name: 'scim.serviceProviderConfig.get', method: 'GET', path: '/ServiceProviderConfig' }, (s) => {
      noFilter(s);
      return scimJson(serviceProviderConfig(env.root));
    }),
    scimRoute(env, { name: 'scim.resourceTypes.list', method: 'GET', path: '/ResourceTypes' }, (s) => {
      noFilter(s);
      return list(RESOURCE_TYPES.map((t) => resourceType(env.root, t)));
    }),
    scimRoute(env, { name: 'scim.resourceTypes.get', method: 'GET', path: '/ResourceTypes/:name' }, (s) => {
      const type = RESOURCE_TYPES.find((t) => t.resourceType === s.params.name);
      if (!type) throw scimErrors.notFound(s.params.name!);
      return scimJson(resourceType(env.root, type));
    }),
    scimRoute(env, { name: 'scim.schemas.list', method: 'GET', path: '/Schemas' }, (s) => {
      noFilter(s);
      return list(SCHEMAS.map((schema) => schemaResource(env.root, schema)));
    }),
    scimRoute(env, { name: 'scim.schemas.get', method: 'GET', path: '/Schemas/:urn' }, (s) => {
      const schema = SCHEMAS.find((x) => x.id.toLowerCase() === s.params.urn!.toLowerCase());
      if (!schema) throw scimErrors.notFound(s.params.urn!);
      return scimJson(schemaResource(env.root, schema));
    }),
  ];
}
