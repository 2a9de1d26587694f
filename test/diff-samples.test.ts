/** `diff` on the real Go-SDK samples: the expansion step's effect, a file against itself, a v3 file. */
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
    expect(lines(stderr)).toEqual([expect.stringMatching(/^note: no finished full sync in .*unexpanded\.c1z; comparing its unfinished sync 36zfOAoWMxQdISbixanQCRBiX7E$/)]);
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

  describe('v3 (Pebble)', () => {
    it('compares the header stats per type only, and says how to get more', async () => {
      const { body } = await diffJson(pebble, expanded);
      expect(body.comparison).toBe('stats-only');
      expect(body.note).toMatch(/object-level comparison needs files written with --storage-engine sqlite/);
      expect(body.totals.resources).toEqual({ base: 35217, compare: 1221, added: null, removed: null, changed: null, unchanged: null });
      expect(body.totals.grants).toMatchObject({ base: 66601, compare: 14981 });
      expect(body.byResourceType.every((t: any) => t.resources.added === null)).toBe(true);
      expect(body).not.toHaveProperty('changes');
    });

    it('on the console, says so up front', async () => {
      const result = await runCli(['diff', pebble, pebble]);
      expect(result.code, result.stderr).toBe(0);
      expect(lines(result.stdout)[2]).toMatch(/^note: a v3 \(Pebble\) file: only the per-type header stats are compared/);
    });

    it('a count gate cannot be judged from stats and fails rather than pass silently', async () => {
      const result = await runCli(['diff', pebble, pebble, '-o', 'json', '--fail-on', 'removed:grants>0']);
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout).gate.failures[0].message).toMatch(/^cannot tell removed grants from a stats-only comparison/);
    });
  });

  it('-f on a file with a single full sync: cannot diff, exit 2', async () => {
    const result = await runCli(['diff', '-f', expanded]);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/: cannot diff single sync run \(only one finished full sync, 36zfOAoWMxQdISbixanQCRBiX7E;/)]);
  });

  it('-f on a file with no finished full sync: no syncs found, exit 2', async () => {
    const result = await runCli(['diff', '-f', unexpanded]);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/unexpanded\.c1z: no syncs found - cannot diff \(no finished full sync among its 1;/)]);
  });
});
