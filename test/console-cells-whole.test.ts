/**
 * Console listings never cut ids: piped, every cell is printed whole (so `| grep user-0000020` finds the
 * row); in a terminal only free-text columns (display names) are cut, never ids, outcomes or finding ids.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, runCli } from './support/cli.js';
import { repoRoot } from './support/paths.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';

const dir = mkdtempSync(join(tmpdir(), 'cells-whole-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeWithSamples('grants listing on the expanded sample', () => {
  const expanded = samplePath(SAMPLE.expanded);
  const args = ['grants', '-f', expanded, '-r', 'group:group-0000002'];

  it.each([
    ['piped', undefined],
    ['in an 80-column terminal', 80],
  ])('%s: every principal id is whole, so grep finds user-0000020', async (_how, terminalColumns) => {
    const out = await runCli(args, terminalColumns ? { terminalColumns } : {});
    expect(out.code).toBe(0);
    const rows = lines(out.stdout).slice(2);
    expect(rows.length).toBeGreaterThan(1);
    expect(out.stdout).not.toContain('…');
    for (const row of rows) expect(row).toMatch(/ (user|group):(user|group)-\d{7}$/);
    expect(rows.filter((row) => row.includes('user-0000020'))).toHaveLength(1);
  });

  it('in a narrow terminal, cuts display names but not the ids beside them', async () => {
    const out = await runCli(['resources', '-f', expanded, '-t', 'group'], { terminalColumns: 40 });
    const rows = lines(out.stdout).slice(2);
    expect(rows.map((row) => row.split(' ')[0])).toEqual(expect.arrayContaining(['group-0000000', 'group-0000019', 'group-everyone']));
    expect(rows.every((row) => /^group-[\w-]+ +\S/.test(row))).toBe(true);
    expect(rows.some((row) => row.includes('…'))).toBe(true);
  });
});

describe('stats', () => {
  it('prints its own Counted From note whole in an 80-column terminal', async () => {
    const file = join(dir, 'demo.c1z');
    expect((await runCli(['demo', '--out', file])).code).toBe(0);
    const out = await runCli(['stats', '-f', file], { terminalColumns: 80 });
    expect(out.stdout).toMatch(/^Counted From {4}the stats cached in the file when the sync ended \(--recount counts rows\)$/m);
  });
});

describe('run summary table', () => {
  const throttled = join(repoRoot, 'scenarios/library/entra/throttled.yaml');

  it('keeps outcome and finding ids whole, piped and in a narrow terminal', async () => {
    for (const terminalColumns of [undefined, 40]) {
      const out = await runCli(['run', throttled, '--runs-dir', join(dir, 'runs')], terminalColumns ? { terminalColumns } : {});
      expect(out.code).toBe(0);
      expect(out.stdout).toMatch(/^ok {2}entra-throttled {2}entra {5}succeeded {2}\d+ +throttled$/m);
      expect(out.stdout).not.toContain('…');
    }
  });
});
