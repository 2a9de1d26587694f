/**
 * The discovery documents (RFC 7643 §5-7): what the simulator supports, said truthfully so a client that
 * reads them before syncing draws the right conclusions: filter yes (max page {@link MAX_COUNT}), PATCH
 * yes (group members), bulk, sort, etag and password change no, OAuth bearer token auth.
 */
import { MAX_COUNT } from '../query/paging.js';
import { GROUP_SCHEMA, USER_SCHEMA, type AttributeDef, type ResourceSchema, type SchemaDef } from '../schema/definitions.js';
import { URN } from '../schema/urns.js';

export function serviceProviderConfig(root: string): Record<string, unknown> {
  return {
    schemas: [URN.serviceProviderConfig],
    documentationUri: 'https://www.rfc-editor.org/rfc/rfc7644',
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_COUNT },
    changePassword: { supported: false },
    sort: { supported: false },
    // meta.version is informative only: If-Match / If-None-Match are not honoured.
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authentication scheme using the OAuth Bearer Token Standard',
        specUri: 'https://www.rfc-editor.org/info/rfc6750',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${root}/ServiceProviderConfig` },
  };
}

export const RESOURCE_TYPES: readonly ResourceSchema[] = [USER_SCHEMA, GROUP_SCHEMA];

export function resourceType(root: string, type: ResourceSchema): Record<string, unknown> {
  return {
    schemas: [URN.resourceType],
    id: type.resourceType,
    name: type.resourceType,
    endpoint: type.endpoint,
    description: type.core.description,
    schema: type.core.id,
    ...(type.extensions.length ? { schemaExtensions: type.extensions.map((e) => ({ schema: e.id, required: false })) } : {}),
    meta: { resourceType: 'ResourceType', location: `${root}/ResourceTypes/${type.resourceType}` },
  };
}

export function schemaResource(root: string, schema: SchemaDef): Record<string, unknown> {
  return {
    schemas: [URN.schema],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes.map(renderAttribute),
    meta: { resourceType: 'Schema', location: `${root}/Schemas/${schema.id}` },
  };
}

function renderAttribute(def: AttributeDef): Record<string, unknown> {
  const { subAttributes, ...rest } = def;
  return { ...rest, ...(subAttributes ? { subAttributes: subAttributes.map(renderAttribute) } : {}) };
}
