/**
 * The one scrubber every artifact goes through (a run's log, result, journal and console output, reports,
 * bundles): the secrets it is given, in every form the scan knows (secret-views.ts), and then anything
 * shaped like a credential even when its value is unknown (JWTs, private keys, Bearer and Basic values,
 * values of secret-named fields). Page tokens are kept: they are how a pagination bug is diagnosed, and
 * they grant nothing.
 */
import { PROVIDERS } from '../../mocks/providers.js';
import { secretFieldKind, secretFieldPattern } from './credential-fields.js';
import { SecretMatcher, widen, type Secret } from './secret-forms.js';
import { findSecrets } from './secret-views.js';

export const MARK = '[redacted]';

const SECRET_NAME = `(?:${secretFieldPattern()}|authorization)`;

/** Schemes whose value is a credential: the standard two and the providers' own (their descriptors' authSchemes). */
const SCHEMES = [...new Set(['Bearer', 'Basic', ...PROVIDERS.flatMap((p) => p.authSchemes ?? [])])].join('|');

const PATTERNS: Array<[RegExp, string]> = [
  // A PEM block, raw or JSON-escaped (\n as two characters).
  [/-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g, `[private key ${MARK}]`],
  // The start of one whose end is not there (cut off, or printed apart): the header and the base64 after it.
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----(?:(?:\\n|\s)+[A-Za-z0-9+/=]{4,})*/g, `[private key ${MARK}]`],
  [/eyJ[\w-]{6,}\.eyJ[\w-]{6,}\.[\w-]*/g, `[jwt ${MARK}]`],
  [new RegExp(String.raw`\b(${SCHEMES})\s+[\w.~+/=-]{8,}`, 'gi'), `$1 ${MARK}`],
  // An Authorization header holding a bare credential, with no scheme before it (some SCIM clients).
  [new RegExp(String.raw`\b((?:proxy-)?authorization\s*:\s*)(?!(?:${SCHEMES}|AWS4-HMAC-SHA256)\b)[\w.~+/=-]{8,}`, 'gi'), `$1${MARK}`],
  [new RegExp(String.raw`("${SECRET_NAME}"\s*:\s*)"(?:[^"\\]|\\.)*"`, 'gi'), `$1"${MARK}"`],
  [new RegExp(String.raw`\b(${SECRET_NAME}=)[^&\s"']+`, 'gi'), `$1${MARK}`],
  // AWS access key ids: not secret alone, but they name the credential a leaked secret key goes with.
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, `[aws access key id ${MARK}]`],
];

/** Redacting can join what is left into a new encoded match; a few passes settle it. */
const MAX_PASSES = 3;

export class Scrubber {
  private readonly matcher: SecretMatcher;

  constructor(secrets: readonly Secret[] = []) {
    this.matcher = new SecretMatcher(secrets);
  }

  scrub(text: string): string {
    let out = text;
    if (!this.matcher.empty) {
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        const next = this.redactKnown(out);
        if (next === out) break;
        out = next;
      }
    }
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    return out;
  }

  /**
   * A copy of a JSON-shaped value with every string scrubbed and the value of every secret-named field
   * replaced whole. Scrubbing values rather than serialized text keeps the JSON valid whatever was cut.
   */
  scrubDeep<T>(value: T): T {
    return this.deep(value, undefined) as T;
  }

  /**
   * A JSON-shaped value as JSON text, scrubbed. The text is scrubbed whole (a secret split across fields is
   * still one string there); if a redaction broke the JSON, the value is scrubbed field by field instead.
   */
  json(value: unknown, indent?: number): string {
    const text = JSON.stringify(value, null, indent);
    const scrubbed = this.scrub(text);
    if (scrubbed === text) return text;
    try {
      JSON.parse(scrubbed);
      return scrubbed;
    } catch {
      return JSON.stringify(this.scrubDeep(value), null, indent);
    }
  }

  private deep(value: unknown, key: string | undefined): unknown {
    if (typeof value === 'string') return value !== '' && key !== undefined && secretFieldKind(key) ? MARK : this.scrub(value);
    if (Array.isArray(value)) return value.map((item) => this.deep(item, undefined));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.scrub(k), this.deep(v, k)]));
  }

  private redactKnown(text: string): string {
    const spans = findSecrets(this.matcher, text).map((s) => (s.encoded ? widen(text, s.offset, s.end) : [s.offset, s.end]));
    if (spans.length === 0) return text;
    spans.sort((a, b) => a[0]! - b[0]!);
    let out = '';
    let at = 0;
    for (const [start, end] of spans as [number, number][]) {
      if (end <= at) continue;
      out += text.slice(at, Math.max(at, start)) + (start >= at ? MARK : '');
      at = end;
    }
    return out + text.slice(at);
  }
}

/** `text` scrubbed of `secrets` and of anything credential-shaped. */
export function scrubText(text: string, secrets: readonly Secret[] = []): string {
  return new Scrubber(secrets).scrub(text);
}
