/**
 * `demo`: the quick start's main job. Writes a seeded sync file with two full syncs of a small directory (the
 * second one lost a quarter of its users and their grants, as a sync that ran into trouble would) and shows
 * its stats, so a new user sees the inspection commands work before pointing them at a real file.
 */
import { makeDirs } from '../../../lib/fs/make-dirs.js';
import { checkOutputFile } from '../../../lib/fs/output-file.js';
import { dirname } from 'node:path';
import { UserError } from '../../../lib/errors.js';
import { writeDirectory, steppingClock, C1zWriter } from '../../../c1z/index.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import { run as stats } from './stats.js';
import type { DemoOptions } from '../command-options.js';

/**
 * The second sync skips every fourth user: 25 %, clearly past `diff`'s default drop threshold (more than
 * 10 %), so the `resource-type-drop` finding the demo announces is what `diff -f` shows.
 */
const DROP_EVERY_NTH_USER = 4;

export async function run(options: DemoOptions, _args: string[], io: CommandIO): Promise<number> {
  const seed = count('--seed', options.seed);
  const users = count('--users', options.users);
  const groups = count('--groups', options.groups);
  makeDirs(dirname(options.out), { label: '--out' });
  checkOutputFile(options.out, '--out');
  const writer = new C1zWriter(options.out, { seed, clock: steppingClock(new Date('2026-01-05T09:00:00Z'), 3) });
  try {
    const shape = { users, groups, roles: 5, memberships: users * 3, roleAssignments: Math.ceil(users / 10), seed };
    const first = writer.startSync();
    writeDirectory(writer, first, shape);
    writer.endSync(first);
    const second = writer.startSync();
    writeDirectory(writer, second, { ...shape, dropEveryNthUser: DROP_EVERY_NTH_USER });
    writer.endSync(second);
    await writer.finish();
  } catch (error) {
    writer.abort();
    throw error;
  }
  await io.stderr.line(`wrote ${options.out} (two full syncs; the second lost every fourth user and their grants)`);
  const code = await stats({ file: options.out, outputFormat: 'console' }, [], io);
  await io.stderr.line(`\nnext: npx sync-harness diff -f ${options.out}   (names the lost users: resource-type-drop)`);
  await io.stderr.line(`      npx sync-harness syncs -f ${options.out}   |   npx sync-harness resources -f ${options.out} -t user`);
  return code;
}

function count(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`${flag} ${value}: expected a whole number of 0 or more`);
  return n;
}
