/**
 * A connector printing 50 MiB to stderr costs the harness a bounded amount: `run` (a real process, its
 * peak RSS read from /proc) stays well under 400 MB, connector.log keeps the head and tail with one
 * "[... N bytes omitted ...]" line, result.json quotes only a short tail, and the secret it printed at
 * both ends is scrubbed from all of it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSecrets } from '../../harness/bundle/run-credentials.js';
import { HEAD_BYTES, STDERR_TAIL_BYTES, TAIL_BYTES } from '../../harness/run/output-limits.js';
import { scanForSecrets } from '../../lib/secrets/index.js';
import { spawnCli } from '../support/cli.js';
import { repoRoot } from '../support/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'captured-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MiB = 1024 * 1024;
const PRINTED_MIB = 50;
/** Node, the simulators and the run's own data take about 150 MB; holding the output took 1.5 GB. */
const RSS_LIMIT = 400 * 1e6;

/** The highest resident size a process reached, read until it exits (VmHWM is the kernel's own peak). */
function peakRss(pid: number): { stop(): number } {
  let peak = 0;
  const read = () => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
    } catch {
      // Gone.
    }
  };
  const timer = setInterval(read, 20);
  return {
    stop: () => {
      clearInterval(timer);
      read();
      return peak;
    },
  };
}

describe('a connector that prints 50 MiB to stderr', () => {
  it.skipIf(!existsSync('/proc/self/status'))(
    'costs the harness bounded memory and bounded files, scrubbed',
    async () => {
      const scenario = join(repoRoot, 'scenarios/library/entra/control.yaml');
      const noisy = join(repoRoot, 'test/fixtures/leaky-connector/noisy.mjs');
      const runsDir = join(dir, 'runs');
      const spawned = spawnCli([
        'run',
        scenario,
        '--connector',
        `${process.execPath} ${noisy} ${PRINTED_MIB} '{credentials.clientSecret}'`,
        '--runs-dir',
        runsDir,
        '-o',
        'json',
      ]);
      const rss = peakRss(spawned.child.pid!);
      const done = await spawned.done;
      const peak = rss.stop();
      expect(done.code).toBe(1);
      expect(peak).toBeGreaterThan(0);
      expect(peak).toBeLessThan(RSS_LIMIT);

      const runDir = join(runsDir, 'entra-control');
      const log = readFileSync(join(runDir, 'connector.log'), 'utf8');
      // Each 100-byte line becomes a JSON log line of about 130.
      expect(statSync(join(runDir, 'connector.log')).size).toBeLessThan(1.5 * (HEAD_BYTES + TAIL_BYTES));
      const marker = /\[\.\.\. (\d+) bytes omitted \.\.\.\]/.exec(log);
      expect(marker).not.toBeNull();
      expect(Number(marker![1])).toBeGreaterThan((PRINTED_MIB - 3) * MiB);
      const lines = log
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { msg: string });
      expect(lines[0]!.msg).toBe('starting with [redacted]');
      expect(lines.at(-1)!.msg).toBe('failed; secret [redacted]');

      expect(statSync(join(runDir, 'result.json')).size).toBeLessThan(STDERR_TAIL_BYTES + 64 * 1024);
      const result = JSON.parse(readFileSync(join(runDir, 'result.json'), 'utf8')) as { error: string };
      expect(result.error).toMatch(/exited with code 1; stderr ends:\n(noise .*\n){14}failed; secret \[redacted\]$/);
      expect(done.stdout.length).toBeLessThan(STDERR_TAIL_BYTES + 64 * 1024);

      const { secrets } = await runSecrets(scenario);
      expect((await scanForSecrets(secrets, [runDir])).findings).toEqual([]);
    },
    240_000,
  );
});
