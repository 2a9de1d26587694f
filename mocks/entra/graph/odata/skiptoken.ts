/**
 * `$skiptoken` values: opaque to clients, but they carry the resume point, the page number and which
 * listing they belong to, sealed with a MAC so a tampered, truncated or foreign token is refused with
 * Directory_ExpiredPageToken (the directory's answer to any page token it cannot use). Shaped like real
 * ones, which are base64 of a binary blob starting `DSpt` (`RFNwdAIA...`).
 */
import type { PageState } from '../../../core/paging/pager.js';
import { pageStateFields, readPageState, TokenSeal } from '../../../core/paging/token-seal.js';
import { graphErrors } from '../errors.js';

const MAGIC = Buffer.from([0x44, 0x53, 0x70, 0x74, 0x02, 0x00]); // "DSpt" v2

export class SkipTokenCodec {
  private readonly seal: TokenSeal;

  constructor(seed: number | string) {
    this.seal = new TokenSeal(`sync-harness:${seed}:entra:skiptoken`, MAGIC, 'base64url');
  }

  /** `scope` names the listing (`users`, `groups/<id>/members`...): a token only works where it was issued. */
  encode(scope: string, state: PageState): string {
    return this.seal.seal({ s: scope, ...pageStateFields(state) });
  }

  decode(scope: string, token: string): PageState {
    const fields = this.seal.open(token);
    const state = fields?.s === scope ? readPageState(fields) : undefined;
    if (!state) throw graphErrors.expiredPageToken();
    return state;
  }
}
