/** Runs a command several times and reports its median wall time and peak memory (via GNU time). */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

export interface Measurement {
  label: string;
  seconds: number;
  /** Peak resident set size of the whole command (the largest process in a pipeline), in MB. */
  peakMb?: number;
  runs: number[];
}

const GNU_TIME = '/usr/bin/time';

export function measure(label: string, command: string, repeat = 3): Measurement {
  const runs: number[] = [];
  const peaks: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const timeFile = join(tmpdir(), `sync-harness-bench-${process.pid}-${i}.time`);
    const useTime = existsSync(GNU_TIME);
    const started = performance.now();
    const result = useTime
      ? spawnSync(GNU_TIME, ['-f', '%M', '-o', timeFile, 'bash', '-c', command], { stdio: ['ignore', 'pipe', 'inherit'] })
      : spawnSync('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'inherit'] });
    runs.push((performance.now() - started) / 1000);
    if (result.status !== 0) throw new Error(`${label}: \`${command}\` exited with ${result.status}`);
    if (useTime) {
      peaks.push(Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024);
      rmSync(timeFile, { force: true });
    }
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { label, seconds: sorted[Math.floor(sorted.length / 2)]!, peakMb: peaks.length ? Math.max(...peaks) : undefined, runs };
}
