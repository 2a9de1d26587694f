/**
 * KSUID-style sync ids, as the SDK mints them: 4 bytes of seconds since 2014-05-13 16:53:20 UTC and 16 payload
 * bytes, base62-encoded to 27 characters, so ids sort by creation time. The payload comes from a seed and a
 * counter rather than randomness, so the same seed and clock give the same ids.
 */
import { createHash } from 'node:crypto';

const KSUID_EPOCH_SECONDS = 1_400_000_000;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LENGTH = 27;

export function ksuid(time: Date, payload: Uint8Array): string {
  if (payload.length !== 16) throw new Error('a KSUID payload is 16 bytes');
  const seconds = Math.floor(time.getTime() / 1000) - KSUID_EPOCH_SECONDS;
  if (seconds < 0 || seconds > 0xffffffff) throw new Error(`time ${time.toISOString()} is outside the KSUID range`);
  let value = BigInt(seconds);
  for (const byte of payload) value = (value << 8n) | BigInt(byte);
  let text = '';
  while (value > 0n) {
    text = ALPHABET[Number(value % 62n)] + text;
    value /= 62n;
  }
  return text.padStart(LENGTH, '0');
}

/** The creation time a KSUID carries (whole seconds). */
export function ksuidTime(id: string): Date {
  let value = 0n;
  for (const char of id) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) throw new Error(`not a KSUID: ${id}`);
    value = value * 62n + BigInt(digit);
  }
  return new Date((Number(value >> 128n) + KSUID_EPOCH_SECONDS) * 1000);
}

/** Deterministic id source: `next(time)` gives the n-th id of this seed. */
export class KsuidSource {
  private counter = 0;
  constructor(private readonly seed: string | number) {}

  next(time: Date): string {
    const payload = createHash('sha256')
      .update(`sync-harness:${this.seed}:${this.counter++}`)
      .digest()
      .subarray(0, 16);
    return ksuid(time, payload);
  }
}
