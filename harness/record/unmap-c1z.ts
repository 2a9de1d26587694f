/**
 * A sync file written from a replay, with the recording's mapping applied back (fake -> real), so it can
 * be diffed against the sync of the recorded run: `sync-harness diff recorded.c1z unmapped.c1z` is empty
 * when the replay reproduced the run. Every string of every stored object is mapped (protobuf data,
 * annotations, grant expansions) and so are the indexed text columns (external ids, resource and
 * entitlement ids). The source is never touched: the database is inflated to a private temporary folder,
 * updated there and compressed to the target through a temporary file renamed into place.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { DescMessage } from '@bufbuild/protobuf';
import { detectFormat, decodeMessage, encodeMessage, registry, inflateV1, compressV1 } from '../../c1z/index.js';
import { EntitlementSchema, GrantSchema, ResourceSchema, ResourceTypeSchema, GrantExpandableSchema } from '../../c1z/contract/index.js';
import { fileError } from '../../lib/errors.js';
import { writeAtomically } from '../../lib/fs/atomic-write.js';
import { makeTempDir, removeTempDir } from '../../lib/fs/temp-files.js';
import type { IdentityMap } from './identity-map.js';
import { mapStrings } from './proto-strings.js';

interface TablePlan {
  table: string;
  schema: DescMessage;
  columns: string[];
}

const PLANS: TablePlan[] = [
  { table: 'v1_resource_types', schema: ResourceTypeSchema, columns: ['external_id'] },
  { table: 'v1_resources', schema: ResourceSchema, columns: ['resource_type_id', 'external_id', 'parent_resource_type_id', 'parent_resource_id'] },
  { table: 'v1_entitlements', schema: EntitlementSchema, columns: ['resource_type_id', 'resource_id', 'external_id'] },
  {
    table: 'v1_grants',
    schema: GrantSchema,
    columns: ['resource_type_id', 'resource_id', 'entitlement_id', 'principal_resource_type_id', 'principal_resource_id', 'external_id'],
  },
];

const BATCH = 1000;
const GUIDS = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;

export interface UnmapResult {
  rows: number;
  /** Rows in which at least one string changed. */
  changed: number;
}

export async function unmapC1z(source: string, target: string, map: IdentityMap): Promise<UnmapResult> {
  const format = await detectFormat(source);
  if (format !== 'v1' && format !== 'sqlite')
    throw fileError(source, `cannot unmap a ${format} sync file`, 'only v1 (SQLite) sync files can be rewritten');
  const dir = makeTempDir('sync-harness-unmap-');
  try {
    const dbPath = join(dir, 'sync.db');
    if (format === 'v1') await inflateV1(source, dbPath);
    else copyFileSync(source, dbPath);
    const result = rewriteDatabase(dbPath, reverseMapper(map));
    if (format === 'v1') await compressV1(dbPath, target);
    else await writeAtomically(target, async (temp) => copyFileSync(dbPath, temp));
    return result;
  } finally {
    removeTempDir(dir);
  }
}

function rewriteDatabase(dbPath: string, unmap: (text: string) => string): UnmapResult {
  const db = new Database(dbPath);
  const result: UnmapResult = { rows: 0, changed: 0 };
  try {
    db.pragma('journal_mode = DELETE');
    for (const plan of PLANS) {
      const present = new Set((db.prepare(`PRAGMA table_info(${plan.table})`).all() as { name: string }[]).map((c) => c.name));
      if (!present.has('data')) continue;
      const columns = plan.columns.filter((c) => present.has(c));
      const expansion = present.has('expansion');
      const select = db.prepare(
        `SELECT id, data${columns.map((c) => `, ${c}`).join('')}${expansion ? ', expansion' : ''} FROM ${plan.table} WHERE id > ? ORDER BY id LIMIT ${BATCH}`,
      );
      const update = db.prepare(
        `UPDATE ${plan.table} SET data = ?${columns.map((c) => `, ${c} = ?`).join('')}${expansion ? ', expansion = ?' : ''} WHERE id = ?`,
      );
      for (let after = 0; ; ) {
        const rows = select.all(after) as Record<string, unknown>[];
        if (rows.length === 0) break;
        db.transaction(() => {
          for (const row of rows) {
            result.rows++;
            const where = `${plan.table} row ${row.id}`;
            const data = mapBlob(plan.schema, row.data as Uint8Array, unmap, where);
            const texts = columns.map((c) => (typeof row[c] === 'string' ? unmap(row[c] as string) : row[c]));
            const expanded =
              expansion && row.expansion ? mapBlob(GrantExpandableSchema, row.expansion as Uint8Array, unmap, `${where} expansion`) : row.expansion;
            const changed =
              !Buffer.from(data).equals(row.data as Buffer) ||
              texts.some((t, i) => t !== row[columns[i]!]) ||
              (expansion && expanded !== row.expansion);
            if (!changed) continue;
            result.changed++;
            update.run(data, ...texts, ...(expansion ? [expanded ?? null] : []), row.id);
          }
        })();
        after = rows.at(-1)!.id as number;
      }
    }
  } finally {
    db.close();
  }
  return result;
}

function mapBlob(schema: DescMessage, bytes: Uint8Array, unmap: (text: string) => string, where: string): Uint8Array {
  const message = decodeMessage(schema, bytes, where);
  mapStrings(schema, message, unmap, registry);
  const out = encodeMessage(schema, message);
  return Buffer.from(out).equals(Buffer.from(bytes)) ? bytes : out;
}

/**
 * fake -> real over free text, the inverse of the sanitizer: fakes are found as whole words (`Name 0001`,
 * `user0001@example.com`, a GUID, `AIDA...`) or as the pieces of one (`group:<guid>:member`,
 * `arn:aws:iam::<account>:user/name0003`), never inside a longer word.
 */
export function reverseMapper(map: IdentityMap): (text: string) => string {
  const reverse = new Map(map.entries().map((e) => [e.fake, e.real]));
  const domains = new Map(
    map
      .entries()
      .filter((e) => e.kind === 'domain')
      .map((e) => [e.fake, e.real]),
  );
  const word = (run: string): string => {
    const whole = reverse.get(run);
    if (whole !== undefined) return whole;
    for (let dot = run.indexOf('.'); dot >= 0; dot = run.indexOf('.', dot + 1)) {
      const domain = domains.get(run.slice(dot + 1));
      if (domain !== undefined) return `${word(run.slice(0, dot))}.${domain}`;
    }
    if (!/[.@_-]/.test(run)) return run;
    const guids = run.replace(GUIDS, (g) => reverse.get(g) ?? g);
    if (guids !== run) return guids;
    return run
      .split(/([.@_-])/)
      .map((piece) => reverse.get(piece) ?? piece)
      .join('');
  };
  return (text) => (text === '' ? text : text.replace(/Name \d{4,}|[A-Za-z0-9][A-Za-z0-9._%+'#@-]*/g, (run) => reverse.get(run) ?? word(run)));
}
