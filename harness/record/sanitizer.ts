/**
 * Sanitizing one value where it stands: a field's value by what the field is (field-rules.ts), a URL by
 * its parts (host kept, path segments and query values each by their own rules), a filter expression by
 * the attribute each literal is compared with, a page token by what it embeds. JSON, XML and form bodies
 * are walked field by field (sanitize-body.ts); everything else is free text (text-mapper.ts).
 */
import { fieldRule, normalizeField, PLACEHOLDERS, REDACTED } from './field-rules.js';
import type { IdentityMap } from './identity-map.js';
import type { SecretMatcher } from '../../lib/secrets/index.js';
import { EMAIL, TextMapper } from './text-mapper.js';

export interface SanitizerOptions {
  map: IdentityMap;
  /** Values to leave as they are (public ids the connector compares against, say). */
  keep?: ReadonlySet<string>;
  /** Known secrets, redacted in any form wherever they appear. */
  secrets?: SecretMatcher;
  /** Domains of every email in the recording (see TextMapper). */
  emailDomains?: ReadonlySet<string>;
  /** Off for mapping a connector's own configuration: its secrets and keys must stay usable. */
  redact?: boolean;
}

export class Sanitizer {
  readonly text: TextMapper;
  private readonly secrets: SecretMatcher | undefined;
  private readonly redact: boolean;

  constructor(options: SanitizerOptions) {
    this.text = new TextMapper(options.map, options.keep, options.emailDomains);
    this.secrets = options.secrets && !options.secrets.empty ? options.secrets : undefined;
    this.redact = options.redact ?? true;
  }

  get map(): IdentityMap {
    return this.text.map;
  }

  /** A string held by field `key` (a JSON key, XML element, query or form parameter, header name). */
  value(value: string, key?: string): string {
    if (value === '' || value.startsWith(REDACTED)) return value;
    const rule = fieldRule(key);
    if (this.redact) {
      if (rule.kind === 'secret') return rule.placeholder;
      if (key !== undefined && normalizeField(key) === 'accesskeyid' && value.startsWith('ASIA')) return PLACEHOLDERS.awsTemporaryKeyId;
      if (this.secrets) value = this.secrets.redact(value, PLACEHOLDERS.secret);
    }
    if (/^https?:\/\//i.test(value)) return this.url(value);
    switch (rule.kind) {
      case 'name':
        return EMAIL.test(value) ? this.text.email(value) : this.text.isKept(value) ? value : this.map.map(rule.as, value);
      case 'id':
        return this.text.id(value);
      case 'page-token':
        return this.pageToken(value);
      case 'filter':
        return this.filter(value);
      default:
        return this.encoded(value) ?? this.text.text(value);
    }
  }

  /** Host kept (it is the provider's); user info dropped; path, query and fragment sanitized in place. */
  url(raw: string): string {
    const match = /^(https?:\/\/)(?:[^/?#@]*@)?([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(raw);
    if (!match) return this.text.text(raw);
    const [, scheme, host, path = '', query, fragment] = match;
    return `${scheme}${host}${this.path(path)}${query === undefined ? '' : `?${this.query(query.slice(1))}`}${fragment === undefined ? '' : `#${this.text.text(fragment.slice(1))}`}`;
  }

  path(path: string): string {
    return path
      .split('/')
      .map((segment) => {
        const decoded = safeDecode(segment);
        const out = this.text.text(decoded);
        return out === decoded ? segment : encodeSegment(out);
      })
      .join('/');
  }

  /**
   * `a=1&b=2`, in a URL or a form body; each value sanitized by its parameter's rule, unchanged pairs kept
   * byte for byte. `+` means a space in both (as URLSearchParams, and so most servers, read it).
   */
  query(query: string, style: 'url' | 'form' = 'url'): string {
    return query
      .split('&')
      .map((pair) => {
        if (pair === '') return pair;
        const eq = pair.indexOf('=');
        if (eq < 0) return pair;
        const key = safeDecode(pair.slice(0, eq), true);
        const value = safeDecode(pair.slice(eq + 1), true);
        const out = this.value(value, key);
        return out === value ? pair : `${pair.slice(0, eq)}=${style === 'form' ? encodeForm(out) : encodeQueryValue(out)}`;
      })
      .join('&');
  }

  /**
   * `$filter=displayName eq 'Ann Lee'`, SCIM `userName eq "ann"`, `startswith(mail,'ann')`, Google
   * `query=givenName:Ann`: each literal by the rule of the attribute it is compared with, the rest as text.
   */
  filter(expression: string): string {
    const literal = `'(?:[^']|'')*'|"(?:[^"\\\\]|\\\\.)*"`;
    const pattern = new RegExp(
      `([A-Za-z_][\\w.:/]*)(\\s+(?:eq|ne|co|sw|ew|gt|ge|lt|le)\\s+)(${literal})` +
        `|((?:startswith|endswith|contains|startsWith|endsWith)\\(\\s*)([A-Za-z_][\\w./]*)(\\s*,\\s*)(${literal})` +
        `|([A-Za-z_][\\w.]*)([:=])(${literal}|[^\\s'"()]+)`,
      'gi',
    );
    let out = '';
    let at = 0;
    for (const m of expression.matchAll(pattern)) {
      out += this.text.text(expression.slice(at, m.index));
      if (m[1] !== undefined) out += m[1] + m[2]! + this.literal(m[3]!, m[1]);
      else if (m[4] !== undefined) out += m[4] + m[5]! + m[6]! + this.literal(m[7]!, m[5]!);
      else out += m[8]! + m[9]! + (/^['"]/.test(m[10]!) ? this.literal(m[10]!, m[8]!) : this.value(m[10]!, lastSegment(m[8]!)));
      at = m.index + m[0].length;
    }
    return out + this.text.text(expression.slice(at));
  }

  private literal(quoted: string, attribute: string): string {
    const quote = quoted[0]!;
    const inner = quoted.slice(1, -1);
    const value = quote === "'" ? inner.replace(/''/g, "'") : inner.replace(/\\(.)/g, '$1');
    const out = this.value(value, lastSegment(attribute));
    if (out === value) return quoted;
    return quote + (quote === "'" ? out.replace(/'/g, "''") : out.replace(/["\\]/g, '\\$&')) + quote;
  }

  /**
   * Page tokens are opaque to clients and echoed back as they are, so replay works whatever they hold.
   * Those that are base64 of something readable are opened, so an id inside is mapped like anywhere else.
   */
  pageToken(token: string): string {
    if (/^https?:\/\//i.test(token)) return this.url(token);
    const url = /[-_]/.test(token);
    if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(token) && token.length >= 8) {
      const bytes = Buffer.from(token, url ? 'base64url' : 'base64');
      const again = bytes.toString(url ? 'base64url' : 'base64');
      if (again.replace(/=+$/, '') === token.replace(/=+$/, '')) {
        const inner = bytes.toString('latin1');
        const out = this.text.text(inner);
        if (out !== inner) {
          const encoded = Buffer.from(out, 'latin1').toString(url ? 'base64url' : 'base64');
          return token.endsWith('=') || url ? encoded : encoded.replace(/=+$/, '');
        }
        return token;
      }
    }
    return this.text.text(token);
  }

  /** A URL-encoded document inside a value (IAM policy documents are): sanitized decoded, encoded again. */
  private encoded(value: string): string | undefined {
    if (!/%[0-9A-Fa-f]{2}/.test(value)) return undefined;
    const decoded = safeDecode(value, false);
    if (decoded === value) return undefined;
    const out = this.text.text(decoded);
    return out === decoded ? value : encodeURIComponent(out);
  }
}

function lastSegment(attribute: string): string {
  return attribute.split(/[./]/).at(-1)!;
}

export function safeDecode(text: string, plusIsSpace = false): string {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    return text;
  }
}

/** Path-segment encoding that leaves the characters paths commonly carry readable (`$`, `'`, `(`, `@`...). */
function encodeSegment(text: string): string {
  return encodeURIComponent(text).replace(/%(24|27|28|29|2C|3A|40|21|2A|3D)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function encodeQueryValue(text: string): string {
  return encodeSegment(text).replace(/[=&+#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `application/x-www-form-urlencoded`, as URLSearchParams writes it. */
function encodeForm(text: string): string {
  return new URLSearchParams({ v: text }).toString().slice(2);
}
