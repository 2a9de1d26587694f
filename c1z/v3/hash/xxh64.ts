/**
 * XXH64 (seed 0), which the v3 frame index records per Pebble file and which Pebble may use for block
 * checksums. Written over 32-bit halves with exact products because BigInt arithmetic is an order of
 * magnitude slower on multi-megabyte payloads.
 */

// The five 64-bit primes as [high, low] 32-bit halves.
const P1 = [0x9e3779b1, 0x85ebca87] as const;
const P2 = [0xc2b2ae3d, 0x27d4eb4f] as const;
const P3 = [0x165667b1, 0x9e3779f9] as const;
const P4 = [0x85ebca77, 0xc2b2ae63] as const;
const P5 = [0x27d4eb2f, 0x165667c5] as const;

/** A 64-bit value as two unsigned 32-bit halves. */
interface U64 {
  hi: number;
  lo: number;
}

/** The full 64-bit product of two unsigned 32-bit numbers, every step exact in a double. */
function mul32(a: number, b: number, out: U64): void {
  const bl = b & 0xffff;
  const bh = b >>> 16;
  const t1 = a * bl; // < 2^48
  const t2 = a * bh; // < 2^48
  const t2h = Math.floor(t2 / 65536);
  const s = (t2 % 65536) * 65536 + t1; // < 2^49
  const carry = Math.floor(s / 4294967296);
  out.lo = s >>> 0;
  out.hi = (t2h + carry) >>> 0;
}

const tmp: U64 = { hi: 0, lo: 0 };

/** x *= p (mod 2^64). */
function mul64(x: U64, pHi: number, pLo: number): void {
  mul32(x.lo, pLo, tmp);
  const hi = (tmp.hi + Math.imul(x.hi, pLo) + Math.imul(x.lo, pHi)) >>> 0;
  x.lo = tmp.lo;
  x.hi = hi;
}

/** x += y (mod 2^64). */
function add64(x: U64, yHi: number, yLo: number): void {
  const lo = x.lo + yLo;
  x.hi = (x.hi + yHi + (lo > 0xffffffff ? 1 : 0)) >>> 0;
  x.lo = lo >>> 0;
}

function rotl64(x: U64, r: number): void {
  const { hi, lo } = x;
  if (r === 32) {
    x.hi = lo;
    x.lo = hi;
  } else if (r < 32) {
    x.hi = ((hi << r) | (lo >>> (32 - r))) >>> 0;
    x.lo = ((lo << r) | (hi >>> (32 - r))) >>> 0;
  } else {
    const s = r - 32;
    x.hi = ((lo << s) | (hi >>> (32 - s))) >>> 0;
    x.lo = ((hi << s) | (lo >>> (32 - s))) >>> 0;
  }
}

function xor64(x: U64, yHi: number, yLo: number): void {
  x.hi = (x.hi ^ yHi) >>> 0;
  x.lo = (x.lo ^ yLo) >>> 0;
}

/** x ^= x >>> r */
function shiftXor(x: U64, r: number): void {
  if (r >= 32) {
    xor64(x, 0, x.hi >>> (r - 32));
    return;
  }
  const lo = (x.lo >>> r) | (x.hi << (32 - r));
  xor64(x, x.hi >>> r, lo >>> 0);
}

const input: U64 = { hi: 0, lo: 0 };

/** acc = rotl(acc + lane * P2, 31) * P1 */
function round(acc: U64, laneHi: number, laneLo: number): void {
  input.hi = laneHi;
  input.lo = laneLo;
  mul64(input, P2[0], P2[1]);
  add64(acc, input.hi, input.lo);
  rotl64(acc, 31);
  mul64(acc, P1[0], P1[1]);
}

function mergeRound(h: U64, acc: U64): void {
  const a = { hi: 0, lo: 0 };
  round(a, acc.hi, acc.lo);
  xor64(h, a.hi, a.lo);
  mul64(h, P1[0], P1[1]);
  add64(h, P4[0], P4[1]);
}

function u32(bytes: Uint8Array, i: number): number {
  return (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0;
}

/** Incremental XXH64, for files hashed as they stream by. */
export class Xxh64 {
  private readonly v = [
    { hi: 0, lo: 0 },
    { hi: 0, lo: 0 },
    { hi: 0, lo: 0 },
    { hi: 0, lo: 0 },
  ];
  private readonly pending = new Uint8Array(32);
  private pendingLength = 0;
  private total = 0;

  constructor() {
    // Seed 0: v1 = P1 + P2, v2 = P2, v3 = 0, v4 = -P1.
    const [v1, v2, , v4] = this.v as [U64, U64, U64, U64];
    v1.hi = P1[0];
    v1.lo = P1[1];
    add64(v1, P2[0], P2[1]);
    v2.hi = P2[0];
    v2.lo = P2[1];
    v4.hi = ~P1[0] >>> 0;
    v4.lo = ~P1[1] >>> 0;
    add64(v4, 0, 1);
  }

  update(bytes: Uint8Array): this {
    this.total += bytes.length;
    let i = 0;
    if (this.pendingLength > 0) {
      const take = Math.min(32 - this.pendingLength, bytes.length);
      this.pending.set(bytes.subarray(0, take), this.pendingLength);
      this.pendingLength += take;
      i = take;
      if (this.pendingLength < 32) return this;
      this.stripe(this.pending, 0);
      this.pendingLength = 0;
    }
    for (; i + 32 <= bytes.length; i += 32) this.stripe(bytes, i);
    if (i < bytes.length) {
      this.pending.set(bytes.subarray(i), 0);
      this.pendingLength = bytes.length - i;
    }
    return this;
  }

  private stripe(bytes: Uint8Array, i: number): void {
    const v = this.v;
    round(v[0]!, u32(bytes, i + 4), u32(bytes, i));
    round(v[1]!, u32(bytes, i + 12), u32(bytes, i + 8));
    round(v[2]!, u32(bytes, i + 20), u32(bytes, i + 16));
    round(v[3]!, u32(bytes, i + 28), u32(bytes, i + 24));
  }

  digest(): bigint {
    const h: U64 = { hi: 0, lo: 0 };
    const [v1, v2, v3, v4] = this.v as [U64, U64, U64, U64];
    if (this.total >= 32) {
      const parts: Array<[U64, number]> = [
        [v1, 1],
        [v2, 7],
        [v3, 12],
        [v4, 18],
      ];
      for (const [acc, r] of parts) {
        const c = { ...acc };
        rotl64(c, r);
        add64(h, c.hi, c.lo);
      }
      for (const acc of [v1, v2, v3, v4]) mergeRound(h, acc);
    } else {
      h.hi = P5[0];
      h.lo = P5[1];
    }
    const total = this.total;
    add64(h, Math.floor(total / 4294967296) >>> 0, total >>> 0);

    const rest = this.pending;
    const n = this.pendingLength;
    let i = 0;
    for (; i + 8 <= n; i += 8) {
      const k = { hi: 0, lo: 0 };
      round(k, u32(rest, i + 4), u32(rest, i));
      xor64(h, k.hi, k.lo);
      rotl64(h, 27);
      mul64(h, P1[0], P1[1]);
      add64(h, P4[0], P4[1]);
    }
    if (i + 4 <= n) {
      const k = { hi: 0, lo: u32(rest, i) };
      mul64(k, P1[0], P1[1]);
      xor64(h, k.hi, k.lo);
      rotl64(h, 23);
      mul64(h, P2[0], P2[1]);
      add64(h, P3[0], P3[1]);
      i += 4;
    }
    for (; i < n; i++) {
      const k = { hi: 0, lo: rest[i]! };
      mul64(k, P5[0], P5[1]);
      xor64(h, k.hi, k.lo);
      rotl64(h, 11);
      mul64(h, P1[0], P1[1]);
    }
    shiftXor(h, 33);
    mul64(h, P2[0], P2[1]);
    shiftXor(h, 29);
    mul64(h, P3[0], P3[1]);
    shiftXor(h, 32);
    return (BigInt(h.hi) << 32n) | BigInt(h.lo);
  }
}

export function xxh64(bytes: Uint8Array): bigint {
  return new Xxh64().update(bytes).digest();
}
