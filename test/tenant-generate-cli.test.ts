/**
 * `sync-harness tenant generate`: writes a tenant the store can open, deterministically, atomically, and
 * with the usual one-line errors and exit code 2 for bad flags. The bar appears only on a terminal.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as tenantCommand } from '../harness/cli/commands/tenant.js';
import { Sink } from '../lib/output/sink.js';
import { openTenant } from '../mocks/tenant/store.js';
import { lines, runCli } from './support/cli.js';

let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tenant-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tenant generate', () => {
  it('writes a tenant with the flags given and says so in one line', async () => {
    const out = at('nested/dir/t.db');
    const result = await runCli(['tenant', 'generate', '--seed', '3', '--users', '50', '--roles', '4', '--domain', 'fabrikam.example', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^wrote .*t\.db: 50 users, 8 groups, \d+ memberships, 4 roles, .* \(seed 3, fabrikam\.example\) in \d+\.\d s\n$/);
    const tenant = openTenant(out);
    try {
      expect(tenant.shape).toMatchObject({ seed: 3, users: 50, roles: 4, domain: 'fabrikam.example' });
      expect(tenant.user(1)!.userPrincipalName).toMatch(/@fabrikam\.example$/);
    } finally {
      tenant.close();
    }
  });

  it('writes the same bytes for the same flags', async () => {
    for (const name of ['x.db', 'y.db'])
      expect((await runCli(['tenant', 'generate', '--seed', '8', '--users', '120', '--out', at(name)])).code).toBe(0);
    expect(readFileSync(at('x.db')).equals(readFileSync(at('y.db')))).toBe(true);
  });

  it.each([
    [['--users', '-1'], /^sync-harness: --users -1: expected a whole number of 0 or more\n$/],
    [['--users', 'many'], /^sync-harness: --users many: expected a number\n$/],
    [['--guest-ratio', '2'], /^sync-harness: --guest-ratio 2: expected a fraction from 0 to 1/],
    [['--memberships-per-user', '-3'], /^sync-harness: --memberships-per-user -3/],
    [['--domain', 'contoso.com'], /^sync-harness: --domain contoso\.com: must end in a reserved top-level domain/],
    [['--guest-ratio', '0.5', '--service-ratio', '0.6'], /^sync-harness: --guest-ratio, --external-ratio and --service-ratio add up to 1\.12/],
  ])('exits 2 with one line for %j and leaves the previous file alone', async (flags, message) => {
    const out = at('kept.db');
    writeFileSync(out, 'previous tenant');
    const result = await runCli(['tenant', 'generate', ...flags, '--out', out]);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(readFileSync(out, 'utf8')).toBe('previous tenant');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    [['tenant', 'generate', '--users', '5'], /required option '--out <path>' not specified/],
    [['tenant', 'make', '--out', 'never.db'], /'make' is invalid for argument 'action'/],
    [['tenant', 'generate', '--colour', 'red', '--out', 'never.db'], /unknown option '--colour'/],
  ])('exits 2 on usage errors: %j', async (args, message) => {
    const result = await runCli(args.map((a) => (a === 'never.db' ? at(a) : a)));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(at('never.db'))).toBe(false);
  });

  it('refuses a folder as the output', async () => {
    const result = await runCli(['tenant', 'generate', '--users', '5', '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sync-harness: --out .*: is a folder \(give a file name/);
  });

  it('lists its flags in --help', async () => {
    const result = await runCli(['tenant', '--help']);
    expect(result.code).toBe(0);
    for (const flag of ['--seed', '--users', '--groups', '--roles', '--apps', '--policies', '--memberships-per-user', '--domain', '--out <path>']) {
      expect(result.stdout).toContain(flag);
    }
  });
});

describe('tenant generate progress', () => {
  it('draws a bar on a terminal, then leaves only the summary line', async () => {
    const tty = capture(true);
    const code = await tenantCommand({ out: at('tty.db'), users: '300' }, ['generate'], {
      stdout: new Sink(capture(false).stream),
      stderr: new Sink(tty.stream),
    });
    expect(code).toBe(0);
    const text = tty.text();
    // The bar's frame: a percentage and the phase, drawn with cursor movement a log file would choke on.
    expect(text).toMatch(/\d+% \| \d+\/\d+ \| \w+/);
    expect(text).toContain('\x1B[');
    expect(text).toMatch(/wrote .*tty\.db: 300 users/);
  });

  it('writes no bar when stderr is not a terminal', async () => {
    const plain = capture(false);
    await tenantCommand({ out: at('plain.db'), users: '300' }, ['generate'], {
      stdout: new Sink(capture(false).stream),
      stderr: new Sink(plain.stream),
    });
    expect(plain.text()).not.toContain('\x1B[');
    expect(lines(plain.text())).toHaveLength(1);
  });
});

function capture(isTTY: boolean) {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  Object.assign(stream, { isTTY, columns: 120 });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}
