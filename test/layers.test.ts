/**
 * The layer rule (.dependency-cruiser.cjs) bites: cruised with the project's config, the fixture tree's
 * deliberate upward imports, its reach past c1z's doors and its import cycles (of values, of types) are each
 * reported; the repository itself, cruised exactly as `npm run depcruise` (and .ci/run) does, has none.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths.js';

const CLI = join(repoRoot, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(repoRoot, '.dependency-cruiser.cjs');

interface Violation {
  rule: { name: string; severity: string };
  from: string;
  to: string;
}

/** The CLI's exit status and output: `err` (what npm run depcruise prints, failing on an error) or `json`. */
function cruise(cwd: string, folders: string[], output: 'err' | 'json'): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [CLI, ...folders, '--config', CONFIG, '--output-type', output], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (run.error) throw new Error(`depcruise did not run: ${run.error.message}`);
  return { status: run.status, stdout: run.stdout };
}

const violationsOf = (json: string): Violation[] => (JSON.parse(json) as { summary: { violations: Violation[] } }).summary.violations;

const brief = (v: Violation): string => `${v.rule.name}: ${v.from} -> ${v.to}`;

describe('the layer rule', () => {
  it('reports each deliberate violation in the fixture tree, and nothing else', { timeout: 60_000 }, () => {
    const fixture = join(repoRoot, 'test/fixtures/layers');
    const folders = ['lib', 'c1z', 'mocks', 'connectors', 'reports', 'harness'];
    const violations = violationsOf(cruise(fixture, folders, 'json').stdout);
    expect(violations.map(brief).sort()).toEqual([
      'c1z-through-its-doors: connectors/reaches-in.ts -> c1z/proto/message.ts',
      'connectors-use-the-contract-door: connectors/reaches-in.ts -> c1z/proto/message.ts',
      'lib-imports-nothing: lib/upward.ts -> harness/app.ts',
      'no-circular: mocks/ping.ts -> mocks/pong.ts',
      'no-circular: mocks/shape-a.ts -> mocks/shape-b.ts',
      'reports-import-below-the-harness: reports/uses-harness.ts -> harness/app.ts',
    ]);
    expect(violations.every((v) => v.rule.severity === 'error')).toBe(true);
    // Errors fail the command (its status is how many), so npm run depcruise fails and .ci/run with it.
    const run = cruise(fixture, folders, 'err');
    expect(run.stdout).toContain('error lib-imports-nothing: lib/upward.ts → harness/app.ts');
    expect(run.status).toBe(6);
  });

  it('finds no violation in the repository, cruised as npm run depcruise does', { timeout: 120_000 }, () => {
    const script = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.depcruise!;
    const folders = script.split(' --')[0]!.split(' ').slice(1);
    expect(folders).toEqual(['lib', 'c1z', 'mocks', 'connectors', 'reports', 'harness', 'bench', 'test']);
    const { status, stdout } = cruise(repoRoot, folders, 'err');
    expect(stdout).toContain('no dependency violations found');
    expect(status).toBe(0);
  });
});
