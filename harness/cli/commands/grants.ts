/** `grants`: the grants of a sync, filtered by resource type, resource or entitlement (baton `grants`). */
import { echo } from '../../../lib/echo.js';
import { UserError } from '../../../lib/errors.js';
import { Records, resourceRef, messageToJson, type GrantFilter } from '../../../c1z/index.js';
import { EntitlementSchema, GrantSchema, ResourceSchema, ResourceTypeSchema } from '../../../c1z/contract/index.js';
import { unknownFilter } from '../listing-filters.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import { TableWriter } from '../../../lib/output/table.js';
import { JsonListWriter, rowView, withSyncFile } from './common.js';
import type { GrantsOptions } from '../command-options.js';

export async function run(options: GrantsOptions, _args: string[], io: CommandIO): Promise<number> {
  const filter = grantFilter(options);
  return withSyncFile(options, ['syncs', 'resourceTypes', 'resources', 'entitlements', 'grants'], async (file) => {
    const view = await rowView(file, options, io);
    const records = new Records(file.path, view.rows, view.scope);
    const json = options.outputFormat === 'json' ? new JsonListWriter(io, 'grants') : undefined;
    const table = json ? undefined : new TableWriter(io.stdout, ['ID', 'Resource Type', 'Resource', 'Entitlement', 'Principal']);
    for (const row of view.rows.grants(view.scope, filter)) {
      const grant = records.grant(row);
      if (json) {
        const entitlement = records.entitlementById(row.entitlementId, grant.entitlement);
        const resource = records.resourceById(
          entitlement?.resource?.id ?? {
            $typeName: 'c1.connector.v2.ResourceId',
            resourceType: row.resourceTypeId,
            resource: row.resourceId,
            batonResource: false,
          },
        );
        const type = records.typeById(row.resourceTypeId);
        const principal = records.resourceById(grant.principal?.id, grant.principal);
        await json.item({
          grant: messageToJson(GrantSchema, grant),
          ...(entitlement ? { entitlement: messageToJson(EntitlementSchema, entitlement) } : {}),
          ...(resource ? { resource: messageToJson(ResourceSchema, resource) } : {}),
          ...(type ? { resourceType: messageToJson(ResourceTypeSchema, type) } : {}),
          ...(principal ? { principal: messageToJson(ResourceSchema, principal) } : {}),
        });
      } else {
        await table!.row([
          grant.id,
          row.resourceTypeId,
          row.resourceId,
          row.entitlementId,
          resourceRef(grant.principal?.id) || `${row.principalResourceTypeId}:${row.principalResourceId}`,
        ]);
      }
    }
    await (json ?? table)!.end();
    const unknown = unknownFilter('grants', file.path, view, filter, () => view.rows.grants(view.scope, filter));
    if (unknown) throw unknown;
    return 0;
  });
}

/** baton takes either a resource or an entitlement, not both. */
function grantFilter(options: GrantsOptions): GrantFilter {
  if (options.resource && options.entitlement) throw new UserError('grants: give --resource or --entitlement, not both');
  const filter: GrantFilter = { resourceTypeId: options.resourceType, entitlementId: options.entitlement };
  if (options.resource) {
    const at = options.resource.indexOf(':');
    if (at <= 0 || at === options.resource.length - 1) {
      throw new UserError(`grants: --resource ${echo(options.resource)}: expected <resource type>:<resource id>, e.g. group:g-123`);
    }
    filter.resource = { resourceTypeId: options.resource.slice(0, at), resourceId: options.resource.slice(at + 1) };
  }
  return filter;
}
