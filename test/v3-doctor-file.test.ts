/**
 * `doctor -f` on the SDK's Pebble sample: the rows are read as from a v1 file, so state findings and
 * `--expect-ids` work, with no note about what could not be examined.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';

describeWithSamples('doctor -f on the pebble (v3) sample', () => {
  const pebble = samplePath(SAMPLE.pebble);
  const dir = mkdtempSync(join(tmpdir(), 'v3-doctor-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('state findings from the rows: 35000 users and 17 groups without a RawId; nothing unexamined', async () => {
    const result = await runCli(['doctor', '-f', pebble, '-o', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report.sync).toMatchObject({ id: '36zGvJw3uxU1QMJKU2yPVQ1hBOC', type: 'full', engine: 'pebble', endedAt: '2026-06-15T16:23:26.295713Z' });
    expect(report).not.toHaveProperty('notes');
    expect(report.findings.map((f: { id: string }) => f.id)).toEqual(['missing-raw-id']);
    expect(report.findings[0].title).toBe('Missing RawId: 35017 user/group resource(s) carry no RawId annotation');
  });

  it('--expect-ids against the v3 sync: missing, case-only and extra, exit 1', async () => {
    const list = join(dir, 'expected.txt');
    writeFileSync(list, ['user:user-0034999', 'group:GROUP-0000002', 'group:group-0000016', 'role:role-0000000'].join('\n'));
    const result = await runCli(['doctor', '-f', pebble, '--expect-ids', list, '-o', 'json']);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.expectIds).toMatchObject({
      expected: 4,
      found: 2,
      missing: ['group:group-0000016'],
      caseOnly: [{ expected: 'group:GROUP-0000002', found: 'group:group-0000002' }],
    });
    // Extra: the ids of the listed types (user, group, role) the list does not name.
    expect(report.expectIds.extra).toHaveLength(35000 - 1 + 17 - 1 + 100 - 1);
  });
});
