/**
 * A connector's credentials file, in the forms people have at hand: the plain object a scenario run writes
 * ({credentialsFile}), or `serve`'s ready line saved as it was printed, for one provider
 * (`{provider, baseUrl, credentials}`) or several (`{baseUrl, providers: [...]}`), where the named
 * provider's entry is taken. Anything else is the user's to fix, said in one line.
 */
import { readFileSync } from 'node:fs';
import { fileError } from '../../lib/errors.js';
import { checkInputFile } from '../../lib/fs/input-file.js';

export interface CredentialsFile {
  credentials: Record<string, unknown>;
  /** The base URL the ready line gave for this provider (absent for a plain credentials object). */
  baseUrl?: string;
}

const HINT = 'pass the JSON line `serve` prints, or the credentials.json a scenario run writes';

export function readCredentialsFile(file: string, provider: string, flag = '--credentials'): CredentialsFile {
  const where = `${flag} ${file}`;
  // Standard input, a FIFO or a folder are refused before reading (a FIFO would block for ever).
  checkInputFile(file, { flag, what: 'credentials file' });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw fileError(where, `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, HINT, error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw fileError(where, `not JSON (${(error as Error).message})`, HINT, error);
  }
  return credentialsFor(parsed, provider, where);
}

/** The credentials for `provider` in a parsed file; `where` names it in errors. */
export function credentialsFor(parsed: unknown, provider: string, where: string): CredentialsFile {
  if (!isObject(parsed)) throw fileError(where, `expected a JSON object, found ${describe(parsed)}`, HINT);
  if (Array.isArray(parsed.providers)) {
    const entries = parsed.providers.filter(isObject);
    const entry = entries.find((e) => e.provider === provider);
    const served = entries.map((e) => String(e.provider)).join(', ');
    if (!entry)
      throw fileError(where, `serve's ready line has no ${provider} (it serves ${served || 'nothing'})`, `run serve --provider ${provider}`);
    return fromEntry(entry, parsed, provider, where);
  }
  if ('credentials' in parsed && typeof parsed.provider === 'string') {
    if (parsed.provider !== provider)
      throw fileError(where, `serve's ready line is for ${parsed.provider}, not ${provider}`, `run serve --provider ${provider}`);
    return fromEntry(parsed, parsed, provider, where);
  }
  return { credentials: parsed };
}

function fromEntry(entry: Record<string, unknown>, line: Record<string, unknown>, provider: string, where: string): CredentialsFile {
  if (!isObject(entry.credentials)) throw fileError(where, `serve's ready line has no credentials object for ${provider}`, HINT);
  const baseUrl = typeof entry.baseUrl === 'string' ? entry.baseUrl : typeof line.baseUrl === 'string' ? line.baseUrl : undefined;
  return { credentials: entry.credentials, ...(baseUrl ? { baseUrl } : {}) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
}
