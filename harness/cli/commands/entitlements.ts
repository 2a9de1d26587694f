/** `entitlements`: the entitlements of a sync, optionally on one resource type (baton `entitlements`). */
import { Records, messageToJson } from '../../../c1z/index.js';
import { EntitlementSchema, ResourceSchema, ResourceTypeSchema } from '../../../c1z/contract/index.js';
import { unknownFilter } from '../listing-filters.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import { TableWriter } from '../../../lib/output/table.js';
import { JsonListWriter, rowView, withSyncFile } from './common.js';
import type { ListingOptions } from '../command-options.js';

export async function run(options: ListingOptions, _args: string[], io: CommandIO): Promise<number> {
  return withSyncFile(options, ['syncs', 'resourceTypes', 'resources', 'entitlements'], async (file) => {
    const view = await rowView(file, options, io);
    const records = new Records(file.path, view.rows, view.scope);
    const json = options.outputFormat === 'json' ? new JsonListWriter(io, 'entitlements') : undefined;
    const table = json
      ? undefined
      : new TableWriter(io.stdout, [
          'ID',
          { title: 'Display Name', shrink: true },
          'Resource Type',
          { title: 'Resource', shrink: true },
          'Permission',
        ]);
    for (const row of view.rows.entitlements(view.scope, { resourceTypeId: options.resourceType })) {
      const entitlement = records.entitlement(row);
      const resource = records.resourceById(entitlement.resource?.id, entitlement.resource);
      const type = records.typeById(row.resourceTypeId);
      if (json) {
        await json.item({
          entitlement: messageToJson(EntitlementSchema, entitlement),
          ...(resource ? { resource: messageToJson(ResourceSchema, resource) } : {}),
          ...(type ? { resourceType: messageToJson(ResourceTypeSchema, type) } : {}),
        });
      } else {
        await table!.row([
          entitlement.id,
          entitlement.displayName,
          type?.displayName || row.resourceTypeId,
          resource?.displayName || row.resourceId,
          entitlement.slug,
        ]);
      }
    }
    await (json ?? table)!.end();
    const unknown = unknownFilter('entitlements', file.path, view, { resourceTypeId: options.resourceType }, () =>
      view.rows.entitlements(view.scope, { resourceTypeId: options.resourceType }),
    );
    if (unknown) throw unknown;
    return 0;
  });
}
