/**
 * The scan finds every form a secret takes when one is planted (so a clean scan means something), says
 * which form and where, reads .tar.gz bundles entry by entry, and never repeats the secret itself.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import type { Secret } from './secret-forms.js';
import { scanForSecrets } from './secret-scan.js';

const dir = mkdtempSync(join(tmpdir(), 'secret-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const clientSecret = 'abc8Q~Zt7/kP+9vW=rYx_QmN4.sT2uL6hJ0';
const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const b64url = (value: string) => Buffer.from(value).toString('base64url');
const header = b64url('{"alg":"RS256","typ":"JWT"}');
const payload = b64url('{"aud":"https://graph.microsoft.com","tid":"b04554ad-cd4b-48bf-901e-825fd7c1fa62","oid":"c9d8bab8"}');
const signature = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)).toString('base64url');
const jwt = `${header}.${payload}.${signature}`;
const secrets: Secret[] = [
  { label: 'clientSecret', value: clientSecret },
  { label: 'private key', value: pem },
  { label: 'access token', value: jwt },
];
const pemBody = pem.split('\n').filter((l) => l && !l.startsWith('-----'));

/** One file per planted form: what is in it, and the finding it must give. */
const PLANTED: Record<string, { text: string; secret: string; form: string }> = {
  'plain.txt': { text: `secret=${clientSecret}\n`, secret: 'clientSecret', form: 'plain' },
  'uri.txt': { text: `https://login.example/?s=${encodeURIComponent(clientSecret)}&x=1`, secret: 'clientSecret', form: 'url-encoded' },
  'form.txt': {
    text: `grant_type=client_credentials&client_secret=${new URLSearchParams({ s: clientSecret }).toString().slice(2)}`,
    secret: 'clientSecret',
    form: 'form-encoded',
  },
  'basic.txt': {
    text: `Authorization: Basic ${Buffer.from(`c05d672e-5f99:${clientSecret}`).toString('base64')}`,
    secret: 'clientSecret',
    form: 'base64',
  },
  'base64url.txt': { text: `state=${Buffer.from(`xyz${clientSecret}zz`).toString('base64url')}`, secret: 'clientSecret', form: 'base64url' },
  'uri-base64.txt': {
    text: `q=${encodeURIComponent(Buffer.from(`kk:${clientSecret}`).toString('base64'))}`,
    secret: 'clientSecret',
    form: 'url-encoded base64',
  },
  'json.txt': { text: JSON.stringify({ private_key: pem }), secret: 'private key', form: 'json-escaped' },
  'pem-run.txt': { text: `fragment ${pemBody[5]!.slice(7, 7 + 41)} end`, secret: 'private key', form: 'pem' },
  'jwt.txt': { text: `Bearer ${jwt}`, secret: 'access token', form: 'plain' },
  'jwt-payload.txt': { text: `{"claims":"${payload}"}`, secret: 'access token', form: 'jwt-segment' },
  'jwt-signature.txt': { text: `sig=${signature}`, secret: 'access token', form: 'jwt-segment' },
};

describe('the secret scan', () => {
  it('finds each planted form, naming the file, the secret, the form and the offset', async () => {
    const planted = join(dir, 'planted');
    mkdirSync(planted);
    for (const [name, { text }] of Object.entries(PLANTED)) writeFileSync(join(planted, name), text);
    const result = await scanForSecrets(secrets, [planted]);
    expect(result.filesScanned).toBe(Object.keys(PLANTED).length);
    for (const [name, { secret, form, text }] of Object.entries(PLANTED)) {
      const found = result.findings.filter((f) => f.file === join(planted, name));
      expect(
        found.map((f) => `${f.secret}: ${f.form}`),
        name,
      ).toEqual([`${secret}: ${form}`]);
      expect(found[0]!.offset, name).toBeLessThan(text.length);
    }
    for (const secret of secrets) expect(JSON.stringify(result.findings)).not.toContain(secret.value);
  });

  it("finds nothing where only a JWT's generic header segment, or other keys, appear", async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const file = join(dir, 'clean.json');
    writeFileSync(file, JSON.stringify({ header, other, note: 'abc8Q~ is how Entra secrets start' }));
    expect((await scanForSecrets(secrets, [file])).findings).toEqual([]);
  });

  it('reads a .tar.gz bundle entry by entry', async () => {
    const inner = join(dir, 'bundle-src');
    mkdirSync(join(inner, 'logs'), { recursive: true });
    writeFileSync(join(inner, 'logs', 'connector.log'), `level=debug msg="token" value=${jwt}\n`);
    writeFileSync(join(inner, 'README.md'), 'nothing here\n');
    const bundle = join(dir, 'bundle.tar.gz');
    await create({ gzip: true, file: bundle, cwd: inner }, ['logs', 'README.md']);
    const result = await scanForSecrets(secrets, [bundle]);
    expect(result.filesScanned).toBe(2);
    expect(result.findings).toEqual([{ file: `${bundle}:logs/connector.log`, secret: 'access token', form: 'plain', offset: 30 }]);
  });
});
