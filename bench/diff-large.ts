/**
 * `sync-harness diff A.c1z B.c1z -o json` on two syncs of 100k resources and 1M grants (about 5% of the
 * objects added, removed or changed), decompression of both files included, against `sqldiff --summary` on
 * the same two databases already decompressed (Debian's sqlite3-tools). Target (issue 5): no slower than
 * sqldiff, under 512 MB peak memory.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { DiffReport } from '../reports/diff/report.js';
import { measure } from './measure.js';
import { LARGE, LARGE_LATER, syntheticFile } from './synthetic-file.js';

const SQLDIFF = 'sqldiff';

export async function benchDiffLarge(runsDir: string) {
  // The base is the stats benchmark's file: the same directory, unmutated.
  const { path: base } = await syntheticFile(runsDir, 'stats-large', LARGE);
  const { path: later } = await syntheticFile(runsDir, 'diff-later', LARGE_LATER, new Date('2026-01-06T09:00:00Z'));
  if (spawnSync(SQLDIFF, ['--help'], { stdio: 'ignore' }).error)
    throw new Error(`diff benchmark: ${SQLDIFF} not found; install Debian's sqlite3-tools`);
  const scratch = mkdtempSync(join(tmpdir(), 'sync-harness-bench-'));
  const cli = resolve(import.meta.dirname, '../dist/harness/cli/main.js');
  try {
    // The baseline reads ready databases: decompressing them is not part of its time.
    const [a, b] = [base, later].map((file, i) => {
      const db = join(scratch, `${i === 0 ? 'base' : 'later'}.db`);
      execFileSync('bash', ['-c', `tail -c +6 '${file}' | zstd -d -q > '${db}'`]);
      return db;
    });
    // Write the two gigabytes out now: left dirty, they would be flushed during the next measured command
    // (ours), throttling its own writes; the baseline only reads them, clean or not.
    execFileSync('sync');
    const baseline = measure('baseline: sqldiff --summary A.db B.db', `${SQLDIFF} --summary '${a}' '${b}' >/dev/null`);
    const command = `node '${cli}' diff '${base}' '${later}' -o json`;
    const ours = measure('sync-harness diff A.c1z B.c1z -o json', `${command} >/dev/null`);
    // Not the target's subject: what sqldiff costs when it too starts from the two .c1z files.
    const inflated = [join(scratch, 'a.db'), join(scratch, 'b.db')];
    const fromFiles = measure(
      'sqldiff with decompression (tail | zstd -d, both)',
      `tail -c +6 '${base}' | zstd -d -q > '${inflated[0]}' && tail -c +6 '${later}' | zstd -d -q > '${inflated[1]}' && ${SQLDIFF} --summary '${inflated[0]}' '${inflated[1]}' >/dev/null && rm -f ${inflated.map((f) => `'${f}'`).join(' ')}`,
    );
    const report = JSON.parse(execFileSync('bash', ['-c', command], { maxBuffer: 64 << 20 }).toString()) as DiffReport;
    const share = (t: keyof DiffReport['totals']) => {
      const c = report.totals[t];
      const pct = ((c.added + c.removed + c.changed) / c.base) * 100;
      return `${t} ${c.base.toLocaleString('en-US')} → ${c.compare.toLocaleString('en-US')} (+${c.added} -${c.removed} ~${c.changed}, ${pct.toFixed(1)}% differ)`;
    };
    return {
      name: 'diff of two syncs, 100k resources / 1M grants each, about 5% differing',
      file: later,
      baseline,
      ours,
      extra: [fromFiles],
      ratio: ours.seconds / baseline.seconds,
      targets: { ratio: 1, peakMb: 512 },
      notes: [
        `ours: ${share('resources')}; ${share('entitlements')}; ${share('grants')}`,
        'ours includes decompressing both files; sqldiff reads them already decompressed',
        'sqldiff pairs rows by rowid, not by external id, so its counts differ from ours: only time and memory compare',
      ],
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
