/**
 * Okta object ids: 20 characters, a three-character type prefix (`00u` users, `00g` groups, `0oa` apps,
 * `0pr` group rules) and 17 base-62 characters (REFERENCE §1, §2, §4). The tenant's objects have no Okta
 * id of their own, so one is derived from (seed, kind, seq) and can be read back: six characters hold the
 * seq under a seeded affine scramble, digits reversed (so ids do not count up visibly) and eleven are a seeded check, so an
 * id from another seed or a typo does not resolve to anyone.
 */
import { createHash } from 'node:crypto';

export type OktaKind = 'user' | 'group' | 'app' | 'rule' | 'roleAssignment' | 'customRole' | 'userType' | 'client';

export const OKTA_PREFIX: Record<OktaKind, string> = {
  user: '00u',
  group: '00g',
  app: '0oa',
  rule: '0pr',
  roleAssignment: 'ra1',
  customRole: 'cr0',
  userType: 'oty',
  client: '0oa',
};

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SEQ_CHARS = 6;
const MODULUS = 62n ** BigInt(SEQ_CHARS);
const CHECK_CHARS = 17 - SEQ_CHARS;

interface Scramble {
  mul: bigint;
  add: bigint;
  inverse: bigint;
}

const scrambles = new Map<string, Scramble>();

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function scrambleFor(seed: number, kind: OktaKind): Scramble {
  const key = `${seed}:${kind}`;
  let s = scrambles.get(key);
  if (!s) {
    const d = digest(`sync-harness:${seed}:okta:scramble:${kind}`);
    // A multiplier coprime to 62^6 (odd and not a multiple of 31) makes the map a bijection.
    let mul = BigInt(`0x${d.subarray(0, 8).toString('hex')}`) % MODULUS;
    while (mul % 2n === 0n || mul % 31n === 0n) mul = (mul + 1n) % MODULUS;
    const add = BigInt(`0x${d.subarray(8, 16).toString('hex')}`) % MODULUS;
    s = { mul, add, inverse: modInverse(mul, MODULUS) };
    scrambles.set(key, s);
  }
  return s;
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

function base62(value: bigint, width: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < width; i++) {
    out = ALPHABET[Number(v % 62n)]! + out;
    v /= 62n;
  }
  return out;
}

function check(seed: number, kind: OktaKind, seq: number): string {
  return [...digest(`sync-harness:${seed}:okta:${kind}:${seq}`).subarray(0, CHECK_CHARS)].map((b) => ALPHABET[b % 62]).join('');
}

/** The Okta id of the tenant object `seq` (1-based) of this kind. */
export function oktaId(seed: number, kind: OktaKind, seq: number): string {
  const s = scrambleFor(seed, kind);
  // Reversed, so consecutive seqs (an arithmetic progression after the scramble) differ in the leading digit.
  const body = [...base62((BigInt(seq) * s.mul + s.add) % MODULUS, SEQ_CHARS)].reverse().join('');
  return `${OKTA_PREFIX[kind]}${body}${check(seed, kind, seq)}`;
}

/** The seq an id of this kind stands for, or undefined when it is not one this seed made. */
export function seqOfOktaId(seed: number, kind: OktaKind, id: string): number | undefined {
  if (id.length !== 20 || !id.startsWith(OKTA_PREFIX[kind])) return undefined;
  let v = 0n;
  for (const ch of [...id.slice(3, 3 + SEQ_CHARS)].reverse()) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return undefined;
    v = v * 62n + BigInt(digit);
  }
  const s = scrambleFor(seed, kind);
  const seq = Number((((((v - s.add) % MODULUS) + MODULUS) % MODULUS) * s.inverse) % MODULUS);
  return seq >= 1 && id === oktaId(seed, kind, seq) ? seq : undefined;
}
