/**
 * `$skiptoken` values: opaque to clients, but they carry the resume point, the page number and which
 * listing they belong to, sealed with a MAC so a tampered, truncated or foreign token is refused with
 * Directory_ExpiredPageToken (the directory's answer to any page token it cannot use). Shaped like real
 * ones, which are base64 of a binary blob starting `DSpt` (`RFNwdAIA...`).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { graphErrors } from '../errors.js';

export interface PageState {
  /** Resume point handed back to the tenant store (exclusive). */
  after: number;
  /** 1-based number of the page this token fetches. */
  page: number;
  /** Set on the token an `empty-page-with-token` page hands out, so that page is served for real next. */
  emptied?: boolean;
}

const MAGIC = Buffer.from([0x44, 0x53, 0x70, 0x74, 0x02, 0x00]); // "DSpt" v2
const MAC_BYTES = 12;

export class SkipTokenCodec {
  private readonly key: Buffer;

  constructor(seed: number | string) {
    this.key = createHash('sha256').update(`sync-harness:${seed}:entra:skiptoken`).digest();
  }

  /** `scope` names the listing (`users`, `groups/<id>/members`...): a token only works where it was issued. */
  encode(scope: string, state: PageState): string {
    const payload = Buffer.from(JSON.stringify({ s: scope, a: state.after, n: state.page, ...(state.emptied ? { e: 1 } : {}) }));
    return Buffer.concat([MAGIC, payload, this.mac(payload)]).toString('base64url');
  }

  decode(scope: string, token: string): PageState {
    const raw = Buffer.from(token, 'base64url');
    if (raw.length <= MAGIC.length + MAC_BYTES || !raw.subarray(0, MAGIC.length).equals(MAGIC)) throw graphErrors.expiredPageToken();
    const payload = raw.subarray(MAGIC.length, raw.length - MAC_BYTES);
    const mac = raw.subarray(raw.length - MAC_BYTES);
    if (!timingSafeEqual(mac, this.mac(payload))) throw graphErrors.expiredPageToken();
    let parsed: { s?: unknown; a?: unknown; n?: unknown; e?: unknown };
    try {
      parsed = JSON.parse(payload.toString('utf8')) as typeof parsed;
    } catch {
      throw graphErrors.expiredPageToken();
    }
    if (parsed.s !== scope || typeof parsed.a !== 'number' || typeof parsed.n !== 'number') throw graphErrors.expiredPageToken();
    return { after: parsed.a, page: parsed.n, ...(parsed.e ? { emptied: true } : {}) };
  }

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, MAC_BYTES);
  }
}
