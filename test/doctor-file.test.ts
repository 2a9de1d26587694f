/**
 * `doctor -f` on the real SDK samples: where an unfinished sync stopped (its token's current action),
 * what it reached, state findings; `--expect-ids` against a sync's ids; and the sync-token decoder on
 * the SDK's and the engine's token shapes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointToken } from '../harness/sync/checkpoint.js';
import { decodeSyncToken, stoppedAtLine } from '../harness/doctor/file/token.js';
import { compareIds } from '../harness/doctor/file/expect-ids.js';
import { runCli } from './support/cli.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';

const dir = mkdtempSync(join(tmpdir(), 'doctor-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function listFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function doctorJson(args: string[]): Promise<{ code: number; report: any; stderr: string }> {
  const result = await runCli(['doctor', ...args, '-o', 'json']);
  return { code: result.code, report: result.stdout ? JSON.parse(result.stdout) : undefined, stderr: result.stderr };
}

describe('sync token decoding', () => {
  it("reads the SDK's action stack: current action, queued actions, completed count", () => {
    const stopped = decodeSyncToken(
      JSON.stringify({
        actions: [{ operation: 'grant-expansion' }, { operation: 'list-grants' }],
        current_action: { operation: 'list-grants', resource_type_id: 'group', resource_id: 'g-17', page_token: 'p3' },
        completed_actions_count: 45,
      }),
    );
    expect(stopped).toEqual({
      operation: 'list-grants',
      step: 'grants',
      resourceType: 'group',
      resourceId: 'g-17',
      pageToken: 'p3',
      completedActions: 45,
      pending: ['grants', 'grant-expansion'],
    });
    expect(stoppedAtLine(stopped!)).toBe('grants of group/g-17 at page token p3');
  });

  it("reads the SDK's map form (actions_map, action_order, current_action_id)", () => {
    const stopped = decodeSyncToken(
      JSON.stringify({
        actions_map: {
          '1': { operation: 'list-resources', resource_type_id: 'user' },
          '2': { operation: 'list-resources', resource_type_id: 'group', parent_resource_type_id: 'org', parent_resource_id: 'o1' },
        },
        action_order: ['1', '2'],
        current_action_id: 2,
        completed_actions_count: 3,
      }),
    );
    expect(stopped).toMatchObject({ step: 'resources', resourceType: 'group', parent: 'org/o1', completedActions: 3, pending: ['resources user'] });
  });

  it("reads the harness engine's checkpoint", () => {
    const token = checkpointToken({ completed_actions_count: 7, current_action: { op: 'entitlements', resource_type_id: 'role', page_token: '2' } });
    expect(decodeSyncToken(token)).toMatchObject({
      operation: 'entitlements',
      step: 'entitlements',
      resourceType: 'role',
      pageToken: '2',
      completedActions: 7,
    });
  });

  it('gives nothing for an empty or foreign token', () => {
    expect(decodeSyncToken('')).toBeUndefined();
    expect(decodeSyncToken('not json')).toBeUndefined();
    expect(decodeSyncToken('{}')).toBeUndefined();
  });
});

describe('expected ids', () => {
  it('tells missing, case-only and extra ids of the expected types apart', () => {
    const present = new Set(['user:u1', 'user:U2', 'user:u3', 'group:g1']);
    expect(compareIds(['user:u1', 'user:u2', 'user:u9'], present)).toEqual({
      expected: 3,
      found: 1,
      missing: ['user:u9'],
      caseOnly: [{ expected: 'user:u2', found: 'user:U2' }],
      extra: ['user:u3'],
    });
  });
});

describeWithSamples('doctor -f on the SDK samples', () => {
  it('sync-in-progress: stopped listing entitlements after 45 actions, with what it had reached', async () => {
    const { code, report } = await doctorJson(['-f', samplePath(SAMPLE.inProgress)]);
    expect(code).toBe(1);
    expect(report.stoppedAt).toEqual({
      operation: 'list-entitlements',
      step: 'entitlements',
      completedActions: 45,
      pending: ['grants', 'grant-expansion'],
    });
    expect(report.reached.totals).toEqual({ resourceTypes: 5, resources: 79, entitlements: 0, grants: 0 });
    expect(report.reached.resources).toEqual({ group: 31, project: 25, role: 10, scoped_role: 3, user: 10 });
    expect(report.findings.map((f: { id: string }) => f.id)).toEqual(['missing-raw-id', 'sync-unfinished']);
    expect(report.findings[1].title).toBe('Sync unfinished: stopped during entitlements of every resource type');
  });

  it('unexpanded: stopped at grant expansion with every listing done; grants all point at synced principals', async () => {
    const { report } = await doctorJson(['-f', samplePath(SAMPLE.unexpanded)]);
    expect(report.stoppedAt).toEqual({ operation: 'grant-expansion', step: 'grant-expansion', completedActions: 600, pending: [] });
    expect(report.reached.totals).toEqual({ resourceTypes: 4, resources: 1221, entitlements: 342, grants: 2909 });
    expect(report.findings.map((f: { id: string }) => f.id)).toEqual(['missing-raw-id', 'sync-unfinished']);
    expect(report.findings[0].title).toBe('Missing RawId: 1021 user/group resource(s) carry no RawId annotation');
  });

  it('expanded (finished): no stop point, and --expect-ids reports missing, case-only and extra, exit 1', async () => {
    const list = listFile(
      'expected.txt',
      [
        '# ids the Terraform config matches',
        '',
        'user:user-0000001',
        'group:GROUP-0000002',
        'group:group-9999999',
        '  # indented comment',
        'group:group-0000003',
      ].join('\n'),
    );
    const { code, report } = await doctorJson(['-f', samplePath(SAMPLE.expanded), '--expect-ids', list]);
    expect(code).toBe(1);
    expect(report.stoppedAt).toBeUndefined();
    expect(report.expectIds).toMatchObject({
      expected: 4,
      found: 2,
      missing: ['group:group-9999999'],
      caseOnly: [{ expected: 'group:GROUP-0000002', found: 'group:group-0000002' }],
    });
    expect(report.expectIds.extra).toHaveLength(999 + 19);
    expect(report.findings.map((f: { id: string }) => f.id)).toEqual(['expected-id-missing', 'id-case-mismatch', 'missing-raw-id']);
  });

  it('prints where it stopped on the console', async () => {
    const result = await runCli(['doctor', '-f', samplePath(SAMPLE.inProgress)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Stopped at: entitlements of every resource type (45 actions done)');
    expect(result.stdout).toMatch(/scoped_role\s+3\s+0\s+0/);
    expect(result.stdout).toContain('[sync-unfinished]');
  });

  it('a bad expected-ids line or a missing list is one line, exit 2', async () => {
    const bad = await runCli(['doctor', '-f', samplePath(SAMPLE.expanded), '--expect-ids', listFile('bad.txt', 'user:u1\njust-a-name\n')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.txt: line 2 is not a type:id \("just-a-name"\)/);
    const missing = await runCli(['doctor', '-f', samplePath(SAMPLE.expanded), '--expect-ids', join(dir, 'none.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/none\.txt: no such file \(check the path of the id list\)/);
  });
});

it('--expect-ids without -f says to add the file, exit 2', async () => {
  const result = await runCli(['doctor', '--expect-ids', 'ids.txt']);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/--expect-ids compares against a sync \(add -f FILE/);
});
