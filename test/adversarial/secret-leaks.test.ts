/**
 * A connector that prints its secrets (test/fixtures/leaky-connector: its client secret or private key and
 * every access token it is issued, plain, URL-encoded, JSON-escaped, base64 at odd alignments, Basic and
 * Bearer headers, PEM raw and JSON-escaped, split across writes, and again in the stderr its error quotes)
 * leaves none of them anywhere: not in any file of the run folder (the sync file inflated and read too), not
 * in `run -o console|json|junit`, not in `report` Markdown or HTML. Searched with the scan that backs the
 * bundle, in every encoding, for the credentials and every token the connector saw.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inflateV1 } from '../../c1z/v1/decompress.js';
import { scanForSecrets, scanText, SecretMatcher, type Secret } from '../../lib/secrets/index.js';
import { builtCli, runCli } from '../support/cli.js';
import { repoRoot } from '../support/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'secret-leaks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const preload = join(repoRoot, 'test/fixtures/leaky-connector/leak-preload.mjs');
/** A private key's header, a JWT, a Bearer or Basic credential. */
const SHAPED = /-----BEGIN [A-Z ]*PRIVATE KEY-----|eyJ[\w-]{6,}\.eyJ|\b(Bearer|Basic) (?!\[redacted\])\S{8,}/;

interface Seen {
  credentials: Record<string, unknown>;
  tokens: string[];
  authorizations: string[];
}

/** What the leaky connector was given and issued, read from its own dump. */
function secretsSeen(dumps: string): { secrets: Secret[]; tokens: number } {
  const secrets: Secret[] = [];
  let tokens = 0;
  for (const file of readdirSync(dumps)) {
    const seen = JSON.parse(readFileSync(join(dumps, file), 'utf8')) as Seen;
    const c = seen.credentials as { clientSecret?: string; token?: string; serviceAccountKey?: { private_key: string; private_key_id: string } };
    if (c.clientSecret) secrets.push({ label: 'clientSecret', value: c.clientSecret });
    if (c.token) secrets.push({ label: 'token', value: c.token });
    if (c.serviceAccountKey)
      secrets.push(
        { label: 'private_key', value: c.serviceAccountKey.private_key },
        { label: 'private_key_id', value: c.serviceAccountKey.private_key_id },
      );
    for (const [i, value] of seen.tokens.entries()) secrets.push({ label: `access token #${i + 1}`, value });
    for (const [i, value] of seen.authorizations.entries()) secrets.push({ label: `authorization #${i + 1}`, value: value.replace(/^\S+\s+/, '') });
    tokens += seen.tokens.length;
  }
  return { secrets, tokens };
}

/** Every file of a run folder, the sync file inflated to its SQLite store. */
async function scanRunFolder(runDir: string, secrets: Secret[]): Promise<string[]> {
  const scan = await scanForSecrets(secrets, [runDir]);
  const inflated = join(dir, `inflated-${Date.now()}.db`);
  await inflateV1(join(runDir, 'sync.c1z'), inflated);
  const sync = await scanForSecrets(secrets, [inflated]);
  rmSync(inflated, { force: true });
  expect(scan.skipped).toEqual([]);
  return [...scan.findings, ...sync.findings].map((f) => `${f.secret} as ${f.form} in ${f.file}`);
}

for (const provider of ['entra', 'google']) {
  describe(`a ${provider} connector that prints its secrets`, () => {
    const scenario = join(repoRoot, `scenarios/library/${provider}/control.yaml`);
    const command = `${process.execPath} --import ${preload} ${builtCli()} connector ${provider} --credentials {credentialsFile} --file {output} --log-format json`;

    for (const output of ['console', 'json', 'junit']) {
      it(`leaves none of them in the run folder, run -o ${output} or report`, async () => {
        const dumps = join(dir, `${provider}-${output}-dumps`);
        mkdirSync(dumps);
        const runsDir = join(dir, `${provider}-${output}-runs`);
        const run = await runCli(['run', scenario, '--connector', command, '--runs-dir', runsDir, '-o', output], { env: { LEAKY_DUMP: dumps } });
        const { secrets, tokens } = secretsSeen(dumps);
        // It really leaked: it was issued tokens and exited 1 with them on stderr.
        expect(tokens).toBeGreaterThan(0);
        expect(secrets.length).toBeGreaterThan(tokens);
        expect(run.code).toBe(1);
        const runDir = join(runsDir, `${provider}-control`);
        const result = JSON.parse(readFileSync(join(runDir, 'result.json'), 'utf8')) as { error: string };
        expect(result.error).toMatch(/exited with code 1; stderr ends:\n.*giving up; .*\[redacted\]/s);
        expect(readFileSync(join(runDir, 'connector.log'), 'utf8')).toMatch(/\[redacted\]/);

        expect(await scanRunFolder(runDir, secrets)).toEqual([]);
        // Nor anything shaped like a key or a token, whatever its value.
        for (const file of readdirSync(runDir).filter((name) => name !== 'sync.c1z'))
          expect(readFileSync(join(runDir, file), 'utf8'), file).not.toMatch(SHAPED);
        const matcher = new SecretMatcher(secrets);
        expect(scanText(matcher, run.stdout + run.stderr, `run -o ${output}`)).toEqual([]);
        expect(run.stdout + run.stderr).not.toMatch(SHAPED);
        for (const format of ['markdown', 'html']) {
          const report = await runCli(['report', runDir, '-o', format]);
          expect(report.code).toBe(0);
          expect(report.stdout.length).toBeGreaterThan(500);
          expect(scanText(matcher, report.stdout, `report ${format}`)).toEqual([]);
          expect(report.stdout).not.toMatch(SHAPED);
        }
      }, 240_000);
    }
  });
}
