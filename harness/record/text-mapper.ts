/**
 * Identifiers in free text (a path segment, a header, a description, an error message), found by shape
 * and by what the identity map already knows, replaced in one left-to-right pass: JWTs by a placeholder;
 * ARNs (account and resource names), emails (numbered local part, mapped domain), GUIDs, and any word the
 * map knows as an id or a domain by their fakes. Names are not replaced in free text: a group called
 * "users" must not turn `/v1.0/users` into something else. They are mapped where a field says what they
 * are (field-rules.ts).
 */
import { pad, type IdentityMap } from './identity-map.js';
import { PLACEHOLDERS } from './field-rules.js';

const JWT_SOURCE = 'eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*';
const ARN_SOURCE = 'arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(?:\\d{12}|aws)?:[^\\s"\'<>&,;]+';
const EMAIL_SOURCE = "[A-Za-z0-9][A-Za-z0-9._%+'#-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+";
const GUID_SOURCE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const WORD_SOURCE = '[A-Za-z0-9][A-Za-z0-9._-]*';

const TOKENS = new RegExp(`(?<jwt>${JWT_SOURCE})|(?<arn>${ARN_SOURCE})|(?<email>${EMAIL_SOURCE})|(?<word>${WORD_SOURCE})`, 'g');
const GUID_IN_WORD = new RegExp(`(?<![0-9a-fA-F])${GUID_SOURCE}(?![0-9a-fA-F])`, 'g');
const HAS_GUID = new RegExp(GUID_SOURCE);
const GUID = new RegExp(`^${GUID_SOURCE}$`);
export const EMAIL = new RegExp(`^${EMAIL_SOURCE}$`);

/** Public service domains: an address there says nothing about the customer, and hosts must stay real. */
const PUBLIC_DOMAINS =
  /(^|\.)(microsoft\.com|microsoftonline\.com|windows\.net|googleapis\.com|google\.com|gserviceaccount\.com|amazonaws\.com|amazon\.com)$/i;

/** GUIDs every tenant shares: the nil GUID (Entra's default app role) and Microsoft's first-party app ids. */
const SHARED_GUID = /^(0{8}-0{4}-0{4}-0{4}-0{12}|0000000\d-0000-0000-c000-000000000000)$/i;

/** Ids shorter than this are left alone: `1`, `42` or `abc` identify nobody and collide with everything. */
const MIN_ID_LENGTH = 6;

export class TextMapper {
  constructor(
    readonly map: IdentityMap,
    private readonly keep: ReadonlySet<string> = new Set(),
    /** Domains seen after an `@` anywhere in the recording: where one appears alone, it is a domain too. */
    private readonly emailDomains: ReadonlySet<string> = new Set(),
  ) {}

  isKept(value: string): boolean {
    return this.keep.has(value) || SHARED_GUID.test(value);
  }

  text(value: string): string {
    if (value.length < 3) return value;
    return value.replace(TOKENS, (whole, ...args) => {
      const groups = args.at(-1) as Record<string, string | undefined>;
      if (groups.jwt) return PLACEHOLDERS.jwt;
      if (groups.arn) return this.arn(whole);
      if (groups.email) return this.email(whole);
      return this.word(whole);
    });
  }

  guid(value: string): string {
    return this.isKept(value) ? value : this.map.map('guid', value);
  }

  /** An identifier held whole by an id field: GUIDs, emails and ARNs by their own rules, else scrambled. */
  id(value: string): string {
    if (this.isKept(value) || value.length < MIN_ID_LENGTH) return value;
    if (GUID.test(value)) return this.guid(value);
    if (EMAIL.test(value)) return this.email(value);
    if (value.startsWith('arn:')) return this.text(value);
    if (!/^[A-Za-z0-9._:+/=-]+$/.test(value)) return this.text(value);
    return this.map.map('id', value);
  }

  email(value: string): string {
    const known = this.map.lookup(value);
    if (known) return known;
    if (this.map.isFake(value) || this.isKept(value)) return value;
    const at = value.lastIndexOf('@');
    const domain = value.slice(at + 1);
    return this.map.map('email', value, () => `user${pad(this.map.next('user'))}@${this.domain(domain)}`);
  }

  domain(value: string): string {
    if (PUBLIC_DOMAINS.test(value) || this.isKept(value)) return value;
    return this.map.map('domain', value, () => {
      const n = this.map.next('domain');
      return n === 1 ? 'example.com' : `example-${n}.com`;
    });
  }

  /**
   * `arn:aws:iam::<account>:user/<path>/<name>`: the account is an id, the last resource segment a name
   * (what IAM calls UserName, GroupName...); path segments only when already known. AWS-owned resources
   * (`arn:aws:iam::aws:policy/...`) are the same in every account and stay.
   */
  arn(value: string): string {
    const parts = value.split(':');
    const account = parts[4] ?? '';
    if (account === 'aws') return value;
    if (/^\d{12}$/.test(account) && !this.isKept(account)) parts[4] = this.map.map('aws-account', account);
    const resource = parts.slice(5).join(':');
    const segments = resource.split('/');
    const mapped =
      segments.length === 1
        ? this.word(resource)
        : [segments[0]!, ...segments.slice(1).map((s, i, rest) => (i === rest.length - 1 ? this.resourceName(s) : (this.map.lookup(s) ?? s)))].join(
            '/',
          );
    return [...parts.slice(0, 5), mapped].join(':');
  }

  private resourceName(segment: string): string {
    if (segment === '' || segment === '*' || this.isKept(segment)) return segment;
    if (GUID.test(segment)) return this.guid(segment);
    if (this.emailDomains.has(segment)) return this.domain(segment);
    return this.map.lookup(segment) ?? this.map.map('account-name', segment);
  }

  /** A run of word characters: known whole, GUIDs inside it, a known domain at its end, or known pieces. */
  private word(run: string): string {
    const known = this.map.lookup(run);
    if (known !== undefined && this.textual(run)) return known;
    if (run.length >= 36 && HAS_GUID.test(run)) {
      return run.replace(GUID_IN_WORD, (g) => this.guid(g));
    }
    for (let dot = run.indexOf('.'); dot >= 0; dot = run.indexOf('.', dot + 1)) {
      const suffix = run.slice(dot + 1);
      if (this.map.kindOf(suffix) === 'domain') return run.slice(0, dot + 1) + this.map.lookup(suffix)!;
    }
    if (!/[._-]/.test(run)) return run;
    let changed = false;
    const pieces = run.split(/([._-])/).map((piece) => {
      const fake = piece.length >= MIN_ID_LENGTH && this.textual(piece) ? this.map.lookup(piece) : undefined;
      if (fake === undefined) return piece;
      changed = true;
      return fake;
    });
    return changed ? pieces.join('') : run;
  }

  /** Kinds that are replaced wherever they appear; names only where a field says so. */
  private textual(value: string): boolean {
    const kind = this.map.kindOf(value);
    return kind === 'id' || kind === 'guid' || kind === 'aws-account' || kind === 'domain' || kind === 'email';
  }
}
