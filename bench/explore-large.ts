/**
 * `sync-harness explore FILE` on a 100k-resource, 1M-grant v1 file: once the file is open, every page
 * (overview, search, a type's list, a user's page with its nested groups, the largest group's page, an
 * entitlement's holders, a grant) must answer in under 300 ms, the process staying under 300 MB. Shown
 * beside it, the listing a support engineer types today for the same question, `grants -r group:ID -o json`
 * (decompression included: it opens the file every time, the explorer once).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { measure, type Measurement } from './measure.js';
import { LARGE, syntheticFile } from './synthetic-file.js';

const PAGES = [
  ['overview', '/'],
  ['search by name (every resource)', '/resources?q=smith'],
  ['a type, page 100', '/resources?type=user&offset=5000'],
  ["a user's page (held through nested groups)", '/resource/user/u-0000042'],
  ["a group's page (entitlements, holders)", '/resource/group/g-000000'],
  ["an entitlement's holders, page 3", `/entitlement/${encodeURIComponent('group:g-000000:member')}?offset=100`],
] as const;
/** Requests per page; the median and the slowest are kept. */
const REPEAT = 5;

export async function benchExploreLarge(runsDir: string) {
  const { path } = await syntheticFile(runsDir, 'stats-large', LARGE);
  const cli = resolve(import.meta.dirname, '../dist/harness/cli/main.js');
  const baseline = measure('baseline: grants -r group:g-000000 -o json', `node '${cli}' grants -f '${path}' -r group:g-000000 -o json >/dev/null`);
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'explore', path, '--no-token'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const origin = new URL(await firstLine(child.stdout!)).origin;
    const opened = (performance.now() - started) / 1000;
    const pages: Measurement[] = [];
    for (const [label, path] of PAGES) {
      const runs: number[] = [];
      for (let i = 0; i < REPEAT; i++) runs.push(await timeGet(`${origin}${path}`));
      const sorted = [...runs].sort((a, b) => a - b);
      pages.push({ label: `page: ${label}`, seconds: sorted[sorted.length - 1]!, runs });
    }
    const peakMb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    const slowest = pages.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    const ours: Measurement = { label: `explore: slowest page (${slowest.label.slice(6)})`, seconds: slowest.seconds, peakMb, runs: slowest.runs };
    return {
      name: 'explore pages on 100k resources / 1M grants, after opening',
      file: path,
      baseline,
      ours,
      extra: [{ label: 'explore: opening (inflate, check, index names)', seconds: opened, runs: [opened] }, ...pages],
      ratio: ours.seconds / baseline.seconds,
      targets: { seconds: 0.3, peakMb: 300 },
      notes: ['each page is requested 5 times; its slowest answer is kept', 'the baseline opens the file for every question; explore once, at start'],
    };
  } finally {
    child.kill('SIGINT');
  }
}

function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let text = '';
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolvePromise(text.slice(0, text.indexOf('\n')));
    });
    stream.on('end', () => reject(new Error(`explore exited before printing its URL: ${text}`)));
  });
}

function timeGet(url: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    request(url, { headers: { accept: 'text/html' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolvePromise((performance.now() - started) / 1000) : reject(new Error(`${url}: ${res.statusCode}`))));
    })
      .on('error', reject)
      .end();
  });
}
