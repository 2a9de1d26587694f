/**
 * Stock command-line tools that prove our output is right by something other than our own code: `zstd` and
 * `sqlite3` read our files, `curl` and `go` are real HTTPS clients. Suites needing them are skipped where
 * they are missing, except under `CI=true`, where a missing tool is a failure rather than a silently
 * skipped suite (`.ci/run` installs them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

export const ZSTD = '/usr/bin/zstd';
export const SQLITE3 = '/usr/bin/sqlite3';
export const CURL = '/usr/bin/curl';
/** Debian's golang-go. */
export const GO = '/usr/bin/go';

/** `describe` for suites that spawn the tools (zstd and sqlite3 unless others are named). */
export function describeWithTools(name: string, body: () => void, tools: readonly string[] = [ZSTD, SQLITE3]): void {
  const missing = tools.filter((tool) => !existsSync(tool));
  if (missing.length === 0) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it(`has ${tools.join(', ')}`, () => {
        throw new Error(`missing ${missing.join(', ')}: CI images must install them (.ci/run does)`);
      });
    });
  } else {
    describe.skip(`${name} (needs ${missing.join(', ')})`, body);
  }
}

/** Runs a tool (no shell) and gives its stdout; a non-zero exit throws with its stderr. */
export function run(tool: string, args: string[], input?: string): string {
  return execFileSync(tool, args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** `sqlite3 -batch DB SQL`, one array of `|`-separated fields per output line. */
export function sqlite(db: string, sql: string): string[][] {
  return run(SQLITE3, ['-batch', '-noheader', db, sql])
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('|'));
}

/** A shell pipeline, for the one-liners the reference documents (`tail -c +6 f.c1z | zstd -d > f.db`). */
export function sh(script: string, ...args: string[]): string {
  return execFileSync('/bin/sh', ['-c', script, 'sh', ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}
