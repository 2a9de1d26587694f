/**
 * `npm run bench`: every benchmark, each measured side by side with its baseline in the same run.
 * Results print as a table and are saved to runs/bench/results.json. Needs a build (`npm run build`)
 * and the zstd and sqlite3 command-line tools. Keys to run a subset: stats, tenant, sync, diff, v3, explore, explore-diff, serve, in-process.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Measurement } from './measure.js';
import { benchDiffLarge } from './diff-large.js';
import { benchExploreDiffLarge, benchExploreLarge } from './explore-large.js';
import { benchInProcess } from './in-process.js';
import { benchServeThroughput } from './serve-throughput.js';
import { benchStatsLarge } from './stats-large.js';
import { benchSyncEntra } from './sync-entra.js';
import { benchTenantGenerate } from './tenant-generate.js';
import { benchV3Read } from './v3-read.js';

const runsDir = resolve(import.meta.dirname, '../runs/bench');
mkdirSync(runsDir, { recursive: true });

interface Result {
  name: string;
  file: string;
  baseline: Measurement;
  ours: Measurement;
  extra: Measurement[];
  ratio: number;
  /** `ratio` is omitted where wall time against the baseline is shown but not judged. */
  targets: { ratio?: number; peakMb: number; seconds?: number };
  notes?: string[];
}

/** `npm run bench -- serve tenant` runs only the benchmarks whose key is given; no argument runs all. */
const only = process.argv.slice(2);
const wanted = (key: string) => only.length === 0 || only.includes(key);

const results: Result[] = [];
if (wanted('stats')) results.push(await benchStatsLarge(runsDir));
if (wanted('tenant')) results.push(await benchTenantGenerate(runsDir));
if (wanted('sync')) results.push(await benchSyncEntra(runsDir));
if (wanted('diff')) results.push(await benchDiffLarge(runsDir));
if (wanted('v3')) results.push(await benchV3Read(runsDir));
if (wanted('explore')) results.push(await benchExploreLarge(runsDir));
if (wanted('explore-diff')) results.push(await benchExploreDiffLarge(runsDir));
let failed = false;
for (const r of results) {
  const ok =
    (r.targets.ratio === undefined || r.ratio <= r.targets.ratio) &&
    (r.targets.seconds === undefined || r.ours.seconds < r.targets.seconds) &&
    (r.ours.peakMb ?? 0) < r.targets.peakMb;
  failed ||= !ok;
  console.log(`\n${r.name} (${r.file})`);
  for (const m of [r.baseline, r.ours, ...r.extra]) {
    console.log(
      `  ${m.label.padEnd(52)} ${m.seconds.toFixed(2)} s median of [${m.runs.map((s) => s.toFixed(2)).join(', ')}]  peak ${m.peakMb?.toFixed(0) ?? '?'} MB`,
    );
  }
  for (const note of r.notes ?? []) console.log(`  ${note}`);
  const ratioTarget = r.targets.ratio === undefined ? 'shown, not judged' : `target <= ${r.targets.ratio}x`;
  console.log(
    `  ratio ${r.ratio.toFixed(2)}x (${ratioTarget}), peak ${r.ours.peakMb?.toFixed(0) ?? '?'} MB (target < ${r.targets.peakMb} MB): ${ok ? 'met' : 'NOT MET'}`,
  );
}

/** Requests per second, ours against a baseline serving the same bytes; higher is better. */
interface Throughput {
  name: string;
  baseline: { perSecond: number; requests: number };
  ours: { perSecond: number; requests: number };
  ratio: number;
  /** Minimum ratio, where there is a target. */
  target?: number;
}

const throughputs: Throughput[] = [];
if (wanted('serve')) throughputs.push(await benchServeThroughput());
if (wanted('in-process')) throughputs.push(await benchInProcess());
for (const t of throughputs) {
  const ok = t.target === undefined || t.ratio >= t.target;
  failed ||= !ok;
  console.log(`\n${t.name}`);
  console.log(
    `  baseline ${t.baseline.perSecond.toFixed(0)} req/s (${t.baseline.requests} requests), ours ${t.ours.perSecond.toFixed(0)} req/s (${t.ours.requests})`,
  );
  console.log(
    `  ratio ${t.ratio.toFixed(3)}x (${t.target === undefined ? 'shown, not judged' : `target >= ${t.target}x`}): ${ok ? 'met' : 'NOT MET'}`,
  );
}
writeFileSync(resolve(runsDir, 'results.json'), `${JSON.stringify({ files: results, throughput: throughputs }, null, 2)}\n`);
process.exitCode = failed ? 1 : 0;
