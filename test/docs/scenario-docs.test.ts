/**
 * What docs/scenarios.md and scenarios/examples/README.md say about scenario files holds: the error line
 * shown is the loader's, and `timeout` is virtual time for builtin connectors (a 5m cap costs no real
 * minutes) but the wall clock for an external program (killed at its own timeout).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../lib/errors.js';
import { parseScenario } from '../../harness/scenario/load.js';
import { runScenario } from '../../harness/testing.js';
import { repoRoot } from '../support/paths.js';

const runsDir = mkdtempSync(join(tmpdir(), 'scenario-docs-'));
afterAll(() => rmSync(runsDir, { recursive: true, force: true }));
const doc = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

describe('docs/scenarios.md', () => {
  it('shows the error line the loader prints for a mistyped fault', () => {
    const shown = /`sync-harness: (scenarios\/x\.yaml:6:10: faults\[0\]: [^`]*?), \.\.\.\)`/.exec(doc('docs/scenarios.md'));
    expect(shown, 'docs/scenarios.md should show the error for faults: ["throttel:every=3"] on line 6').not.toBeNull();
    const text = 'version: 1\nname: x\nprovider: entra\nconnector: builtin:entra\ntenant: { users: 5 }\nfaults: ["throttel:every=3"]\n';
    expect(() => parseScenario(text, 'scenarios/x.yaml')).toThrow(UserError);
    expect(() => parseScenario(text, 'scenarios/x.yaml')).toThrow(shown![1]!);
  });

  it('timeout with builtin connectors is virtual time: a 5m cap on Retry-After waits ends at once, with its message', async () => {
    expect(doc('docs/scenarios.md')).toContain('With builtin connectors only, it is **virtual time**');
    const text =
      'version: 1\nname: docs-virtual-timeout\nprovider: entra\ntenant: { seed: 1, users: 5, groups: 1 }\nfaults: ["throttle:every=1,retry-after=120,route=graph.*"]\nconnector: builtin:entra\ntimeout: 5m\n';
    const started = performance.now();
    const result = await runScenario(parseScenario(text, join(runsDir, 'virtual.yaml')), { runsDir });
    expect(result.outcome).toBe('failed');
    expect(result.error).toContain("run stopped: the scenario's timeout of 5m passed");
    // Three 120 s waits would pass 5 minutes; on the virtual clock none of them is slept for real.
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it('timeout of an external program is the wall clock: its process group is killed at connector.timeout', async () => {
    expect(doc('docs/scenarios.md')).toContain('When any connector is an external program, everything runs on the **wall clock**');
    expect(doc('scenarios/examples/README.md')).toContain('an external connector: wall clock');
    const command = JSON.stringify([process.execPath, '-e', 'setTimeout(() => {}, 60000)']);
    const text = `version: 1\nname: docs-wall-timeout\nprovider: scim\ntenant: { users: 3 }\nconnector:\n  command: ${command}\n  timeout: 1s\ntimeout: 5m\n`;
    const result = await runScenario(parseScenario(text, join(runsDir, 'wall.yaml')), { runsDir });
    expect(result.error).toMatch(/killed after its timeout of 1s/);
  });
});
