/**
 * The demo's story is what `diff` shows: the demo says its second sync lost every fourth user (and their
 * grants) and points at `diff -f`; diff on the file it wrote names that loss as `resource-type-drop` under
 * its default threshold, with only removals (no grants reshuffled onto other users).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'demo-story-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface DiffJson {
  totals: Record<'resources' | 'grants', { added: number; removed: number }>;
  byResourceType: { resourceType: string; resources: { base: number; compare: number; removed: number } }[];
  findings: { id: string; kind: string; message: string; examples: string[] }[];
}

describe('demo then diff', () => {
  it('diff -f finds the resource-type-drop the demo announces, and nothing else changed', async () => {
    const file = join(dir, 'sync.c1z');
    const demo = await runCli(['demo', '--out', file]);
    expect(demo.code).toBe(0);
    expect(demo.stderr).toContain('the second lost every fourth user and their grants');
    expect(demo.stderr).toContain(`sync-harness diff -f ${file}   (names the lost users: resource-type-drop)`);

    const diff = await runCli(['diff', '-f', file, '-o', 'json']);
    expect(diff.stderr).toBe('');
    const report = JSON.parse(diff.stdout) as DiffJson;
    const users = report.byResourceType.find((t) => t.resourceType === 'user')!.resources;
    expect(users).toMatchObject({ base: 250, compare: 188, removed: 62 });
    expect(report.findings.map((f) => f.id)).toEqual(['resource-type-drop']);
    expect(report.findings[0]!.message).toMatch(/^resource type user dropped 24\.8% \(250 → 188\), more than --drop-threshold 10%/);
    expect(report.findings[0]!.examples[0]).toBe('user:u-0000003');
    expect(report.totals.resources.added).toBe(0);
    expect(report.totals.grants.added).toBe(0);
    expect(report.totals.grants.removed).toBeGreaterThan(0);
  });
});
