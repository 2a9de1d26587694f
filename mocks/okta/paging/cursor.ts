/**
 * `after` cursors: opaque to clients ("treat the link as an opaque value" [D CORE]) but carrying the resume
 * point, the page number and which listing issued them (the path and every parameter that decides what is
 * listed), sealed with a MAC (mocks/core/paging/token-seal.ts). A tampered or foreign cursor, or one from
 * another listing, is refused with 400 E0000029 (REFERENCE §5: which code Okta uses is [U]).
 */
import { createHash } from 'node:crypto';
import type { PageState } from '../../core/paging/pager.js';
import { pageStateFields, readPageState, TokenSeal } from '../../core/paging/token-seal.js';
import { oktaErrors } from '../wire/errors.js';

const VERSION = Buffer.from([0x6f]);

export class CursorCodec {
  private readonly seal: TokenSeal;

  constructor(seed: number) {
    this.seal = new TokenSeal(`sync-harness:${seed}:okta:after`, VERSION, 'base64url');
  }

  encode(listing: string, state: PageState): string {
    return this.seal.seal({ s: tag(listing), ...pageStateFields(state) });
  }

  decode(listing: string, cursor: string): PageState {
    const fields = this.seal.open(cursor);
    const state = fields?.s === tag(listing) ? readPageState(fields) : undefined;
    if (!state) throw oktaErrors.badCursor();
    return state;
  }
}

function tag(listing: string): string {
  return createHash('sha256').update(listing).digest('base64url').slice(0, 8);
}
