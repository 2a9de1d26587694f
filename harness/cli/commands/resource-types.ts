/** `resource-types`: the resource types of a sync (baton `resource-types`). */
import { Records, messageToJson } from '../../../c1z/index.js';
import { ResourceTypeSchema, ResourceTypeTrait } from '../../../c1z/contract/index.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import { TableWriter } from '../../../lib/output/table.js';
import { JsonListWriter, rowView, withSyncFile } from './common.js';
import type { ResourceTypesOptions } from '../command-options.js';

export async function run(options: ResourceTypesOptions, _args: string[], io: CommandIO): Promise<number> {
  return withSyncFile(options, ['syncs', 'resourceTypes'], async (file) => {
    const view = await rowView(file, options, io);
    const records = new Records(file.path, view.rows, view.scope);
    const json = options.outputFormat === 'json' ? new JsonListWriter(io, 'resourceTypes') : undefined;
    const table = json ? undefined : new TableWriter(io.stdout, ['ID', { title: 'Display Name', shrink: true }, 'Traits']);
    for (const row of view.rows.resourceTypes(view.scope)) {
      const type = records.resourceType(row);
      if (json) await json.item({ resourceType: messageToJson(ResourceTypeSchema, type) });
      else await table!.row([type.id, type.displayName, type.traits.map(traitName).join(', ')]);
    }
    await (json ?? table)!.end();
    return 0;
  });
}

export function traitName(trait: number): string {
  return ResourceTypeTrait[trait] ? `TRAIT_${ResourceTypeTrait[trait]}` : String(trait);
}
