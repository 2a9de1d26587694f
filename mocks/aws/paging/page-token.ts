/**
 * IAM `Marker`s and Identity Store `NextToken`s: opaque to clients (standard base64, so `+`, `/` and `=`
 * must survive form and JSON encoding), but carrying the resume point, the page number and the listing
 * they belong to, sealed with a MAC so a tampered, truncated or foreign token is refused.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface PageState {
  /** Resume point handed back to the source (exclusive). */
  after: number;
  /** 1-based number of the page this token fetches. */
  page: number;
  /** Set on the token an `empty-page-with-token` page hands out, so that page is served for real next. */
  emptied?: boolean;
}

const MAC_BYTES = 12;

export class PageTokenCodec {
  private readonly key: Buffer;
  private readonly magic: Buffer;

  /** `kind` keeps Markers and NextTokens apart (`marker`, `next-token`). */
  constructor(seed: number | string, kind: string) {
    this.key = createHash('sha256').update(`sync-harness:${seed}:aws:${kind}`).digest();
    this.magic = createHash('sha256').update(`aws:${kind}`).digest().subarray(0, 4);
  }

  /** `scope` names the listing (`users`, `group/3/users`...): a token only works where it was issued. */
  encode(scope: string, state: PageState): string {
    const payload = Buffer.from(JSON.stringify({ s: scope, a: state.after, n: state.page, ...(state.emptied ? { e: 1 } : {}) }));
    return Buffer.concat([this.magic, payload, this.mac(payload)]).toString('base64');
  }

  /** The state a token carries, or undefined when it is not a token of this listing. */
  decode(scope: string, token: string): PageState | undefined {
    const raw = Buffer.from(token, 'base64');
    if (raw.length <= this.magic.length + MAC_BYTES || !raw.subarray(0, this.magic.length).equals(this.magic)) return undefined;
    const payload = raw.subarray(this.magic.length, raw.length - MAC_BYTES);
    if (!timingSafeEqual(raw.subarray(raw.length - MAC_BYTES), this.mac(payload))) return undefined;
    let parsed: { s?: unknown; a?: unknown; n?: unknown; e?: unknown };
    try {
      parsed = JSON.parse(payload.toString('utf8')) as typeof parsed;
    } catch {
      return undefined;
    }
    if (parsed.s !== scope || typeof parsed.a !== 'number' || typeof parsed.n !== 'number') return undefined;
    return { after: parsed.a, page: parsed.n, ...(parsed.e ? { emptied: true } : {}) };
  }

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, MAC_BYTES);
  }
}
