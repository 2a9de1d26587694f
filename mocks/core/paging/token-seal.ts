/**
 * How every token-paging simulator seals its page tokens: a provider-chosen prefix, a JSON payload and a
 * truncated HMAC-SHA256 of the payload, written in base64 or base64url. The prefix, the encoding, the key
 * and what the payload holds are each provider's, so tokens look like the real service's; {@link TokenSeal.open}
 * answers undefined for anything it did not seal (tampered, truncated, foreign), and the provider decides
 * how its service refuses that.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { PageState } from './pager.js';

const MAC_BYTES = 12;

export class TokenSeal {
  private readonly key: Buffer;

  /** `keyLabel` names the key (seed, provider, token kind): tokens sealed under another label do not open. */
  constructor(
    keyLabel: string,
    private readonly prefix: Buffer,
    private readonly encoding: 'base64' | 'base64url',
  ) {
    this.key = createHash('sha256').update(keyLabel).digest();
  }

  seal(payload: Record<string, unknown>): string {
    const bytes = Buffer.from(JSON.stringify(payload));
    return Buffer.concat([this.prefix, bytes, this.mac(bytes)]).toString(this.encoding);
  }

  /** The payload a token carries, or undefined when this seal did not make it. */
  open(token: string): Record<string, unknown> | undefined {
    const raw = Buffer.from(token, this.encoding);
    if (raw.length <= this.prefix.length + MAC_BYTES || !raw.subarray(0, this.prefix.length).equals(this.prefix)) return undefined;
    const payload = raw.subarray(this.prefix.length, raw.length - MAC_BYTES);
    if (!timingSafeEqual(raw.subarray(raw.length - MAC_BYTES), this.mac(payload))) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload.toString('utf8'));
    } catch {
      return undefined;
    }
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  }

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, MAC_BYTES);
  }
}

/** A page state as payload fields (`a`, `n`, and `e` only when set). */
export function pageStateFields(state: PageState): Record<string, unknown> {
  return { a: state.after, n: state.page, ...(state.emptied ? { e: 1 } : {}) };
}

/** The page state in an opened payload, or undefined when its fields are not numbers. */
export function readPageState(fields: Record<string, unknown>): PageState | undefined {
  if (typeof fields.a !== 'number' || typeof fields.n !== 'number') return undefined;
  return { after: fields.a, page: fields.n, ...(fields.e ? { emptied: true } : {}) };
}
