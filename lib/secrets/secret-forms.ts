/**
 * The shapes a secret takes on its way through HTTP, logs and files, and a matcher that finds any of them
 * in a text. A secret is searched as itself, URL-encoded (`encodeURIComponent`, and form encoding with `+`),
 * JSON-escaped, base64 and base64url at any byte alignment (so it is found inside `Basic base64(id:secret)`),
 * for a PEM key any 40-character run of its base64 body, and for a JWT its payload and signature segments
 * (the header segment is generic: many tokens share it). Matches carry the form and where, never the value.
 */

export interface Secret {
  /** What to call it in findings: `clientSecret`, `access token #3`. Never the value. */
  label: string;
  value: string;
}

export type SecretForm = 'plain' | 'url-encoded' | 'form-encoded' | 'json-escaped' | 'base64' | 'base64url' | 'pem' | 'jwt-segment';

export interface SecretHit {
  label: string;
  form: SecretForm;
  offset: number;
  length: number;
}

interface Needle {
  label: string;
  form: SecretForm;
  text: string;
}

/** Runs of PEM base64 this long are the key's own bytes, not a coincidence. */
export const PEM_RUN = 40;
/**
 * A PEM body's first line starts with the DER header every key of its type shares (all RSA-2048 PKCS#8
 * keys begin `MIIEv...AoIBAQ`): windows starting there would match other keys.
 */
const PEM_GENERIC_PREFIX = 64;
/** Shortest unaligned base64 core searched; shorter ones would match by chance. */
const MIN_CORE = 16;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END [A-Z0-9 ]+-----/g;

export class SecretMatcher {
  private readonly needles: Needle[] = [];
  /** Every PEM_RUN-long window of every PEM body, to the label of its key. */
  private readonly pemWindows = new Map<string, string>();

  constructor(secrets: readonly Secret[]) {
    for (const secret of secrets) this.add(secret);
  }

  get empty(): boolean {
    return this.needles.length === 0 && this.pemWindows.size === 0;
  }

  private add({ label, value }: Secret): void {
    if (value.length < 6) return;
    const forms = new Map<string, SecretForm>();
    const put = (text: string, form: SecretForm) => {
      if (text.length >= 6 && !forms.has(text)) forms.set(text, form);
    };
    const pems = [...value.matchAll(PEM_BLOCK)];
    for (const pem of pems) {
      const body = pem[1]!.replace(/\\n|\s/g, '');
      for (let i = PEM_GENERIC_PREFIX; i + PEM_RUN <= body.length; i++) this.pemWindows.set(body.slice(i, i + PEM_RUN), label);
    }
    put(value, 'plain');
    put(encodeURIComponent(value), 'url-encoded');
    put(
      encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
      'url-encoded',
    );
    put(new URLSearchParams({ s: value }).toString().slice(2), 'form-encoded');
    const json = JSON.stringify(value).slice(1, -1);
    put(json, 'json-escaped');
    put(json.replace(/\//g, '\\/'), 'json-escaped');
    if (JWT.test(value)) {
      const [, payload, signature] = value.split('.');
      if (payload) put(payload, 'jwt-segment');
      if (signature) put(signature, 'jwt-segment');
    }
    // A PEM key is found by its windows; its base64 would be base64 of base64.
    if (pems.length === 0) for (const [core, form] of base64Cores(Buffer.from(value, 'utf8'))) put(core, form);
    for (const [text, form] of forms) this.needles.push({ label, form, text });
  }

  /** Every place in `text` where a secret appears, in any form. */
  find(text: string): SecretHit[] {
    const hits: SecretHit[] = [];
    for (const needle of this.needles) {
      for (let at = text.indexOf(needle.text); at >= 0; at = text.indexOf(needle.text, at + 1)) {
        hits.push({ label: needle.label, form: needle.form, offset: at, length: needle.text.length });
      }
    }
    if (this.pemWindows.size > 0) {
      for (const run of text.matchAll(/[A-Za-z0-9+/]{40,}/g)) {
        for (let i = 0; i + PEM_RUN <= run[0].length; i++) {
          const label = this.pemWindows.get(run[0].slice(i, i + PEM_RUN));
          if (label) {
            hits.push({ label, form: 'pem', offset: run.index + i, length: PEM_RUN });
            break;
          }
        }
      }
    }
    return hits.sort((a, b) => a.offset - b.offset);
  }

  /**
   * `text` with every secret replaced by `placeholder`. Encoded forms take the whole token around them
   * (a base64 run, a JWT), since what is left of an encoded secret's neighbours is useless anyway.
   */
  redact(text: string, placeholder: string): string {
    const hits = this.find(text);
    if (hits.length === 0) return text;
    const spans: [number, number][] = hits.map((hit) =>
      hit.form === 'plain' || hit.form === 'url-encoded' || hit.form === 'form-encoded' || hit.form === 'json-escaped'
        ? [hit.offset, hit.offset + hit.length]
        : widen(text, hit.offset, hit.offset + hit.length),
    );
    spans.sort((a, b) => a[0] - b[0]);
    let out = '';
    let at = 0;
    for (const [start, end] of spans) {
      if (end <= at) continue;
      out += text.slice(at, Math.max(at, start)) + (start >= at ? placeholder : '');
      at = end;
    }
    return out + text.slice(at);
  }
}

/** The run of token characters (base64, base64url, JWT dots, percent escapes) around a match. */
export function widen(text: string, start: number, end: number): [number, number] {
  const token = /[A-Za-z0-9+/=_.%~-]/;
  while (start > 0 && token.test(text[start - 1]!)) start--;
  while (end < text.length && token.test(text[end]!)) end++;
  return [start, end];
}

/**
 * The base64 characters that depend only on the secret's bytes, for each of the three positions the
 * secret can start at within a 3-byte group, in both alphabets, without padding.
 */
function base64Cores(bytes: Buffer): [string, SecretForm][] {
  const out: [string, SecretForm][] = [];
  for (let shift = 0; shift < 3; shift++) {
    const padded = Buffer.concat([Buffer.alloc(shift), bytes]);
    const full = padded.toString('base64').replace(/=+$/, '');
    // Characters before this index mix in the unknown bytes before the secret.
    const skip = shift === 0 ? 0 : shift === 1 ? 2 : 3;
    // A partial last group mixes in unknown bytes after it, unless it really is the end (shift 0 case below).
    const whole = Math.floor(padded.length / 3) * 4;
    const core = full.slice(skip, whole);
    if (core.length >= MIN_CORE) out.push([core, 'base64']);
    if (shift === 0) out.push([full, 'base64']);
  }
  return out.flatMap(([core, form]) => {
    const url = core.replace(/\+/g, '-').replace(/\//g, '_');
    return url === core
      ? [[core, form]]
      : [
          [core, form],
          [url, 'base64url' as const],
        ];
  });
}
