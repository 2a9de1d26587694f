/** `resources`: the resources of a sync, optionally of one type (baton `resources`). */
import { Records, resourceRef, messageToJson } from '../../../c1z/index.js';
import { ResourceSchema, ResourceTypeSchema } from '../../../c1z/contract/index.js';
import { unknownFilter } from '../listing-filters.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import { TableWriter } from '../../../lib/output/table.js';
import { JsonListWriter, rowView, withSyncFile } from './common.js';
import type { ListingOptions } from '../command-options.js';

export async function run(options: ListingOptions, _args: string[], io: CommandIO): Promise<number> {
  return withSyncFile(options, ['syncs', 'resourceTypes', 'resources'], async (file) => {
    const view = await rowView(file, options, io);
    const records = new Records(file.path, view.rows, view.scope);
    const json = options.outputFormat === 'json' ? new JsonListWriter(io, 'resources') : undefined;
    const table = json ? undefined : new TableWriter(io.stdout, ['ID', { title: 'Display Name', shrink: true }, 'Resource Type', 'Parent Resource']);
    for (const row of view.rows.resources(view.scope, { resourceTypeId: options.resourceType })) {
      const resource = records.resource(row);
      const type = records.typeById(row.resourceTypeId);
      if (json) {
        const parent = resource.parentResourceId ? records.resourceById(resource.parentResourceId) : undefined;
        await json.item({
          resource: messageToJson(ResourceSchema, resource),
          ...(type ? { resourceType: messageToJson(ResourceTypeSchema, type) } : {}),
          ...(parent ? { parent: messageToJson(ResourceSchema, parent) } : {}),
        });
      } else {
        await table!.row([
          resource.id?.resource ?? '',
          resource.displayName,
          type?.displayName || row.resourceTypeId,
          resourceRef(resource.parentResourceId),
        ]);
      }
    }
    await (json ?? table)!.end();
    const unknown = unknownFilter('resources', file.path, view, { resourceTypeId: options.resourceType }, () =>
      view.rows.resources(view.scope, { resourceTypeId: options.resourceType }),
    );
    if (unknown) throw unknown;
    return 0;
  });
}
