/**
 * `pageToken` values: opaque to clients, but carrying the resume point, the page number, which listing
 * they belong to (the method, its parent and the options that decide order and filtering) and when they
 * were issued, sealed with a MAC. A tampered, truncated or foreign token, one from another listing, and
 * one older than the three days Google keeps them (reference B2, judged by the simulation clock) are all
 * refused with 400 `invalid` (the exact wording Google uses is unverified).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { directoryErrors } from '../errors.js';

export interface PageState {
  /** Resume point handed back to the listing source (exclusive). */
  after: number;
  /** 1-based number of the page this token fetches. */
  page: number;
  /** Set on the token an `empty-page-with-token` page hands out, so that page is served for real next. */
  emptied?: boolean;
}

const VERSION = 0x01;
const MAC_BYTES = 12;
export const PAGE_TOKEN_LIFETIME_SECONDS = 3 * 24 * 3600;

export class PageTokenCodec {
  private readonly key: Buffer;

  constructor(seed: number | string) {
    this.key = createHash('sha256').update(`sync-harness:${seed}:google:page-token`).digest();
  }

  /** `now` in seconds, simulation clock. */
  encode(scope: string, state: PageState, now: number): string {
    const payload = Buffer.from(JSON.stringify({ s: scopeTag(scope), a: state.after, n: state.page, t: now, ...(state.emptied ? { e: 1 } : {}) }));
    return Buffer.concat([Buffer.from([VERSION]), payload, this.mac(payload)]).toString('base64url');
  }

  decode(scope: string, token: string, now: number): PageState {
    const invalid = () => directoryErrors.invalidInput('pageToken');
    const raw = Buffer.from(token, 'base64url');
    if (raw.length <= 1 + MAC_BYTES || raw[0] !== VERSION) throw invalid();
    const payload = raw.subarray(1, raw.length - MAC_BYTES);
    if (!timingSafeEqual(raw.subarray(raw.length - MAC_BYTES), this.mac(payload))) throw invalid();
    let parsed: { s?: unknown; a?: unknown; n?: unknown; t?: unknown; e?: unknown };
    try {
      parsed = JSON.parse(payload.toString('utf8')) as typeof parsed;
    } catch {
      throw invalid();
    }
    if (parsed.s !== scopeTag(scope) || typeof parsed.a !== 'number' || typeof parsed.n !== 'number' || typeof parsed.t !== 'number') throw invalid();
    if (now - parsed.t > PAGE_TOKEN_LIFETIME_SECONDS) throw invalid();
    return { after: parsed.a, page: parsed.n, ...(parsed.e ? { emptied: true } : {}) };
  }

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, MAC_BYTES);
  }
}

/** Short, so tokens stay short however long the query that scopes them. */
function scopeTag(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 10);
}
