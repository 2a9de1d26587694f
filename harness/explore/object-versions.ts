/**
 * One object as each side of a diff has it: both rows, decoded to protobuf JSON, and the fields that differ
 * as `diff` judges them (FieldJudge: decoded values, map order ignored).
 */
import type { DescMessage } from '@bufbuild/protobuf';
import { decodeMessage, messageToJson } from '../../c1z/index.js';
import { EntitlementSchema, GrantSchema, ResourceSchema } from '../../c1z/contract/index.js';
import type { AttachedSide, AttachedSyncs } from '../diff/attached.js';
import { FieldJudge } from '../diff/field-judge.js';
import { SQL_TABLE } from '../diff/object-counts.js';
import type { Table } from '../../reports/diff/report.js';
import { NotFound } from './not-found.js';
import type { ObjectDiff } from '../../reports/explore/diff-model.js';

const SCHEMA: Record<Table, DescMessage> = { resources: ResourceSchema, entitlements: EntitlementSchema, grants: GrantSchema };

interface Row {
  type: string;
  data: Uint8Array;
  expansion: Uint8Array | null;
}

export class ObjectVersions {
  private readonly judges = new Map<Table, FieldJudge>();

  constructor(private readonly attached: AttachedSyncs) {}

  of(table: Table, id: string): ObjectDiff {
    const base = this.row(this.attached.base, table, id);
    const compare = this.row(this.attached.compare, table, id);
    if (!base && !compare) throw new NotFound(`no ${table.replace(/s$/, '')} ${id} on either side`);
    const where = `${this.attached.base.label} / ${this.attached.compare.label}: ${SQL_TABLE[table]} row ${JSON.stringify(id)}`;
    let judge = this.judges.get(table);
    if (!judge) this.judges.set(table, (judge = new FieldJudge(table)));
    const fields = base && compare ? judge.changedFields(blob(base), blob(compare), where) : [];
    const json = (row: Row | undefined) => row && messageToJson(SCHEMA[table], decodeMessage(SCHEMA[table], row.data, where));
    return {
      table,
      id,
      resourceType: (compare ?? base)!.type,
      state: !base ? 'added' : !compare ? 'removed' : fields.length > 0 ? 'changed' : 'unchanged',
      fields,
      ...(base ? { base: json(base) } : {}),
      ...(compare ? { compare: json(compare) } : {}),
    };
  }

  private row(side: AttachedSide, table: Table, id: string): Row | undefined {
    const expansion = table === 'grants' && side.hasExpansion ? 'expansion' : 'NULL';
    return this.attached.db
      .prepare(
        `SELECT resource_type_id AS type, data, ${expansion} AS expansion FROM ${side.schema}.${SQL_TABLE[table]} WHERE external_id = ? AND sync_id = ?`,
      )
      .get(id, side.syncId) as Row | undefined;
  }
}

function blob(row: Row) {
  return { data: row.data, expansion: row.expansion ?? undefined };
}
