/**
 * Fault specs that were accepted and then did nothing (or divided by zero): unknown keys, keys of another
 * kind, impossible values, keys given twice, keys that need a partner. Each is refused where it is given
 * (`serve --fault`, a scenario file's `faults:`/`rerun.faults:`, the admin API's PUT) in one line that
 * lists the known keys, with a did-you-mean when one is close. Numbered cases were accepted before.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerValues } from '../../mocks/faults/keys.js';
import { parseFaultSpec } from '../../mocks/faults/spec.js';
import { PROVIDER_NAMES } from '../../mocks/providers.js';
import { lines, runCli } from '../support/cli.js';

const THROTTLE_KEYS = 'route, provider, every, after, count, probability, from, bucket, refill, retry-after, reason, status';

function refusal(text: string): string {
  try {
    parseFaultSpec(text);
  } catch (error) {
    expect((error as Error).name).toBe('UserError');
    return (error as Error).message;
  }
  throw new Error(`accepted: ${text}`);
}

describe('refused specs', () => {
  it.each([
    ['1', 'throttle:zzz=1', `unknown key "zzz" for throttle (known: ${THROTTLE_KEYS})`],
    ['2', 'throttle:every=0', 'every=0 must be a whole number of at least 1'],
    ['3', 'throttle:evry=3', `unknown key "evry" for throttle (did you mean "every"? known: ${THROTTLE_KEYS})`],
    ['4', 'throttle:bucket=0', 'bucket=0 must be a whole number of at least 1'],
    ['5', 'throttle:refill=5', 'refill without bucket: refill is the rate a token bucket fills at (add bucket=<units>)'],
    ['6', 'throttle:every=2,every=3', 'every is given twice'],
    ['7', 'throttle:count=0', 'count=0 must be a whole number of at least 1'],
    [
      '8',
      'throttle:reason=slowDown',
      `reason=slowDown must be one of userRateLimitExceeded, quotaExceeded, rateLimitExceeded, ${providerValues('throttle.reason').slice(3).join(', ')}`,
    ],
    ['9', 'throttle:retry-after=soon', 'retry-after=soon must be a number of seconds, or none of 0 or more'],
    ['10', 'throttle:provider=azure', `provider=azure must be one of ${PROVIDER_NAMES.join(', ')}`],
    ['11', 'throttle:route=', 'route= must not be empty'],
    ['12', 'server-error:status=200', 'status=200 must be an HTTP status from 500 to 599'],
    ['13', 'server-error:mode=cycle', 'unknown key "mode" for server-error (known: route, provider, every, after, count, probability, from, status)'],
    [
      '14',
      'bad-pagination:mode=sideways',
      'mode=sideways must be one of repeat-token, cycle, empty-page-with-token, duplicate-across-pages, drop-items, stale-token, unstable-order, total-mismatch',
    ],
    [
      '15',
      'bad-pagination:mod=cycle',
      'unknown key "mod" for bad-pagination (did you mean "mode"? known: route, provider, every, after, count, probability, from, mode, delta)',
    ],
    ['16', 'latency:ms=-5', 'ms=-5 must be a number of 0 or more'],
    ['17', 'latency:min=50,max=10', 'max=10 is below min=50'],
    ['18', 'latency:ms=5,median=10', 'ms is a fixed latency: give ms, or min/max, or median/sigma, not several'],
    ['19', 'latency:sigma=2', 'sigma without median: sigma shapes the lognormal latency around median=<ms>'],
    ['20', 'revoked-credential:reason=stolen', 'reason=stolen must be one of secret-deleted, app-disabled, app-deleted'],
    ['21', 'expired-secret:from=0', 'from=0 must be a whole number of at least 1'],
    ['22', 'network-error:status=500', 'unknown key "status" for network-error (known: route, provider, every, after, count, probability, from)'],
    ['23', 'partial-consent:missing=', 'missing= must not be empty'],
    ['24', 'reset:constructor=1', 'unknown key "constructor" for reset (known: route, provider, every, after, count, probability, from)'],
    ['25', 'hang:__proto__=1', 'unknown key "__proto__" for hang (known: route, provider, every, after, count, probability, from)'],
    ['26', 'throttle:every=1e3', 'every=1e3 must be a whole number of at least 1'],
  ])('%s. %s', (_n, text, problem) => {
    expect(refusal(text)).toBe(`--fault "${text}": ${problem}`);
  });

  it('the serving faults still take no keys at all', () => {
    expect(refusal('tls-untrusted:count=1')).toBe(
      '--fault "tls-untrusted:count=1": tls-untrusted takes no keys: it changes how the whole simulator is served (write just "tls-untrusted")',
    );
  });

  it('27. a spec with a newline or 10 KB in it is quoted escaped and cut, on one line', () => {
    const message = refusal(`throttle:every=3\n${'x'.repeat(10_000)}=1`);
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(500);
    expect(message).toMatch(
      /^--fault "throttle:every=3\\nx{63}… \(10019 characters\)": every=3\\nx{78}… \(10004 characters\) must be a whole number/,
    );
  });
});

describe('accepted specs', () => {
  it.each([
    'throttle:every=3,retry-after=2,provider=entra',
    'throttle:bucket=60,refill=10,provider=google',
    'throttle:every=3,retry-after=none',
    'throttle:status=429,route=identitystore.*',
    'bad-pagination:mode=total-mismatch,delta=-3,route=scim.users.list',
    'latency:min=10,max=50',
    'latency:max=50',
    'latency:median=100,sigma=0.5',
    'server-error:status=500,every=4,provider=aws',
    'partial-consent:missing=Group.Read.All|GroupMember.Read.All',
    'expired-secret:from=3',
    'network-error:count=1,route=graph.groups.list',
    'dns-failure',
  ])('%s', (text) => {
    expect(parseFaultSpec(text).text).toBe(text);
  });
});

describe('where specs are given', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fault-specs-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('28. serve --fault throttle:zzz=1: exit 2 before serving', async () => {
    const result = await runCli(['serve', '--provider', 'entra', '--fault', 'throttle:zzz=1']);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([`sync-harness: --fault "throttle:zzz=1": unknown key "zzz" for throttle (known: ${THROTTLE_KEYS})`]);
  });

  it('29. a scenario file: the position of the spec, then the same problem', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'version: 1\nname: bad-fault\nprovider: entra\nconnector: builtin:entra\nfaults: ["throttle:every=3"]\nrerun:\n  faults: ["throttle:every=0"]\n',
    );
    const result = await runCli(['run', '--runs-dir', join(dir, 'runs'), file]);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      `sync-harness: ${file}:7:12: rerun.faults[0]: "throttle:every=0": every=0 must be a whole number of at least 1`,
    ]);
  });
});
