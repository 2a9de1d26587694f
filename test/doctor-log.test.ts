/**
 * `doctor --log` on customer-style logs built from the SDK's own messages (zap JSON and console), with
 * unrelated noise: each doctor id comes from its fixture and no other, healthy logs give none, and
 * unreadable input is one line with exit 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { repoRoot } from './support/paths.js';

const fixture = (name: string) => join(repoRoot, 'test/fixtures/logs', name);
const dir = mkdtempSync(join(tmpdir(), 'doctor-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each fixture and exactly the findings it must give. */
const CASES: [string, string[]][] = [
  ['entra-consent-missing.json.log', ['consent-missing']],
  ['entra-permission-missing.console.log', ['permission-missing']],
  ['write-back-denied.json.log', ['write-back-not-consented']],
  ['entra-expired-secret.json.log', ['expired-secret']],
  ['entra-invalid-secret.console.log', ['invalid-secret']],
  ['aws-invalid-key.json.log', ['invalid-secret']],
  ['throttled.json.log', ['throttled']],
  ['page-token-unchanged.console.log', ['page-token-unchanged']],
  ['page-token-unchanged-legacy.json.log', ['page-token-unchanged']],
  ['pagination-cycle.json.log', ['pagination-cycle']],
  ['provisioner-missing.console.log', ['provisioner-missing']],
  ['connection-refused.console.log', ['connection-refused']],
  ['dns-failure.json.log', ['dns-failure']],
  ['connection-reset.json.log', ['connection-reset']],
  ['request-timeout.console.log', ['request-timeout']],
  ['tls-untrusted.console.log', ['tls-untrusted']],
  ['daemon-auth-failed.json.log', ['daemon-auth-failed']],
  ['daemon-auth-failed.console.log', ['daemon-auth-failed']],
  ['daemon-no-tasks.json.log', ['daemon-no-tasks']],
  // The SDK's newer texts: pkg/sync/syncer.go (warning-ratio and run-duration exits), pkg/retry/retry.go
  // (max attempts), pkg/uhttp/pagination.go (missing pagination data).
  ['too-many-warnings.json.log', ['too-many-warnings']],
  ['sync-run-expired.console.log', ['sync-unfinished']],
  ['throttled-max-attempts.json.log', ['throttled']],
  ['pagination-data-missing.json.log', ['pagination-data-missing']],
];

interface Report {
  findings: { id: string; title: string; evidence: string[]; fix: string[] }[];
  log: { lines: number; format: string; provider?: string };
}

async function doctorJson(name: string): Promise<{ code: number; report: Report }> {
  const result = await runCli(['doctor', '--log', fixture(name), '-o', 'json']);
  expect(result.stderr).toBe('');
  return { code: result.code, report: JSON.parse(result.stdout) as Report };
}

describe('doctor --log', () => {
  it.each(CASES)('%s gives %j, with line-numbered evidence and fix steps, exit 1', async (name, ids) => {
    const { code, report } = await doctorJson(name);
    expect(report.findings.map((f) => f.id)).toEqual(ids);
    expect(code).toBe(1);
    for (const f of report.findings) {
      expect(f.evidence[0]).toMatch(/^line \d+: /);
      expect(f.fix.length).toBeGreaterThan(0);
    }
  });

  it('reads both zap encodings', async () => {
    expect((await doctorJson('throttled.json.log')).report.log.format).toBe('json');
    expect((await doctorJson('entra-permission-missing.console.log')).report.log.format).toBe('console');
  });

  it.each(['healthy-sync.json.log', 'healthy-sync.console.log', 'healthy-daemon.json.log'])('%s gives no finding, exit 0', async (name) => {
    const { code, report } = await doctorJson(name);
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('quotes the exact line: the 429 retry lines of the throttled log', async () => {
    const { report } = await doctorJson('throttled.json.log');
    const evidence = report.findings[0]!.evidence;
    expect(evidence).toEqual([
      expect.stringMatching(/^line 5: WARN base-http-client: HTTP error status status_code=429/),
      expect.stringMatching(/^line 6: WARN retrying operation/),
      expect.stringMatching(/^line 7: WARN retrying operation/),
    ]);
    expect(report.findings[0]!.title).toMatch(/2 'retrying operation'; the sync moved on afterwards/);
  });

  it('prints no credential a quoted log line carries, on the console or in JSON', async () => {
    // A token, a key id and a client secret in the 429 line the throttled finding quotes.
    const jwt = ['eyJhbGciOiJSUzI1NiJ9', 'eyJzdWIiOiJ4In0', 'c2lnbmF0dXJlc2lnbmF0dXJl'].join('.');
    const leaky = readFileSync(fixture('throttled.json.log'), 'utf8').replace(
      '"headers":"<redacted>"',
      `"headers":"Authorization: Bearer ${jwt}","request":"client_secret=s3cr3t-V4lue-xyz&key=AKIAIOSFODNN7EXAMPLE"`,
    );
    const path = join(dir, 'leaky.json.log');
    writeFileSync(path, leaky);
    for (const args of [['-o', 'json'], []]) {
      const result = await runCli(['doctor', '--log', path, ...args]);
      expect(result.stdout).toContain('throttled');
      expect(result.stdout).toContain('[redacted]');
      for (const secret of [jwt, 's3cr3t-V4lue-xyz', 'AKIAIOSFODNN7EXAMPLE']) expect(result.stdout).not.toContain(secret);
    }
  });

  it("names the SDK's warning-ratio exit with the skipped actions and the count it was taken over", async () => {
    const f = (await doctorJson('too-many-warnings.json.log')).report.findings[0]!;
    expect(f.title).toBe(
      'Too many warnings: the SDK stopped the sync after 12 skipped action(s) of 74 completed action(s) (its limit: over 10, and over 10%)',
    );
    expect(f.evidence[0]).toMatch(/^line 15: ERROR sync failed error=too many warnings, exiting sync/);
    expect(f.evidence[1]).toMatch(/^line 3: WARN skipping sync grant action/);
  });

  it("says when the SDK's retryer gave up rather than recovered", async () => {
    const f = (await doctorJson('throttled-max-attempts.json.log')).report.findings[0]!;
    expect(f.title).toBe("Throttled: 4 rate-limit line(s), 2 'retrying operation'; the SDK's retryer gave up ('max attempts reached')");
    expect(f.fix.join(' ')).not.toMatch(/The sync recovered/);
  });

  it("uses the provider's own fix terms when the log names it", async () => {
    const consent = (await doctorJson('entra-consent-missing.json.log')).report;
    expect(consent.log.provider).toBe('entra');
    expect(consent.findings[0]!.fix.join(' ')).toMatch(/Grant admin consent/);
    const expired = (await doctorJson('entra-expired-secret.json.log')).report;
    expect(expired.findings[0]!.fix.join(' ')).toMatch(/Certificates & secrets > New client secret/);
    const aws = (await doctorJson('aws-invalid-key.json.log')).report;
    expect(aws.findings[0]!.fix.join(' ')).toMatch(/InvalidClientTokenId/);
  });

  it('says how long the daemon sat idle', async () => {
    const { report } = await doctorJson('daemon-no-tasks.json.log');
    expect(report.findings[0]!.title).toBe('Daemon idle: 37 polls over 3.0 h returned no task');
  });

  it('prints findings readably on the console', async () => {
    const result = await runCli(['doctor', '--log', fixture('tls-untrusted.console.log')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Log: .*tls-untrusted\.console\.log \(3 lines, console format/);
    expect(result.stdout).toContain('[tls-untrusted] TLS untrusted');
    expect(result.stdout).toMatch(/ {2}- line 3: ERROR sync failed error=.*x509: certificate signed by unknown authority/);
    expect(result.stdout).toMatch(/ {4}1\. A TLS-inspecting proxy/);
  });

  it('an unreadable or empty log is one line, exit 2', async () => {
    const missing = await runCli(['doctor', '--log', fixture('no-such.log')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/no-such\.log: no such file \(check the path of the log file\)/);
    const folder = await runCli(['doctor', '--log', join(repoRoot, 'test/fixtures/logs')]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/logs: is a folder, not a log file/);
  });

  it('a file with no Baton log line in it is one line naming it, exit 2, not "healthy"', async () => {
    const result = await runCli(['doctor', '--log', fixture('notes.txt')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/notes\.txt: no line was recognised as a Baton log \(JSON or console format\) in its 4 line\(s\)/);
  });

  it("plain text a detector knows (a crash's saved stderr) is still diagnosed", async () => {
    const crash = join(dir, 'crash.txt');
    writeFileSync(crash, 'panic: sync failed\nError: dial tcp 127.0.0.1:443: connect: connection refused\n');
    const result = await runCli(['doctor', '--log', crash, '-o', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.log.format).toBe('text');
    expect(report.findings.map((f) => f.id)).toEqual(['connection-refused']);
  });

  it('without --log or -f it says what to give, exit 2', async () => {
    const result = await runCli(['doctor']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nothing to diagnose \(give --log FILE/);
  });
});
