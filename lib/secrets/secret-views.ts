/**
 * A text as written and as decoded the ways a secret is commonly wrapped (URL encoding with `%2B` and `+`,
 * JSON escaping), searched for every form of every secret, with each hit mapped back to where it sits in
 * the original. The scan reports these hits; the scrubber replaces them.
 */
import type { SecretForm, SecretMatcher } from './secret-forms.js';

export interface SecretSpan {
  label: string;
  /** How it was written: `base64`, or `url-encoded base64` for a base64 form found after URL-decoding. */
  form: string;
  /** Where it starts and ends in the original text. */
  offset: number;
  end: number;
  /** Found encoded (base64, a JWT segment, a PEM run): the token around it carries the secret too. */
  encoded: boolean;
}

/** One span per occurrence, in order of where they start. */
export function findSecrets(matcher: SecretMatcher, text: string): SecretSpan[] {
  const hits: SecretSpan[] = [];
  for (const view of views(text)) {
    for (const hit of matcher.find(view.text)) {
      const offset = view.offsets ? view.offsets[hit.offset]! : hit.offset;
      const end = view.offsets ? view.offsets[hit.offset + hit.length]! : hit.offset + hit.length;
      const encoded = !['plain', 'url-encoded', 'form-encoded', 'json-escaped'].includes(hit.form);
      hits.push({ label: hit.label, form: describe(view.form, hit.form), offset, end, encoded });
    }
  }
  // One span per occurrence: a JWT's segments inside the whole JWT, or the same bytes seen again in a
  // decoded view, are the occurrence already found.
  hits.sort((a, b) => a.offset - b.offset || b.end - a.end);
  const out: SecretSpan[] = [];
  const reach = new Map<string, number>();
  for (const hit of hits) {
    if ((reach.get(hit.label) ?? -1) >= hit.end) continue;
    reach.set(hit.label, Math.max(hit.end, reach.get(hit.label) ?? -1));
    out.push(hit);
  }
  return out;
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

function decodeView(text: string, form: View['form'], escapes: RegExp): View {
  let out = '';
  const offsets: number[] = [];
  let at = 0;
  for (const match of text.matchAll(escapes)) {
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

function unescapeOne(sequence: string): string {
  if (sequence === '+') return ' ';
  if (sequence.startsWith('%')) return String.fromCharCode(parseInt(sequence.slice(1), 16));
  const c = sequence[1]!;
  if (c === 'u') return String.fromCharCode(parseInt(sequence.slice(2), 16));
  return c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c;
}

function describe(view: View['form'], form: SecretForm): string {
  if (view === 'raw') return form;
  const wrapper = view === 'url-decoded' ? 'url-encoded' : view === 'form-decoded' ? 'form-encoded' : 'json-escaped';
  return form === 'plain' ? wrapper : `${wrapper} ${form}`;
}
