/**
 * Reading every row of a v3 (Pebble) file, against reading every row of a v1 (SQLite) file of the same
 * size the same way. Ours: the SDK's Pebble sample (35,217 resources, 334 entitlements, 66,601 grants):
 * unpack the payload, merge the tables, decode each record into its connector message. Baseline: a
 * synthetic v1 file of about the same rows (35,117 resources, 66,200 grants), inflated and read through the
 * v1 store. Both run as `node --import tsx bench/v3-read.ts read FILE`; time and peak memory compared,
 * the ratio shown, not judged.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openSyncFile, Records, type SyncFile, detectFormat } from '../c1z/index.js';
import { openV3File } from '../c1z/v3/open-v3.js';
import { measure } from './measure.js';
import { syntheticFile } from './synthetic-file.js';

const PEBBLE_SAMPLE = resolve(import.meta.dirname, '../../shared/c1z-samples/sync.36zGvJw3uxU1QMJKU2yPVQ1hBOC.unexpanded.pebble.c1z');
/** About the sample's rows: 35,000 users and 117 groups and roles; 65,800 memberships and 400 role grants. */
const SAMPLE_SIZED = { users: 35_000, groups: 17, roles: 100, memberships: 65_800, roleAssignments: 400, seed: 42 };

export async function benchV3Read(runsDir: string) {
  const { path: v1Path } = await syntheticFile(runsDir, 'v3-read-baseline-v1', SAMPLE_SIZED);
  const script = resolve(import.meta.dirname, 'v3-read.ts');
  const baseline = measure('v1 file of the same size: every row decoded', `node --import tsx '${script}' read '${v1Path}' >/dev/null`);
  const ours = measure('v3 pebble sample: every row decoded', `node --import tsx '${script}' read '${PEBBLE_SAMPLE}' >/dev/null`);
  return {
    name: 'reading every row of a v3 (Pebble) file',
    file: PEBBLE_SAMPLE,
    baseline,
    ours,
    extra: [],
    ratio: ours.seconds / baseline.seconds,
    targets: { peakMb: 300 },
  };
}

/** Opens the file, decodes every resource type, resource, entitlement and grant; prints the counts. */
async function readEveryRow(path: string): Promise<void> {
  const file: SyncFile = (await detectFormat(path)) === 'v3' ? await openV3File(path) : await openSyncFile(path);
  try {
    const sync = file.syncs().at(-1)!;
    const scope = { syncId: sync.id };
    const rows = file.rows();
    const records = new Records(path, rows, scope);
    const counts = { resourceTypes: 0, resources: 0, entitlements: 0, grants: 0 };
    for (const row of rows.resourceTypes(scope)) counts.resourceTypes += records.resourceType(row).id ? 1 : 0;
    for (const row of rows.resources(scope)) counts.resources += records.resource(row).id ? 1 : 0;
    for (const row of rows.entitlements(scope)) counts.entitlements += records.entitlement(row).id ? 1 : 0;
    for (const row of rows.grants(scope)) counts.grants += records.grant(row).id ? 1 : 0;
    console.log(JSON.stringify(counts));
  } finally {
    file.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === 'read') {
  await readEveryRow(process.argv[3]!);
}
