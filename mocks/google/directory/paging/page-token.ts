/**
 * `pageToken` values: opaque to clients, but carrying the resume point, the page number, which listing
 * they belong to (the method, its parent and the options that decide order and filtering) and when they
 * were issued, sealed with a MAC. A tampered, truncated or foreign token, one from another listing, and
 * one older than the three days Google keeps them (reference B2, judged by the simulation clock) are all
 * refused with 400 `invalid` (the exact wording Google uses is unverified).
 */
import { createHash } from 'node:crypto';
import type { PageState } from '../../../core/paging/pager.js';
import { readPageState, TokenSeal } from '../../../core/paging/token-seal.js';
import { directoryErrors } from '../errors.js';

const VERSION = Buffer.from([0x01]);
export const PAGE_TOKEN_LIFETIME_SECONDS = 3 * 24 * 3600;

export class PageTokenCodec {
  private readonly seal: TokenSeal;

  constructor(seed: number | string) {
    this.seal = new TokenSeal(`sync-harness:${seed}:google:page-token`, VERSION, 'base64url');
  }

  /** `now` in seconds, simulation clock. */
  encode(scope: string, state: PageState, now: number): string {
    return this.seal.seal({ s: scopeTag(scope), a: state.after, n: state.page, t: now, ...(state.emptied ? { e: 1 } : {}) });
  }

  decode(scope: string, token: string, now: number): PageState {
    const fields = this.seal.open(token);
    const state =
      fields?.s === scopeTag(scope) && typeof fields.t === 'number' && now - fields.t <= PAGE_TOKEN_LIFETIME_SECONDS
        ? readPageState(fields)
        : undefined;
    if (!state) throw directoryErrors.invalidInput('pageToken');
    return state;
  }
}

/** Short, so tokens stay short however long the query that scopes them. */
function scopeTag(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 10);
}
