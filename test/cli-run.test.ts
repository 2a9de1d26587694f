/**
 * `sync-harness run`: exit 0 when every expectation is met, 1 when one is not, 2 on a bad scenario file;
 * each file stands alone (a bad one is its own error row, the rest still run); `-o json` and `-o junit`
 * carry what CI reads; `--shard` splits a folder with nothing lost or repeated.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { repoRoot } from './support/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const runsDir = join(dir, 'runs');
const library = (file: string) => join(repoRoot, 'scenarios/library', file);

function scenario(name: string, body: string, folder = dir): string {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${name}.yaml`);
  writeFileSync(file, `version: 1\nname: ${name}\nprovider: entra\ntenant: { seed: 3, users: 20, groups: 4 }\nconnector: builtin:entra\n${body}`);
  return file;
}

describe('sync-harness run', () => {
  it('exits 0 and prints the summary table when every expectation holds', async () => {
    const out = await runCli(['run', library('entra/control.yaml'), '--runs-dir', runsDir]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^ok\s+entra-control\s+entra\s+succeeded/m);
    expect(out.stdout).toContain('1 of 1 scenarios met their expectations');
    expect(readdirSync(join(runsDir, 'entra-control')).sort()).toEqual([
      '.sync-harness-run',
      'connector.log',
      'journal.jsonl',
      'result.json',
      'sync.c1z',
    ]);
  });

  it('exits 1 and says which expectation failed, with the doctor findings, when one does not', async () => {
    const file = scenario('entra-wrong-count', 'expect:\n  counts: { user: 21 }\n');
    const out = await runCli(['run', file, '--runs-dir', runsDir]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('  - counts.user: expected exactly 21, got 20');
  });

  it('-o json gives per scenario name, provider, outcome, met, error, stats, requests, findings, missing, extra, runDir', async () => {
    const out = await runCli([
      'run',
      library('entra/variant-no-raw-id.yaml'),
      library('entra/consent-not-granted.yaml'),
      '-o',
      'json',
      '--runs-dir',
      runsDir,
    ]);
    expect(out.code).toBe(0);
    const { scenarios } = JSON.parse(out.stdout) as { scenarios: Record<string, unknown>[] };
    expect(scenarios.map((s) => [s.name, s.outcome, s.met])).toEqual([
      ['entra-variant-no-raw-id', 'succeeded', true],
      ['entra-consent-not-granted', 'failed', true],
    ]);
    expect(Object.keys(scenarios[0]!)).toEqual(
      expect.arrayContaining(['name', 'provider', 'outcome', 'met', 'error', 'stats', 'requests', 'findings', 'missing', 'extra', 'runDir']),
    );
    expect((scenarios[0]!.findings as { id: string }[]).map((f) => f.id)).toEqual(['missing-raw-id']);
    expect(scenarios[1]!.error).toContain('Authorization_RequestDenied');
  });

  it('-o junit writes one testcase per scenario and a failure carrying the unmet expectation', async () => {
    const file = scenario('entra-junit-fail', 'expect:\n  counts: { group: 9 }\n');
    const out = await runCli(['run', library('entra/control.yaml'), file, '-o', 'junit', '--runs-dir', runsDir]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(out.stdout).toContain('tests="2" failures="1"');
    expect(out.stdout).toContain('<failure message="counts.group: expected exactly 9, got 4" type="expectation">');
  });

  it('exits 2 with one line naming the file, line and field for a scenario with an error, running nothing', async () => {
    const file = scenario('entra-bad-fault', 'faults: ["throttel:every=3"]\n');
    const out = await runCli(['run', file, '--runs-dir', runsDir]);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(new RegExp(`^sync-harness: ${file.replace(/[.]/g, '\\.')}:6:\\d+: faults\\[0\\]: .*throttel`));
    expect(out.stdout).toMatch(/^ERROR\s+entra-bad-fault\s+-\s+error/m);
    expect(existsSync(join(runsDir, 'entra-bad-fault'))).toBe(false);
  });

  describe('a folder with bad files among good ones', () => {
    const folder = join(dir, 'mixed');
    const runs = join(dir, 'mixed-runs');
    const badFault = scenario('a-bad-fault', 'faults: ["throttel:every=3"]\n', folder);
    const unknownGroup = scenario(
      'b-unknown-group',
      'actions:\n  - grant: { entitlement: "group:engineering:member", principal: "user:alice" }\n',
      folder,
    );
    scenario('c-good', 'expect:\n  counts: { user: 20 }\n', folder);
    const duplicate = scenario('d-duplicate', '', folder);
    writeFileSync(duplicate, readFileSync(duplicate, 'utf8').replace('name: d-duplicate', 'name: c-good'));

    it('reports each bad file at its line and column before running, runs the rest, and exits 2', async () => {
      const out = await runCli(['run', folder, '--runs-dir', runs]);
      expect(out.code).toBe(2);
      // Besides the progress line of the one good scenario (stderr is not a terminal here), only the bad files.
      expect(out.stderr).toMatch(/^\[\d\/4\] c-good {2}succeeded {2}met /m);
      expect(
        out.stderr
          .trim()
          .split('\n')
          .filter((line) => !line.startsWith('[')),
      ).toEqual([
        expect.stringMatching(new RegExp(`^sync-harness: ${badFault}:6:\\d+: faults\\[0\\]: "throttel:every=3": unknown fault "throttel"`)),
        `sync-harness: ${unknownGroup}:7:27: actions[0].grant.entitlement: no group "engineering" in the tenant (name it by an id or its mail address)`,
        `sync-harness: ${duplicate}:2:7: name: "c-good" is already used by ${join(folder, 'c-good.yaml')}:2:7 (scenario names must be unique; rename one)`,
      ]);
      expect(out.stdout).toMatch(/^ERROR\s+a-bad-fault\s+-\s+error\s+-\s+-\s*$/m);
      expect(out.stdout).toMatch(/^ERROR\s+b-unknown-group\s+entra\s+error/m);
      expect(out.stdout).toMatch(/^ok\s+c-good\s+entra\s+succeeded/m);
      expect(out.stdout).toMatch(/^ERROR\s+d-duplicate\s+-\s+error/m);
      expect(out.stdout).toContain(
        `b-unknown-group (${unknownGroup}): could not run\n  - ${unknownGroup}:7:27: actions[0].grant.entitlement: no group "engineering"`,
      );
      expect(out.stdout).toContain('1 of 4 scenarios met their expectations, 3 could not run');
      expect(readdirSync(runs)).toEqual(['c-good']);
    });

    it('-o json and -o junit carry the error rows', async () => {
      const json = await runCli(['run', folder, '--runs-dir', runs, '-o', 'json']);
      const { scenarios } = JSON.parse(json.stdout) as { scenarios: Record<string, unknown>[] };
      expect(scenarios.map((s) => [s.name, s.outcome, s.met, s.badInput])).toEqual([
        ['a-bad-fault', 'error', false, true],
        ['b-unknown-group', 'error', false, true],
        ['c-good', 'succeeded', true, undefined],
        ['d-duplicate', 'error', false, true],
      ]);
      expect(scenarios[1]!.error).toBe(
        `${unknownGroup}:7:27: actions[0].grant.entitlement: no group "engineering" in the tenant (name it by an id or its mail address)`,
      );
      const junit = await runCli(['run', folder, '--runs-dir', runs, '-o', 'junit']);
      expect(junit.code).toBe(2);
      expect(junit.stdout).toContain('tests="4" failures="0" errors="3"');
      expect(junit.stdout).toContain(`<error message="${unknownGroup}:7:27: actions[0].grant.entitlement: no group &quot;engineering&quot;`);
    });
  });

  it('a connector that writes garbage fails its own scenario with the reason; the others run; exit 1', async () => {
    const folder = join(dir, 'garbage');
    const writeGarbage = "require('fs').writeFileSync(process.argv[1], 'not a sync file')";
    scenario('b-good', '', folder);
    const connector = `connector:\n  command: [${JSON.stringify(process.execPath)}, -e, ${JSON.stringify(writeGarbage)}, "{output}"]\n`;
    writeFileSync(
      join(folder, 'a-garbage.yaml'),
      readFileSync(join(folder, 'b-good.yaml'), 'utf8').replace('name: b-good', 'name: a-garbage').replace('connector: builtin:entra\n', connector),
    );
    const out = await runCli(['run', folder, '--runs-dir', join(dir, 'garbage-runs')]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^FAIL\s+a-garbage\s+entra\s+failed/m);
    expect(out.stdout).toMatch(/^ok\s+b-good\s+entra\s+succeeded/m);
    expect(out.stdout).toContain('its output is not a sync file: not a c1z sync file (starts with 6e 6f 74 20 61;');
    expect(out.stdout).not.toContain('with -f');
    expect(out.stderr).not.toMatch(/^sync-harness:/m);
  });

  it('--shard i/n: the shards of a folder together run each scenario exactly once', async () => {
    // Small scenarios: this checks the flag's plumbing; which file goes to which shard is shard.test.ts's.
    const folder = join(dir, 'sharded');
    for (const name of ['s-a', 's-b', 's-c', 's-d', 's-e']) scenario(name, '', folder);
    const names: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const out = await runCli(['run', folder, '--shard', shard, '-o', 'json', '--runs-dir', runsDir]);
      names.push(...(JSON.parse(out.stdout) as { scenarios: { name: string }[] }).scenarios.map((s) => s.name));
    }
    expect(names.sort()).toEqual(['s-a', 's-b', 's-c', 's-d', 's-e']);
  });

  it('keeps secrets out of the run folder', async () => {
    await runCli(['run', library('entra/control.yaml'), '--runs-dir', runsDir]);
    const folder = join(runsDir, 'entra-control');
    for (const file of ['journal.jsonl', 'connector.log', 'result.json'])
      expect(readFileSync(join(folder, file), 'utf8')).not.toMatch(/client_secret=|"clientSecret"|eyJ[A-Za-z0-9_-]{20,}\./);
  });
});
