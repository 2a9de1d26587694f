/**
 * Loading scenario files and folders: the examples in scenarios/examples/ become the normalised objects the
 * runner works from, folders load recursively in sorted order, and names are unique across files.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveShape } from '../mocks/tenant/shape.js';
import { loadScenario, loadScenarioSet, loadScenarios, parseScenario } from '../harness/scenario/load.js';
import { DEFAULT_TIMEOUT_MS } from '../harness/scenario/schema.js';
import { expandCommand } from '../harness/scenario/placeholders.js';

const EXAMPLES = 'scenarios/examples';

describe('example scenarios', () => {
  it('entra throttling: builtin connector, fault parsed, counts normalised, durations in ms', async () => {
    const s = await loadScenario(join(EXAMPLES, 'entra-throttled-users.yaml'));
    expect(s.name).toBe('example-entra-throttled-users');
    expect(s.provider).toBe('entra');
    expect(s.tenant).toEqual(resolveShape({ seed: 7, users: 50, groups: 10 }));
    expect(s.permissions).toEqual(['User.Read.All', 'GroupMember.Read.All', 'RoleManagement.Read.Directory', 'Application.Read.All']);
    expect(s.faults).toEqual([
      { kind: 'throttle', params: { every: '3', 'retry-after': '2', route: 'graph.*' }, text: 'throttle:every=3,retry-after=2,route=graph.*' },
    ]);
    expect(s.connectors).toEqual([{ kind: 'builtin', ref: 'builtin:entra', provider: 'entra' }]);
    expect(s.timeoutMs).toBe(120_000);
    expect(s.actions).toEqual([]);
    expect(s.expect).toEqual({
      outcome: 'succeeded',
      counts: { user: { exact: 50 }, group: { min: 10, max: 10 } },
      complete: true,
      requests: { max: 200, perRoute: { 'graph.users.list': 20 } },
      retryAfterHonoured: true,
      peakMemoryMb: 256,
      findings: ['throttled'],
    });
    expect(s.source).toEqual({ file: join(EXAMPLES, 'entra-throttled-users.yaml'), line: 3, col: 7 });
  });

  it('google expired key: an expected error implies failure and keeps the exact texts', async () => {
    const s = await loadScenario(join(EXAMPLES, 'google-expired-key.yaml'));
    expect(s.faults.map((f) => f.kind)).toEqual(['expired-secret']);
    expect(s.expect).toEqual({
      outcome: 'failed',
      error: [{ text: 'invalid_grant' }, { text: 'Invalid JWT Signature.' }],
      findings: ['expired-secret'],
    });
    expect(s.timeoutMs).toBe(60_000);
  });

  it('external command: placeholders kept for the run, env, cwd, timeout and mode', async () => {
    const s = await loadScenario(join(EXAMPLES, 'scim-external-command.yaml'));
    expect(s.connectors).toEqual([
      {
        kind: 'external',
        name: 'my-scim-connector',
        command: ['./bin/baton-scim.mjs', '--scim-url', '{credentials.baseUrl}', '--token', '{credentials.token}', '--file', '{output}'],
        env: { LOG_LEVEL: 'debug' },
        cwd: '.',
        timeoutMs: 90_000,
        mode: 'base-url',
      },
    ]);
    expect(s.actions).toEqual([]);
    expect(s.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    const external = s.connectors[0]!;
    if (external.kind !== 'external') throw new Error('expected an external connector');
    expect(
      expandCommand(external.command, {
        'credentials.baseUrl': 'http://127.0.0.1:4000/scim/v2',
        'credentials.token': 't',
        output: 'runs/1/sync.c1z',
      }),
    ).toEqual(['./bin/baton-scim.mjs', '--scim-url', 'http://127.0.0.1:4000/scim/v2', '--token', 't', '--file', 'runs/1/sync.c1z']);
  });

  it('two connectors sharing one tenant: both listed', async () => {
    const s = await loadScenario(join(EXAMPLES, 'aws-shared-quota.yaml'));
    expect(s.connectors).toEqual([
      { kind: 'builtin', ref: 'builtin:aws', provider: 'aws' },
      { kind: 'builtin', ref: 'builtin:aws', provider: 'aws' },
    ]);
    expect(s.faults[0]?.params).toEqual({ bucket: '20', refill: '5', provider: 'aws' });
  });

  it('a variant is split out of its connector reference', () => {
    const s = parseScenario('version: 1\nname: v\nprovider: aws\nconnectors: [builtin:aws, builtin:aws:ignores-retry-after]\n', 'v.yaml');
    expect(s.connectors[1]).toEqual({ kind: 'builtin', ref: 'builtin:aws:ignores-retry-after', provider: 'aws', variant: 'ignores-retry-after' });
  });
});

describe('loading folders', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scenarios-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const write = async (path: string, name: string) => {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), `version: 1\nname: ${name}\nprovider: scim\nconnector: builtin:scim\n`);
  };

  it('loads *.yaml and *.yml recursively, sorted by path, skipping other files', async () => {
    await write('scim/b.yaml', 'b');
    await write('entra/z.yml', 'z');
    await write('aws/a.yaml', 'a');
    await writeFile(join(dir, 'README.md'), '# not a scenario');
    const loaded = await loadScenarios([dir]);
    expect(loaded.map((s) => s.source.file)).toEqual([join(dir, 'aws/a.yaml'), join(dir, 'entra/z.yml'), join(dir, 'scim/b.yaml')]);
    expect(loaded.map((s) => s.name)).toEqual(['a', 'z', 'b']);
  });

  it('keeps the order of the arguments and loads a file named twice once', async () => {
    await write('one/x.yaml', 'x');
    await write('two/y.yaml', 'y');
    const loaded = await loadScenarios([join(dir, 'two'), join(dir, 'one'), join(dir, 'two/y.yaml')]);
    expect(loaded.map((s) => s.name)).toEqual(['y', 'x']);
  });

  it('rejects the same name in two files, naming both', async () => {
    await write('a/first.yaml', 'same');
    await write('b/second.yaml', 'same');
    await expect(loadScenarios([dir])).rejects.toThrow(
      `${join(dir, 'b/second.yaml')}:2:7: name: "same" is already used by ${join(dir, 'a/first.yaml')}:2:7 (scenario names must be unique; rename one)`,
    );
  });

  it('loadScenarioSet: a bad file or a second use of a name is an entry of its own, and loading goes on', async () => {
    await write('a/first.yaml', 'same');
    await writeFile(join(dir, 'b-broken.yaml'), 'version: 1\nname: [oops\n');
    await write('c/second.yaml', 'same');
    await write('d/ok.yaml', 'ok');
    const entries = await loadScenarioSet([dir]);
    expect(entries.map((e) => ('problem' in e ? `${e.file}: problem` : e.scenario.name))).toEqual([
      'same',
      `${join(dir, 'b-broken.yaml')}: problem`,
      `${join(dir, 'c/second.yaml')}: problem`,
      'ok',
    ]);
    expect(entries[1]).toMatchObject({ problem: expect.stringMatching(new RegExp(`^${join(dir, 'b-broken.yaml')}:\\d+:\\d+: yaml: `)) });
    expect(entries[2]).toMatchObject({ problem: expect.stringContaining(`:2:7: name: "same" is already used by ${join(dir, 'a/first.yaml')}:2:7`) });
  });

  it('names a path that does not exist and a folder with no scenarios', async () => {
    await expect(loadScenarios([join(dir, 'nope')])).rejects.toThrow(
      `${join(dir, 'nope')}: no such file or folder (give a scenario file or a folder of them)`,
    );
    await expect(loadScenarios([dir])).rejects.toThrow(`${dir}: no scenarios in this folder (scenario files end in .yaml or .yml)`);
  });

  it('loads every shipped example with unique names', async () => {
    const loaded = await loadScenarios(['scenarios']);
    expect(loaded.length).toBeGreaterThanOrEqual(4);
    expect(new Set(loaded.map((s) => s.name)).size).toBe(loaded.length);
  });
});
