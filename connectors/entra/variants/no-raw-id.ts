/** Bug: users and groups carry no RawId annotation, so nothing ties a resource to Graph's object id. */
import { anyIs } from '@bufbuild/protobuf/wkt';
import { RawIdSchema, type Resource, type ResourceSyncer } from '../../../c1z/contract/index.js';
import { createEntraConnector, type EntraConnector, type EntraConnectorOptions } from '../connector.js';
import { patchSyncer } from './patch.js';

export function noRawId(options: EntraConnectorOptions): EntraConnector {
  const withoutRawId = (clean: ResourceSyncer): Partial<ResourceSyncer> => ({
    async list(parent, pageToken) {
      const page = await clean.list(parent, pageToken);
      return { ...page, resources: page.resources.map(stripped) };
    },
  });
  return patchSyncer(patchSyncer(createEntraConnector(options), 'user', withoutRawId), 'group', withoutRawId);
}

function stripped(resource: Resource): Resource {
  return { ...resource, annotations: resource.annotations.filter((a) => !anyIs(a, RawIdSchema)) };
}
