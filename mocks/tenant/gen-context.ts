/** What every generation step shares: the connection, the shape, the per-entity faker and the batching. */
import type Database from 'better-sqlite3';
import type { Batches } from './batches.js';
import type { EntityFaker } from './entity-random.js';
import type { MembershipStage } from './membership-stage.js';
import type { TenantShape } from './model.js';
import type { NameCounter } from './name-counter.js';
import type { TableSchema } from './schema.js';

export interface GenContext {
  db: Database.Database;
  shape: TenantShape;
  random: EntityFaker;
  names: NameCounter;
  memberships: MembershipStage;
  batches: Batches;
}

/** Build a finished table's indexes, telling the progress listener first (a million-row sort takes a while). */
export function buildIndexes(ctx: GenContext, table: TableSchema): void {
  if (table.indexes.length === 0) return;
  ctx.batches.phase(`indexes: ${table.name}`);
  for (const sql of table.indexes) ctx.db.exec(sql);
}

/**
 * Draw until `insert` succeeds (it returns false on a duplicate), at most `tries` times. Unique pairs run
 * out when a small tenant is asked for many assignments; giving up beats looping forever, and the counts
 * the generator returns say how many were made.
 */
export function drawUnique(tries: number, insert: () => boolean): boolean {
  for (let i = 0; i < tries; i++) if (insert()) return true;
  return false;
}

/** 1 + floor(n × u^power): low seqs drawn far more often, for skewed sizes (a few big groups). */
export function skewed(u: number, n: number, power = 2): number {
  return 1 + Math.min(n - 1, Math.floor(n * u ** power));
}

/**
 * The first enabled member at or after `from` (wrapping round), or failing that `from` itself: owners and
 * admins are people, not guests or robots. An index seek per call; no list of members is held in memory.
 */
export function memberPicker(ctx: GenContext): (from: number) => number {
  const member = ctx.db.prepare<[number], { seq: number }>(
    `SELECT seq FROM users WHERE kind = 'member' AND enabled = 1 AND seq >= ? ORDER BY seq LIMIT 1`,
  );
  return (from) => member.get(from)?.seq ?? member.get(1)?.seq ?? from;
}
