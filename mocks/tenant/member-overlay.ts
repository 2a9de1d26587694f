/**
 * Group membership as the simulators see it: the generated memberships, plus what provisioning calls
 * added, minus what they removed. The changes live in TEMP tables of the store's connection, never in the
 * tenant file (opened read-only): the next run starts from the same tenant, and `reset()` is two DELETEs.
 */
import type Database from 'better-sqlite3';
import type { Membership, Page, PageRequest, PrincipalType } from './model.js';
import { MEMBER_TYPE_CODE } from './schema.js';

/** A members() resume point packs (memberType, memberSeq) into one number: type × 2^32 + seq. */
const TYPE_STRIDE = 0x1_0000_0000;
const TYPES: PrincipalType[] = ['user', 'group'];

type Key = [groupSeq: number, memberType: number, memberSeq: number];
interface MemberRow {
  memberType: number;
  memberSeq: number;
}

const CHANGE_TABLE = (name: string) => `
  CREATE TEMP TABLE IF NOT EXISTS ${name} (
    group_seq INTEGER NOT NULL, member_type INTEGER NOT NULL, member_seq INTEGER NOT NULL,
    PRIMARY KEY (group_seq, member_type, member_seq)) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS temp.${name}_member ON ${name} (member_type, member_seq, group_seq);`;

/** The generated row survives unless a provisioning call removed it. */
const NOT_REMOVED = `NOT EXISTS (SELECT 1 FROM temp.member_removes r
  WHERE r.group_seq = m.group_seq AND r.member_type = m.member_type AND r.member_seq = m.member_seq)`;

export class MemberOverlay {
  private readonly page: Database.Statement<{ g: number; t: number; s: number; n: number }, MemberRow>;
  private readonly groupsOf: Database.Statement<[number, number, number, number], { groupSeq: number }>;
  private readonly inBase: Database.Statement<Key, { one: number }>;
  private readonly inAdds: Database.Statement<Key, { one: number }>;
  private readonly inRemoves: Database.Statement<Key, { one: number }>;
  private readonly write: Record<'add' | 'unadd' | 'remove' | 'unremove', Database.Statement<Key>>;
  private readonly changes: Database.Statement<[], { added: number; removed: number }>;

  constructor(private readonly db: Database.Database) {
    db.exec(CHANGE_TABLE('member_adds') + CHANGE_TABLE('member_removes'));
    // Each side is a range seek limited to the page, so a huge group costs one page of rows, not all of them.
    this.page = db.prepare(`
      SELECT memberType, memberSeq FROM (
        SELECT * FROM (SELECT member_type AS memberType, member_seq AS memberSeq FROM main.memberships m
          WHERE m.group_seq = :g AND (m.member_type, m.member_seq) > (:t, :s) AND ${NOT_REMOVED}
          ORDER BY m.member_type, m.member_seq LIMIT :n)
        UNION ALL
        SELECT * FROM (SELECT member_type, member_seq FROM temp.member_adds
          WHERE group_seq = :g AND (member_type, member_seq) > (:t, :s)
          ORDER BY member_type, member_seq LIMIT :n))
      ORDER BY memberType, memberSeq LIMIT :n`);
    this.groupsOf = db.prepare(`
      SELECT group_seq AS groupSeq FROM main.memberships m WHERE m.member_type = ? AND m.member_seq = ? AND ${NOT_REMOVED}
      UNION ALL
      SELECT group_seq FROM temp.member_adds WHERE member_type = ? AND member_seq = ?
      ORDER BY groupSeq`);
    const exists = (table: string) =>
      db.prepare<Key, { one: number }>(`SELECT 1 AS one FROM ${table} WHERE group_seq = ? AND member_type = ? AND member_seq = ?`);
    this.inBase = exists('main.memberships');
    this.inAdds = exists('temp.member_adds');
    this.inRemoves = exists('temp.member_removes');
    const insert = (table: string) => db.prepare<Key>(`INSERT INTO ${table} VALUES (?, ?, ?)`);
    const remove = (table: string) => db.prepare<Key>(`DELETE FROM ${table} WHERE group_seq = ? AND member_type = ? AND member_seq = ?`);
    this.write = {
      add: insert('temp.member_adds'),
      unadd: remove('temp.member_adds'),
      remove: insert('temp.member_removes'),
      unremove: remove('temp.member_removes'),
    };
    this.changes = db.prepare(`SELECT (SELECT count(*) FROM temp.member_adds) AS added, (SELECT count(*) FROM temp.member_removes) AS removed`);
  }

  members(groupSeq: number, page: PageRequest): Page<Membership> {
    const after = page.after ?? 0;
    const rows = this.page.all({ g: groupSeq, t: Math.floor(after / TYPE_STRIDE), s: after % TYPE_STRIDE, n: page.limit + 1 });
    const items = rows.slice(0, page.limit).map((r) => ({ groupSeq, memberType: TYPES[r.memberType]!, memberSeq: r.memberSeq }));
    const last = rows.length > page.limit ? rows[page.limit - 1]! : undefined;
    return last ? { items, next: last.memberType * TYPE_STRIDE + last.memberSeq } : { items };
  }

  memberOf(principalType: PrincipalType, seq: number): Membership[] {
    const type = MEMBER_TYPE_CODE[principalType];
    return this.groupsOf.all(type, seq, type, seq).map((r) => ({ groupSeq: r.groupSeq, memberType: principalType, memberSeq: seq }));
  }

  /** Whether the membership holds now, counting earlier adds and removes. */
  has(key: Key): boolean {
    if (this.inAdds.get(...key)) return true;
    return this.inBase.get(...key) !== undefined && this.inRemoves.get(...key) === undefined;
  }

  add(m: Membership): boolean {
    const key = toKey(m);
    if (this.has(key)) return false;
    // Re-adding a generated membership just cancels its removal, so the tenant looks untouched again.
    if (this.inRemoves.get(...key)) this.write.unremove.run(...key);
    else this.write.add.run(...key);
    return true;
  }

  remove(m: Membership): boolean {
    const key = toKey(m);
    if (!this.has(key)) return false;
    if (this.inAdds.get(...key)) this.write.unadd.run(...key);
    else this.write.remove.run(...key);
    return true;
  }

  /** Net memberships added since open (negative when more were removed). */
  delta(): number {
    const { added, removed } = this.changes.get()!;
    return added - removed;
  }

  reset(): void {
    this.db.exec(`DELETE FROM temp.member_adds; DELETE FROM temp.member_removes;`);
  }
}

function toKey(m: Membership): Key {
  return [m.groupSeq, MEMBER_TYPE_CODE[m.memberType], m.memberSeq];
}
