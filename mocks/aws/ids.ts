/**
 * AWS-shaped identifiers derived from the run's seed: access key ids (`AKIA`/`ASIA` + 16 base32
 * characters, as real ones are), unique ids (`AIDA`, `AROA`...), secrets in the base64 alphabet, account
 * numbers, identity store ids. Each comes from SHA-256 of (seed, purpose), so the same seed gives the same ids.
 */
import { createHash } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** As many bytes as asked, from SHA-256 blocks of `sync-harness:<seed>:aws:<purpose>:<i>`. */
function seededBytes(seed: number | string, purpose: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < length; i++) blocks.push(createHash('sha256').update(`sync-harness:${seed}:aws:${purpose}:${i}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

function alphabet(bytes: Buffer, chars: string): string {
  return [...bytes].map((b) => chars[b % chars.length]).join('');
}

/** `AKIA`/`ASIA`/`AIDA`/`AROA` + 16 characters of [A-Z2-7]. */
export function awsUniqueId(prefix: string, seed: number | string, purpose: string): string {
  return prefix + alphabet(seededBytes(seed, purpose, 16), BASE32);
}

/** A 40-character secret access key (base64 alphabet, like real ones). */
export function awsSecret(seed: number | string, purpose: string): string {
  return alphabet(seededBytes(seed, purpose, 40), BASE64);
}

/** 12 digits, never starting with 0 so it survives being read as a number. */
export function awsAccountId(seed: number | string): string {
  const digits = [...seededBytes(seed, 'account-id', 12)].map((b) => String(b % 10));
  if (digits[0] === '0') digits[0] = '1';
  return digits.join('');
}

/** `d-` + 10 lower-case hex, the shape of an Identity Center identity store id. */
export function identityStoreId(seed: number | string): string {
  return `d-${seededBytes(seed, 'identity-store-id', 5).toString('hex')}`;
}

/**
 * A session token shaped like STS's (base64, starting `IQoJb3JpZ2luX2Vj`, hundreds of characters); the
 * n-th of the run.
 */
export function sessionToken(seed: number | string, n: number): string {
  return `IQoJb3JpZ2luX2Vj${seededBytes(seed, `session-token:${n}`, 300).toString('base64')}`;
}

/** A date within the five years before `reference`, stable for (seed, purpose): creation dates of synthetic entities. */
export function seededDate(seed: number | string, purpose: string, reference: string): string {
  const span = 5 * 365 * 86_400;
  const offset = seededBytes(seed, purpose, 4).readUInt32BE(0) % span;
  return isoSeconds(new Date(Date.parse(reference) - offset * 1000));
}

/** ISO 8601 to the second with `Z`, as IAM writes dates (`2012-09-05T19:38:48Z`). */
export function isoSeconds(at: Date | string): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
