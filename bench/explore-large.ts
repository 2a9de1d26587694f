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
import { LARGE, LARGE_LATER, syntheticFile } from './synthetic-file.js';

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

/** The diff view on the diff benchmark's two files: the report, and the first page of each change list. */
const DIFF_PAGES = [
  ['the report', '/'],
  ['removed users', '/changes/resources/user?kind=removed'],
  ['added users', '/changes/resources/user?kind=added'],
  ['changed users', '/changes/resources/user?kind=changed'],
  ['added group grants', '/changes/grants/group?kind=added'],
  ['removed group grants', '/changes/grants/group?kind=removed'],
  ['changed group grants', '/changes/grants/group?kind=changed'],
] as const;

export async function benchExploreLarge(runsDir: string) {
  const { path } = await syntheticFile(runsDir, 'stats-large', LARGE);
  const cli = resolve(import.meta.dirname, '../dist/harness/cli/main.js');
  const baseline = measure('baseline: grants -r group:g-000000 -o json', `node '${cli}' grants -f '${path}' -r group:g-000000 -o json >/dev/null`);
  const { opened, pages, peakMb } = await explorePages(cli, [path], PAGES);
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
}

/**
 * The diff view on the diff benchmark's two files (about 5% of 1M grants differing): its pages beside
 * `diff -o json`, which answers only the report, once per question. The same 300 ms per page as the sync
 * view; memory as `diff`'s own target (two files open, two name indexes).
 */
export async function benchExploreDiffLarge(runsDir: string) {
  const { path: base } = await syntheticFile(runsDir, 'stats-large', LARGE);
  const { path: later } = await syntheticFile(runsDir, 'diff-later', LARGE_LATER, new Date('2026-01-06T09:00:00Z'));
  const cli = resolve(import.meta.dirname, '../dist/harness/cli/main.js');
  const baseline = measure('baseline: diff A.c1z B.c1z -o json', `node '${cli}' diff '${base}' '${later}' -o json >/dev/null`, 1);
  const { opened, pages, peakMb } = await explorePages(cli, [base, later], DIFF_PAGES);
  const slowest = pages.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const ours: Measurement = { label: `explore A B: slowest page (${slowest.label.slice(6)})`, seconds: slowest.seconds, peakMb, runs: slowest.runs };
  return {
    name: 'explore diff pages on two syncs of 100k resources / 1M grants, after opening',
    file: later,
    baseline,
    ours,
    extra: [{ label: 'explore A B: opening (both files, the diff, the indexes)', seconds: opened, runs: [opened] }, ...pages],
    ratio: ours.seconds / baseline.seconds,
    targets: { seconds: 0.3, peakMb: 512 },
    notes: [
      'each page is requested 5 times; its slowest answer is kept',
      'the baseline computes the report for every question; explore once, at start',
    ],
  };
}

async function explorePages(cli: string, files: string[], list: ReadonlyArray<readonly [string, string]>) {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'explore', ...files, '--no-token'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const origin = new URL(await firstLine(child.stdout!)).origin;
    const opened = (performance.now() - started) / 1000;
    const pages: Measurement[] = [];
    for (const [label, path] of list) {
      const runs: number[] = [];
      for (let i = 0; i < REPEAT; i++) runs.push(await timeGet(`${origin}${path}`));
      const sorted = [...runs].sort((a, b) => a - b);
      pages.push({ label: `page: ${label}`, seconds: sorted[sorted.length - 1]!, runs });
    }
    const peakMb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    return { opened, pages, peakMb };
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
      res.on('end', () =>
        res.statusCode === 200 ? resolvePromise((performance.now() - started) / 1000) : reject(new Error(`${url}: ${res.statusCode}`)),
      );
    })
      .on('error', reject)
      .end();
  });
}
