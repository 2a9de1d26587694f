/**
 * Proof that a recording, a fixture folder or a support bundle carries none of a run's secrets: every
 * file (folders recursed, `.tar.gz`/`.tgz` bundles read entry by entry) is searched for every secret in
 * every form secret-forms.ts knows, in the raw text and in the decoded views secret-views.ts makes, so a
 * secret encoded twice (base64 inside a query string, a PEM inside JSON) is found too. Findings name the
 * file, the secret's label, the form and the byte offset; never the secret.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { list } from 'tar';
import { SecretMatcher, type Secret } from './secret-forms.js';
import { findSecrets } from './secret-views.js';

export interface SecretFinding {
  /** The file; for an archive entry `bundle.tar.gz:inner/path`. */
  file: string;
  /** The secret's label, as given. */
  secret: string;
  /** How it was written: `base64`, or `url-encoded base64` for a base64 form found after URL-decoding. */
  form: string;
  /** Offset in the file (in the entry, for archives) where the match starts. */
  offset: number;
}

/** Files larger than this are skipped (and said so): recordings and bundles are far smaller. */
const MAX_FILE = 256 * 1024 * 1024;

export interface ScanResult {
  findings: SecretFinding[];
  filesScanned: number;
  skipped: string[];
}

export async function scanForSecrets(secrets: readonly Secret[], paths: readonly string[]): Promise<ScanResult> {
  const matcher = new SecretMatcher(secrets);
  const result: ScanResult = { findings: [], filesScanned: 0, skipped: [] };
  for (const path of paths) await scanPath(matcher, path, result);
  return result;
}

/** The findings in one text (a file's content, or a string about to be written). */
export function scanText(matcher: SecretMatcher, text: string, file: string): SecretFinding[] {
  return findSecrets(matcher, text).map(({ label, form, offset }) => ({ file, secret: label, form, offset }));
}

async function scanPath(matcher: SecretMatcher, path: string, result: ScanResult): Promise<void> {
  const info = await stat(path);
  if (info.isDirectory()) {
    for (const name of (await readdir(path)).sort()) await scanPath(matcher, join(path, name), result);
    return;
  }
  if (!info.isFile()) return;
  if (info.size > MAX_FILE) {
    result.skipped.push(path);
    return;
  }
  if (/\.(tar\.gz|tgz|tar)$/i.test(path)) {
    await scanArchive(matcher, path, result);
    return;
  }
  result.filesScanned++;
  result.findings.push(...scanText(matcher, (await readFile(path)).toString('latin1'), path));
}

async function scanArchive(matcher: SecretMatcher, path: string, result: ScanResult): Promise<void> {
  const pending: { name: string; chunks: Buffer[] }[] = [];
  await list({
    file: path,
    onReadEntry(entry) {
      if (entry.type !== 'File' || entry.size > MAX_FILE) return;
      const item = { name: entry.path, chunks: [] as Buffer[] };
      pending.push(item);
      entry.on('data', (chunk: Buffer) => item.chunks.push(chunk));
    },
  });
  for (const { name, chunks } of pending) {
    result.filesScanned++;
    result.findings.push(...scanText(matcher, Buffer.concat(chunks).toString('latin1'), `${path}:${name}`));
  }
}
