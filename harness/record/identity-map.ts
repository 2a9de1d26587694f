/**
 * The consistent real -> fake mapping a sanitized recording is written with. One real value always gets
 * the same fake, wherever it appears, and no two reals share a fake, so the mapping can be applied back
 * (unmap-c1z.ts). Ids keep their shape (a GUID stays a GUID, an AWS user id keeps `AIDA`, a Google id its
 * digit count) and are derived from the seed, so the same seed maps the same id the same way in another
 * recording; names and emails are numbered in order of first appearance (`Name 0001`, `user0001@example.com`).
 * The mapping itself names real people: it stays on the machine that recorded, never in a HAR, nock file
 * or bundle.
 */
import { createHmac } from 'node:crypto';

export type MappedKind = 'guid' | 'id' | 'aws-account' | 'email' | 'domain' | 'name' | 'given-name' | 'family-name' | 'account-name';

export interface MappingEntry {
  kind: MappedKind;
  real: string;
  fake: string;
}

export interface MappingFile {
  format: 'sync-harness-identity-map';
  version: 1;
  seed: string;
  entries: MappingEntry[];
}

const NAME_PREFIX: Record<'name' | 'given-name' | 'family-name' | 'account-name', string> = {
  name: 'Name ',
  'given-name': 'Given',
  'family-name': 'Family',
  'account-name': 'name',
};

const AWS_ID_PREFIX = /^(AIDA|AGPA|AROA|ANPA|ANVA|AIPA|AKIA|ASIA|ACCA|APKA|ASCA)/;

export class IdentityMap {
  private readonly byReal = new Map<string, MappingEntry>();
  private readonly fakes = new Set<string>();
  private readonly counters = new Map<string, number>();
  /** Real values known to exist in the recording: a fake must never equal one. */
  private readonly reserved = new Set<string>();

  constructor(
    readonly seed: string,
    entries: readonly MappingEntry[] = [],
  ) {
    for (const entry of entries) this.add(entry);
    for (const entry of entries) this.bumpCounter(entry);
  }

  static fromJSON(file: MappingFile): IdentityMap {
    if (file.format !== 'sync-harness-identity-map') throw new Error('not a sync-harness identity map');
    return new IdentityMap(file.seed, file.entries);
  }

  toJSON(): MappingFile {
    return { format: 'sync-harness-identity-map', version: 1, seed: this.seed, entries: this.entries() };
  }

  entries(): MappingEntry[] {
    return [...this.byReal.values()];
  }

  /** Values that occur in the recording, so no fake is ever made equal to one of them. */
  reserve(values: Iterable<string>): void {
    for (const value of values) this.reserved.add(value);
  }

  lookup(real: string): string | undefined {
    return this.byReal.get(real)?.fake;
  }

  kindOf(real: string): MappedKind | undefined {
    return this.byReal.get(real)?.kind;
  }

  isFake(value: string): boolean {
    return this.fakes.has(value);
  }

  /** The fake for `real`, made on first sight. A value already mapped keeps its fake whatever `kind` says now. */
  map(kind: MappedKind, real: string, make?: () => string): string {
    const known = this.byReal.get(real);
    if (known) return known.fake;
    // A value that is already a fake (sanitizing sanitized text) stays as it is.
    if (this.fakes.has(real)) return real;
    const fake = this.unique((attempt) => (make && attempt === 0 ? make() : this.generate(kind, real, attempt)));
    this.add({ kind, real, fake });
    return fake;
  }

  /** The next number of a numbered kind (`user`, a domain, a name kind). */
  next(counter: string): number {
    const n = (this.counters.get(counter) ?? 0) + 1;
    this.counters.set(counter, n);
    return n;
  }

  private unique(candidate: (attempt: number) => string): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const fake = candidate(attempt);
      if (!this.fakes.has(fake) && !this.reserved.has(fake) && !this.byReal.has(fake)) return fake;
    }
    throw new Error('identity map: no free fake value after 1000 attempts');
  }

  private generate(kind: MappedKind, real: string, attempt: number): string {
    switch (kind) {
      case 'guid':
      case 'id':
      case 'aws-account':
        return scramble(real, this.stream(kind, real, attempt));
      case 'domain': {
        const n = this.next('domain');
        return n === 1 ? 'example.com' : `example-${n}.com`;
      }
      case 'email':
        // Emails are built by the caller from a mapped local part and domain; this is only a fallback.
        return `user${pad(this.next('user'))}@example.com`;
      default:
        return `${NAME_PREFIX[kind]}${pad(this.next(kind))}`;
    }
  }

  private stream(kind: string, real: string, attempt: number): () => number {
    let block = 0;
    let bytes = Buffer.alloc(0);
    let at = 0;
    return () => {
      if (at >= bytes.length) {
        bytes = createHmac('sha256', this.seed).update(`${kind}\0${attempt}\0${block++}\0${real}`).digest();
        at = 0;
      }
      return bytes[at++]!;
    };
  }

  private add(entry: MappingEntry): void {
    this.byReal.set(entry.real, entry);
    this.fakes.add(entry.fake);
  }

  /** Numbered fakes loaded from a file: later ones continue after the highest number used. */
  private bumpCounter(entry: MappingEntry): void {
    const numbered = /(\d+)(?:@|\.com$|$)/.exec(entry.fake);
    if (!numbered) return;
    const counter = entry.kind === 'email' ? 'user' : entry.kind === 'domain' ? 'domain' : entry.kind;
    const n = Number(numbered[1]);
    if (n > (this.counters.get(counter) ?? 0)) this.counters.set(counter, n);
  }
}

export function pad(n: number): string {
  return String(n).padStart(4, '0');
}

const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const HEX_LOWER = '0123456789abcdef';
const HEX_UPPER = '0123456789ABCDEF';
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * The same shape with other characters: digits stay digits (a leading non-zero stays non-zero), letters
 * keep their case, hex stays hex, separators stay where they were; a GUID keeps its version and variant
 * digits and an AWS id its type prefix (`AIDA`...), so nothing that checks a format notices.
 */
function scramble(real: string, random: () => number): string {
  const guid = GUID.test(real);
  const hexLike = guid || (/^[0-9a-fA-F-]+$/.test(real) && /[a-fA-F]/.test(real) && /\d/.test(real));
  const hexAlphabet = /[A-F]/.test(real) && !/[a-f]/.test(real) ? HEX_UPPER : HEX_LOWER;
  const keep = new Set<number>(guid ? [14, 19] : []);
  const prefix = AWS_ID_PREFIX.exec(real)?.[0].length ?? (/^[a-z]-/.test(real) ? 2 : /^C\d/.test(real) ? 1 : 0);
  let out = '';
  for (let i = 0; i < real.length; i++) {
    const c = real[i]!;
    if (i < prefix || keep.has(i) || !/[0-9A-Za-z]/.test(c)) {
      out += c;
      continue;
    }
    if (!hexLike && DIGITS.includes(c) && i === 0 && c !== '0') {
      out += DIGITS[1 + (random() % 9)]!;
      continue;
    }
    const alphabet = hexLike ? hexAlphabet : DIGITS.includes(c) ? DIGITS : LOWER.includes(c) ? LOWER : UPPER;
    out += alphabet[random() % alphabet.length]!;
  }
  return out;
}
