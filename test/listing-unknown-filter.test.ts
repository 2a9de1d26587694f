/**
 * Listings filtered by something the sync does not hold: stdout stays the empty, valid listing (baton's
 * shape, for scripts), stderr names what does not exist in one line, with the closest id when one is near,
 * and the exit code is 2. A filter that exists but matches nothing is an ordinary empty listing, exit 0.
 */
import { expect, it } from 'vitest';
import { lines, runCli } from './support/cli.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';

describeWithSamples('listings filtered by a name the sync lacks', () => {
  const expanded = samplePath(SAMPLE.expanded);
  const pebble = samplePath(SAMPLE.pebble);

  it.each([
    [['grants', '-r', 'group:nope'], 'grants', /grants: no resource group:nope in .*expanded\.c1z \(`resources -t group` lists them\)$/],
    [['grants', '-r', 'group:group-000002'], 'grants', /no resource group:group-000002 in .* \(did you mean group:group-0000002\? /],
    [
      ['grants', '-r', 'grop:group-0000002'],
      'grants',
      /no resource grop:group-0000002 \(no resource type grop\) in .* \(did you mean group\? its types: group, project, role, user\)$/,
    ],
    [
      ['grants', '-e', 'group:group-0000002:membr'],
      'grants',
      /no entitlement group:group-0000002:membr in .* \(did you mean group:group-0000002:member\? /,
    ],
    [['grants', '-t', 'nope'], 'grants', /grants: no resource type nope in .* \(its types: group, project, role, user\)$/],
    [['resources', '-t', 'usr'], 'resources', /resources: no resource type usr in .* \(did you mean user\? /],
    [['entitlements', '-t', 'nope'], 'entitlements', /entitlements: no resource type nope in /],
  ])('%j: the empty JSON listing on stdout, one line naming it on stderr, exit 2', async (args, key, message) => {
    const out = await runCli([...args, '-f', expanded, '-o', 'json']);
    expect(out.code).toBe(2);
    expect(JSON.parse(out.stdout)).toEqual({ [key]: [] });
    expect(lines(out.stderr)).toHaveLength(1);
    expect(out.stderr).toMatch(/^sync-harness: /);
    expect(out.stderr.trim()).toMatch(message);
  });

  it('the console listing is the empty table, then the same line', async () => {
    const out = await runCli(['grants', '-r', 'group:nope', '-f', expanded]);
    expect(out.code).toBe(2);
    expect(lines(out.stdout)).toHaveLength(2);
    expect(out.stderr).toMatch(/no resource group:nope/);
  });

  it('reads the v3 (Pebble) file the same way', async () => {
    const out = await runCli(['grants', '-r', 'group:group-000002', '-f', pebble, '-o', 'json']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/did you mean group:group-0000002\?/);
  });

  it('a resource that exists but has no grants is an empty listing, exit 0, nothing on stderr', async () => {
    const out = await runCli(['grants', '-r', 'user:user-0000000', '-f', expanded, '-o', 'json']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ grants: [] });
  });
});
