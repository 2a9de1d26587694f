/**
 * `run` in a CI log (stdout and stderr not terminals): one line per scenario on stderr as it finishes, so a
 * library run is never silent; the report on stdout is unchanged.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, runCli } from './support/cli.js';
import { repoRoot } from './support/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'run-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('run progress when not in a terminal', () => {
  it('prints each scenario as it finishes, with its outcome, whether it met its expectations, and its time', async () => {
    const unmet = join(dir, 'entra-wrong-count.yaml');
    writeFileSync(
      unmet,
      'version: 1\nname: entra-wrong-count\nprovider: entra\ntenant: { seed: 3, users: 20, groups: 4 }\nconnector: builtin:entra\nexpect:\n  counts: { user: 21 }\n',
    );
    const out = await runCli([
      'run',
      join(repoRoot, 'scenarios/library/entra/control.yaml'),
      unmet,
      '--runs-dir',
      join(dir, 'runs'),
      '--log-level',
      'error',
    ]);
    expect(out.code).toBe(1);
    expect(lines(out.stderr)).toEqual([
      expect.stringMatching(/^\[1\/2\] entra-control {2}succeeded {2}met {2}\d+\.\ds$/),
      expect.stringMatching(/^\[2\/2\] entra-wrong-count {2}succeeded {2}NOT MET {2}\d+\.\ds$/),
    ]);
    expect(out.stdout).toContain('1 of 2 scenarios met their expectations, 1 did not');
  });
});
