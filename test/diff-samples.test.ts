/** `diff` on the real Go-SDK samples: the expansion step's effect, a file against itself, v3 files against themselves and a v1 file. */
import { describe, expect, it } from 'vitest';
import { lines, runCli } from './support/cli.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';

async function diffJson(...args: string[]): Promise<{ body: any; stderr: string }> {
  const result = await runCli(['diff', ...args, '-o', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return { body: JSON.parse(result.stdout), stderr: result.stderr };
}

describeWithSamples('diff on the real samples', () => {
  const expanded = samplePath(SAMPLE.expanded);
  const unexpanded = samplePath(SAMPLE.unexpanded);
  const pebble = samplePath(SAMPLE.pebble);

  it('unexpanded against expanded: only grants move (expansion adds grants and their sources)', async () => {
    const { body, stderr } = await diffJson(unexpanded, expanded);
    expect(lines(stderr)).toEqual([
      expect.stringMatching(/^note: no finished full sync in .*unexpanded\.c1z; comparing its unfinished sync 36zfOAoWMxQdISbixanQCRBiX7E$/),
    ]);
    expect(body.comparison).toBe('objects');
    expect(body.totals.grants).toEqual({ base: 2909, compare: 14981, added: 12072, removed: 0, changed: 1199, unchanged: 1710 });
    expect(body.totals.resources).toEqual({ base: 1221, compare: 1221, added: 0, removed: 0, changed: 0, unchanged: 1221 });
    expect(body.totals.entitlements).toEqual({ base: 342, compare: 342, added: 0, removed: 0, changed: 0, unchanged: 342 });
    expect(body.changes.grants.fields).toEqual({ sources: 1199 });
    expect(body.findings.filter((f: any) => f.kind === 'change')).toEqual([]);
    const grantsByType = Object.fromEntries(body.byResourceType.map((t: any) => [t.resourceType, t.grants.added]));
    expect(grantsByType).toEqual({ group: 171, project: 5975, role: 5926, user: 0 });
  });

  it('a sample against itself: nothing added, removed or changed, and no change finding', async () => {
    const { body } = await diffJson(expanded, expanded);
    for (const table of ['resources', 'entitlements', 'grants']) expect(body.totals[table]).toMatchObject({ added: 0, removed: 0, changed: 0 });
    expect(body.totals.grants.unchanged).toBe(14981);
    expect(body.findings.filter((f: any) => f.kind === 'change')).toEqual([]);
    expect(body.differ).toBe(false);
    expect(body.gate.passed).toBe(true);
  });

  // Each case reads the Pebble sample's 35,000 users and 66,601 grants once or twice (about 8 s apiece alone):
  // on two loaded cores that passes the 30 s default, so these cases get more time rather than fewer checks.
  describe('v3 (Pebble)', { timeout: 120_000 }, () => {
    it('the pebble sample against itself: every object compared, none added, removed or changed', async () => {
      const { body } = await diffJson(pebble, pebble);
      expect(body.comparison).toBe('objects');
      expect(body).not.toHaveProperty('note');
      expect(body.totals).toEqual({
        resources: { base: 35217, compare: 35217, added: 0, removed: 0, changed: 0, unchanged: 35217 },
        entitlements: { base: 334, compare: 334, added: 0, removed: 0, changed: 0, unchanged: 334 },
        grants: { base: 66601, compare: 66601, added: 0, removed: 0, changed: 0, unchanged: 66601 },
      });
      const grantsByType = Object.fromEntries(body.byResourceType.map((t: any) => [t.resourceType, t.grants.unchanged]));
      expect(grantsByType).toEqual({ group: 65816, project: 393, role: 392, user: 0 });
      expect(body.findings.filter((f: any) => f.kind === 'change')).toEqual([]);
      expect(body.differ).toBe(false);
    });

    // Both samples come from the SDK's test connector: users user-0000000... (1000 in the v1 file, 35000 in
    // the v3 one), groups group-0000000... plus group-everyone (21 and 17), 100 projects and 100 roles in
    // each, two entitlements per group, one per project and role.
    it('the v1 sample against the pebble one: compared on what v3 keeps, so equal objects are unchanged', async () => {
      const { body } = await diffJson(unexpanded, pebble);
      expect(body.comparison).toBe('objects');
      expect(body.note).toMatch(
        /^a v1 \(SQLite\) file against a v3 \(Pebble\) file: only what v3 files keep is compared, not a resource's profile, status, external id/,
      );
      const type = (name: string) => body.byResourceType.find((t: any) => t.resourceType === name);
      // The first 1000 users are the same users; the v3 sync has 34000 more.
      expect(type('user').resources).toEqual({ base: 1000, compare: 35000, added: 34000, removed: 0, changed: 0, unchanged: 1000 });
      expect(type('project').resources).toMatchObject({ base: 100, compare: 100, changed: 0, unchanged: 100 });
      expect(type('role').resources).toMatchObject({ base: 100, compare: 100, changed: 0, unchanged: 100 });
      // group-0000016 to -0000019 exist only in the v1 sync, with their admin and member entitlements; the
      // groups both have differ in their GroupTrait (its profile counts the members).
      expect(type('group').resources).toEqual({ base: 21, compare: 17, added: 0, removed: 4, changed: 17, unchanged: 0 });
      expect(body.changes.resources.fields).toEqual({ annotations: 17 });
      expect(body.totals.entitlements).toEqual({ base: 342, compare: 334, added: 0, removed: 8, changed: 0, unchanged: 334 });
      expect(body.findings.find((f: any) => f.id === 'resource-type-drop')).toMatchObject({ resourceType: 'group', count: 4 });
      // A grant present in both is the same grant: the full entitlement and principal the v1 rows carry are
      // not held against the v3 ones' ids.
      expect(body.totals.grants).toMatchObject({ base: 2909, compare: 66601, changed: 0 });
      expect(body.totals.grants.unchanged + body.totals.grants.removed).toBe(2909);
      expect(body.totals.grants.unchanged + body.totals.grants.added).toBe(66601);
      expect(body.totals.grants.unchanged).toBeGreaterThan(2000);
    });

    it('the other way round: what was added is removed, and the note is the same', async () => {
      const { body: forward } = await diffJson(unexpanded, pebble);
      const { body: backward } = await diffJson(pebble, unexpanded);
      expect(backward.note).toBe(forward.note);
      for (const table of ['resources', 'entitlements', 'grants']) {
        const f = forward.totals[table];
        expect(backward.totals[table]).toEqual({
          base: f.compare,
          compare: f.base,
          added: f.removed,
          removed: f.added,
          changed: f.changed,
          unchanged: f.unchanged,
        });
      }
    });

    it('on the console, the note says what is compared', async () => {
      const result = await runCli(['diff', unexpanded, pebble]);
      expect(result.code, result.stderr).toBe(0);
      expect(lines(result.stdout)[2]).toMatch(/^note: a v1 \(SQLite\) file against a v3 \(Pebble\) file: only what v3 files keep is compared/);
    });

    it('a count gate is judged on the objects', async () => {
      const passed = await runCli(['diff', pebble, pebble, '-o', 'json', '--fail-on', 'removed:grants>0']);
      expect(passed.code, passed.stderr).toBe(0);
      const failed = await runCli(['diff', unexpanded, pebble, '-o', 'json', '--fail-on', 'removed:resources>0']);
      expect(failed.code).toBe(1);
      expect(JSON.parse(failed.stdout).gate.failures).toHaveLength(1);
    });
  });

  it('-f on a file with a single full sync: cannot diff, exit 2', async () => {
    const result = await runCli(['diff', '-f', expanded]);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(/: cannot diff single sync run \(only one finished full sync, 36zfOAoWMxQdISbixanQCRBiX7E;/),
    ]);
  });

  it('-f on a file with no finished full sync: no syncs found, exit 2', async () => {
    const result = await runCli(['diff', '-f', unexpanded]);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(/unexpanded\.c1z: no syncs found - cannot diff \(no finished full sync among its 1;/),
    ]);
  });
});
