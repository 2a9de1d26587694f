/**
 * The shipped examples are what a new user runs first: `sync-harness run scenarios/examples` must meet every
 * expectation, the external-command example included (its stand-in program starts the fresh build).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtCli, runCli } from '../support/cli.js';

const runsDir = mkdtempSync(join(tmpdir(), 'docs-examples-'));
afterAll(() => rmSync(runsDir, { recursive: true, force: true }));

describe('sync-harness run scenarios/examples', () => {
  it('meets every expectation of every example', async () => {
    const { code, stdout, stderr } = await runCli(['run', 'scenarios/examples', '--runs-dir', runsDir, '-o', 'json'], {
      env: { SYNC_HARNESS_CLI: builtCli() },
    });
    const { scenarios } = JSON.parse(stdout) as { scenarios: { name: string; met: boolean; unmet: string[] }[] };
    expect(scenarios.map((s) => [s.name, s.met, s.unmet])).toEqual([
      ['example-aws-shared-quota', true, []],
      ['example-entra-throttled-users', true, []],
      ['example-google-expired-key', true, []],
      ['example-scim-external-command', true, []],
    ]);
    // stderr is not a terminal here: one progress line per scenario, and nothing else.
    expect({ code, stderr: stderr.split('\n').filter((line) => line && !/^\[\d\/4\] example-/.test(line)) }).toEqual({ code: 0, stderr: [] });
  }, 60_000);
});
