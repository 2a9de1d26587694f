/**
 * Proof that a recording, a fixture folder or a support bundle carries none of a run's secrets: every
 * file (folders recursed, `.tar.gz`/`.tgz` bundles read entry by entry) is searched for every secret in
 * every form secret-forms.ts knows, in the raw text and again after undoing URL encoding (`%2B` and `+`)
 * and JSON escaping, so a secret encoded twice (base64 inside a query string, a PEM inside JSON) is found
 * too. Findings name the file, the secret's label, the form and the byte offset; never the secret.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { list } from 'tar';
import { SecretMatcher, type Secret, type SecretForm } from './secret-forms.js';

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
  const hits: (SecretFinding & { end: number })[] = [];
  for (const view of views(text)) {
    for (const hit of matcher.find(view.text)) {
      const offset = view.offsets ? view.offsets[hit.offset]! : hit.offset;
      const end = view.offsets ? view.offsets[hit.offset + hit.length]! : hit.offset + hit.length;
      hits.push({ file, secret: hit.label, form: describe(view.form, hit.form), offset, end });
    }
  }
  // One finding per occurrence: a JWT's segments inside the whole JWT, or the same bytes seen again in a
  // decoded view, are the occurrence already reported.
  hits.sort((a, b) => a.offset - b.offset || b.end - a.end);
  const out: SecretFinding[] = [];
  const reach = new Map<string, number>();
  for (const { end, ...finding } of hits) {
    if ((reach.get(finding.secret) ?? -1) >= end) continue;
    reach.set(finding.secret, Math.max(end, reach.get(finding.secret) ?? -1));
    out.push(finding);
  }
  return out;
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

interface View {
  form: 'raw' | 'url-decoded' | 'form-decoded' | 'json-unescaped';
  text: string;
  /** Offset in the original for each offset in this view (absent for the raw text). */
  offsets?: Int32Array;
}

/**
 * The text as written, and decoded the ways a secret is commonly wrapped. Only views that differ from
 * the raw text are made. Text is handled as latin1, so the offsets are byte offsets.
 */
function views(text: string): View[] {
  const out: View[] = [{ form: 'raw', text }];
  if (/%[0-9A-Fa-f]{2}/.test(text)) out.push(decodeView(text, 'url-decoded', /%([0-9A-Fa-f]{2})/g));
  if (text.includes('+')) out.push(decodeView(text, 'form-decoded', /%([0-9A-Fa-f]{2})|\+/g));
  if (/\\[\\/nrtu"]/.test(text)) out.push(decodeView(text, 'json-unescaped', /\\(u[0-9A-Fa-f]{4}|[\\/nrt"])/g));
  return out;
}

function decodeView(text: string, form: View['form'], escape: RegExp): View {
  let out = '';
  const offsets: number[] = [];
  let at = 0;
  for (const match of text.matchAll(escape)) {
    for (let i = at; i < match.index; i++) offsets.push(i);
    out += text.slice(at, match.index);
    offsets.push(match.index);
    out += unescapeOne(match[0]);
    at = match.index + match[0].length;
  }
  for (let i = at; i < text.length; i++) offsets.push(i);
  out += text.slice(at);
  offsets.push(text.length);
  return { form, text: out, offsets: Int32Array.from(offsets) };
}

function unescapeOne(escape: string): string {
  if (escape === '+') return ' ';
  if (escape.startsWith('%')) return String.fromCharCode(parseInt(escape.slice(1), 16));
  const c = escape[1]!;
  if (c === 'u') return String.fromCharCode(parseInt(escape.slice(2), 16));
  return c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c;
}

function describe(view: View['form'], form: SecretForm): string {
  if (view === 'raw') return form;
  const wrapper = view === 'url-decoded' ? 'url-encoded' : view === 'form-decoded' ? 'form-encoded' : 'json-escaped';
  return form === 'plain' ? wrapper : `${wrapper} ${form}`;
}
