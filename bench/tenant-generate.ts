/**
 * `sync-harness tenant generate` with a million users (and the groups, memberships and assignments the
 * shape scales with them), against better-sqlite3 writing the same number of ready-made user, group and
 * membership rows into the same schema. The gap is what faker, id derivation and de-duplication cost.
 * Target (issue): peak memory under 1 GB; users per second is reported.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveShape } from '../mocks/tenant/shape.js';
import { openTenant } from '../mocks/tenant/store.js';
import { measure } from './measure.js';

const USERS = 1_000_000;
/** One run each: a run takes most of a minute, and the spread between runs is a few percent. */
const REPEAT = 1;

export async function benchTenantGenerate(runsDir: string) {
  const out = join(runsDir, 'tenant-1m.db');
  const baselineOut = join(runsDir, 'tenant-1m-baseline.db');
  const cli = resolve(import.meta.dirname, '../dist/harness/cli/main.js');
  const baselineScript = resolve(import.meta.dirname, 'tenant-insert-baseline.ts');
  const shape = resolveShape({ users: USERS });
  // The real generator's membership count, so both sides write as many rows.
  const memberships = Math.round(USERS * shape.membershipsPerUser);
  try {
    const baseline = measure(
      'baseline: better-sqlite3 inserting ready-made rows (tsx)',
      `node --import tsx '${baselineScript}' '${baselineOut}' ${USERS} ${shape.groups} ${memberships}`,
      REPEAT,
    );
    const ours = measure(
      `sync-harness tenant generate --users ${USERS}`,
      `node '${cli}' tenant generate --seed 1 --users ${USERS} -o '${out}' 2>/dev/null`,
      REPEAT,
    );
    const tenant = openTenant(out);
    const counts = tenant.counts();
    tenant.close();
    return {
      name: `tenant generate, ${USERS.toLocaleString('en')} users`,
      file: out,
      baseline,
      ours,
      extra: [],
      ratio: ours.seconds / baseline.seconds,
      // No wall-time target: faker and hashing are the point of the generator. Memory is the constraint.
      targets: { peakMb: 1024 },
      notes: [
        `${Math.round(USERS / ours.seconds).toLocaleString('en')} users/s; the baseline writes ${Math.round(USERS / baseline.seconds).toLocaleString('en')} ready-made users/s`,
        `wrote ${counts.users} users, ${counts.groups} groups, ${counts.memberships} memberships, ${counts.roleAssignments} role assignments, ${counts.appRoleAssignments} app role assignments, ${counts.policyAttachments} policy attachments`,
      ],
    };
  } finally {
    // Outputs, not inputs: three quarters of a gigabyte each is too much to leave lying around.
    rmSync(baselineOut, { force: true });
    rmSync(out, { force: true });
  }
}
