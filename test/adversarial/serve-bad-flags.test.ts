/**
 * `serve` with a flag it cannot honour says so in one line on stderr and exits 2, before the ready line:
 * nothing on stdout, no stack, nothing left listening. The journal path is opened before the ready line,
 * and a path under /proc (where Node's recursive mkdir used to spin at 100% CPU forever) fails at once.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const serve = (...flags: string[]) => runCli(['serve', '--provider', 'scim', '--users', '2', ...flags]);

function expectOneLine(result: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('serve bad flags', () => {
  let dir: string;
  let busy: Server;
  let busyPort: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sync-harness-serve-flags-'));
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => busy.close(resolve));
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('--port already in use', async () => {
    expectOneLine(
      await serve('--port', String(busyPort), '--journal', join(dir, 'busy.jsonl')),
      new RegExp(`^sync-harness: --port ${busyPort}: already in use on 127\\.0\\.0\\.1 \\(choose another`),
    );
    // The journal of a serve that never started is not left behind either.
    expect(existsSync(join(dir, 'busy.jsonl'))).toBe(false);
  });

  it.each([
    ['99999', /--port 99999: not a TCP port \(expected 0-65535/],
    ['65536', /--port 65536: not a TCP port/],
    ['-1', /--port -1: expected a whole number of 0 or more/],
    ['http', /--port http: expected a whole number of 0 or more/],
    ['80.5', /--port 80\.5: expected a whole number/],
  ])('--port %s', async (port, message) => {
    expectOneLine(await serve('--port', port), message);
  });

  it('--journal naming a folder', async () => {
    expectOneLine(await serve('--journal', dir), new RegExp(`--journal ${dir}: is a folder \\(give a file name, e\\.g\\. ${dir}/journal\\.jsonl\\)`));
  });

  it('--journal under /proc fails at once instead of spinning', async () => {
    const started = performance.now();
    expectOneLine(
      await serve('--journal', '/proc/x/j.jsonl'),
      /--journal \/proc\/x\/j\.jsonl: cannot make the folder \/proc\/x \(no such folder, and it cannot be made there\)/,
    );
    expectOneLine(await serve('--journal', '/proc/j.jsonl'), /--journal \/proc\/j\.jsonl: cannot write it \(/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('--journal under a file', async () => {
    writeFileSync(join(dir, 'plain'), 'x');
    expectOneLine(
      await serve('--journal', join(dir, 'plain', 'sub', 'j.jsonl')),
      /cannot make the folder .*plain\/sub \(a file stands where a folder should be\)/,
    );
    expect(readFileSync(join(dir, 'plain'), 'utf8')).toBe('x');
  });

  it.skipIf(process.getuid?.() === 0)('--journal in a read-only folder', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    expectOneLine(await serve('--journal', join(locked, 'j.jsonl')), /cannot write it \(permission denied/);
    expectOneLine(await serve('--journal', join(locked, 'new', 'j.jsonl')), /cannot make the folder .*locked\/new \(permission denied\)/);
  });

  it('--tls with the CA folder under /proc', async () => {
    expectOneLine(await serve('--tls', '--tls-dir', '/proc/x'), /--tls-dir \/proc\/x: cannot write the CA there/);
  });
});
