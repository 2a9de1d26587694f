/**
 * IAM `Marker`s and Identity Store `NextToken`s: opaque to clients (standard base64, so `+`, `/` and `=`
 * must survive form and JSON encoding), but carrying the resume point, the page number and the listing
 * they belong to, sealed with a MAC so a tampered, truncated or foreign token is refused.
 */
import { createHash } from 'node:crypto';
import type { PageState } from '../../core/paging/pager.js';
import { pageStateFields, readPageState, TokenSeal } from '../../core/paging/token-seal.js';

export class PageTokenCodec {
  private readonly seal: TokenSeal;

  /** `kind` keeps Markers and NextTokens apart (`marker`, `next-token`). */
  constructor(seed: number | string, kind: string) {
    const magic = createHash('sha256').update(`aws:${kind}`).digest().subarray(0, 4);
    this.seal = new TokenSeal(`sync-harness:${seed}:aws:${kind}`, magic, 'base64');
  }

  /** `scope` names the listing (`users`, `group/3/users`...): a token only works where it was issued. */
  encode(scope: string, state: PageState): string {
    return this.seal.seal({ s: scope, ...pageStateFields(state) });
  }

  /** The state a token carries, or undefined when it is not a token of this listing. */
  decode(scope: string, token: string): PageState | undefined {
    const fields = this.seal.open(token);
    return fields?.s === scope ? readPageState(fields) : undefined;
  }
}
