/**
 * The baseline for `tenant-generate.ts`: better-sqlite3 writing rows that need no generating (string
 * templates around the row number) into the same schema, with the same batching, pragmas and indexes.
 * What the real generator takes beyond this is the cost of faker, id derivation and name de-duplication.
 *
 *   node --import tsx bench/tenant-insert-baseline.ts OUT USERS GROUPS MEMBERSHIPS
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { BATCH_SIZE } from '../mocks/tenant/batches.js';
import { GROUPS, MEMBERSHIPS, TABLES, USERS } from '../mocks/tenant/schema.js';

const [out, users, groups, memberships] = [process.argv[2]!, ...process.argv.slice(3, 6).map(Number)] as [string, number, number, number];
rmSync(out, { force: true });
const db = new Database(out);
db.pragma('journal_mode = OFF');
db.pragma('synchronous = OFF');
db.pragma('locking_mode = EXCLUSIVE');
db.pragma('cache_size = -131072');
for (const table of TABLES) db.exec(table.create);

const insertUser = db.prepare(`INSERT INTO users VALUES (${Array(15).fill('?').join(', ')})`);
const insertGroup = db.prepare(`INSERT INTO groups VALUES (${Array(10).fill('?').join(', ')})`);
const insertMembership = db.prepare(`INSERT INTO memberships VALUES (?, 0, ?)`);
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const guid = (n: number, salt: number) => `${hex(n, 8)}-${hex(salt, 4)}-4000-8000-${hex(n * 7 + salt, 12)}`;

let pending = 0;
const step = () => {
  if (++pending < BATCH_SIZE) return;
  db.exec('COMMIT; BEGIN');
  pending = 0;
};

db.exec('BEGIN');
for (let seq = 1; seq <= users; seq++) {
  const upn = `firstname.lastname${seq}@contoso.test`;
  insertUser.run(
    seq,
    'member',
    1,
    'Firstname',
    'Lastname',
    'Firstname Lastname',
    upn,
    upn,
    'Senior Accounts Engineer',
    'Accounts',
    '2024-05-06T07:08:09.123Z',
    guid(seq, 1),
    `1${String(seq).padStart(20, '0')}`,
    `AIDA${String(seq).padStart(16, '0')}`,
    guid(seq, 2),
  );
  step();
}
db.exec(USERS.indexes.join(';'));
for (let seq = 1; seq <= groups; seq++) {
  insertGroup.run(
    seq,
    'security',
    'Accounts Engineers',
    `accounts-engineers${seq}@contoso.test`,
    'Streamlined cloud-native encoding',
    '2024-05-06T07:08:09.123Z',
    guid(seq, 3),
    `1${String(seq).padStart(14, '0')}`,
    `AGPA${String(seq).padStart(16, '0')}`,
    guid(seq, 4),
  );
  step();
}
db.exec(GROUPS.indexes.join(';'));
// Already in key order: the baseline gets the cheapest possible B-tree inserts.
const perGroup = Math.ceil(memberships / Math.max(1, groups));
let written = 0;
for (let group = 1; group <= groups && written < memberships; group++) {
  for (let member = 1; member <= perGroup && written < memberships; member++, written++) {
    insertMembership.run(group, member);
    step();
  }
}
db.exec('COMMIT');
db.exec(MEMBERSHIPS.indexes.join(';'));
db.close();
