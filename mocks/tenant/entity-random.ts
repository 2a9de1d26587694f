/**
 * Faker with a randomizer that is reseeded for every entity, so user 17's name depends only on the tenant
 * seed and 17: growing the tenant or adding a group never renames anyone. Faker's own Mersenne Twister
 * costs ~35 µs per reseed (a million users would spend half a minute on seeding alone); sfc32 reseeds in
 * a few nanoseconds and has 128 bits of state, so per-entity streams do not collide the way a 32-bit
 * seed would.
 */
import { Faker, base, en, type Randomizer } from '@faker-js/faker';

/** Everything faker derives dates from; a constant, so no output ever depends on the clock. */
export const REFERENCE_DATE = '2026-01-01T00:00:00Z';

/** Salts that separate the streams of different entity kinds with the same seq. */
const STREAM = {
  user: 1,
  group: 2,
  role: 3,
  roleAssignment: 4,
  app: 5,
  appRoleAssignment: 6,
  policy: 7,
  policyAttachment: 8,
} as const;

type StreamName = keyof typeof STREAM;

/** A faker whose randomness is set per entity with {@link EntityFaker.at}. */
export interface EntityFaker {
  faker: Faker;
  /** Point the stream at one entity: the draws that follow depend only on (seed, stream, seq). */
  at(stream: StreamName, seq: number): Faker;
  /** Uniform float in [0, 1) from the current stream. */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
}

export function entityFaker(seed: number): EntityFaker {
  const randomizer = sfc32Randomizer();
  const faker = new Faker({ locale: [en, base], randomizer });
  faker.setDefaultRefDate(REFERENCE_DATE);
  // Split so seeds above 2^32 still differ in every bit that matters.
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 0x1_0000_0000) >>> 0;
  return {
    faker,
    at(stream, seq) {
      faker.seed([lo, hi, STREAM[stream], seq]);
      return faker;
    },
    next: () => randomizer.next(),
    int: (min, max) => min + Math.floor(randomizer.next() * (max - min + 1)),
  };
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), seeded from up to four 32-bit words. */
export function sfc32Randomizer(): Randomizer {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 0x1_0000_0000;
  };
  return {
    next,
    seed(seed: number | number[]) {
      const words = typeof seed === 'number' ? [seed] : seed;
      // Chained, so each state word depends on every seed word, and each step is a bijection of its own
      // word: different seeds give different states, and sfc32's round is a bijection too, so streams
      // never start equal. (Forcing a word odd here once merged ~230 pairs of users out of a million.)
      a = mix(words[0] ?? 0, 0x9e3779b9);
      b = mix((words[1] ?? 0) ^ a, 0x85ebca6b);
      c = mix((words[2] ?? 0) ^ b, 0xc2b2ae35);
      d = mix((words[3] ?? 0) ^ c, 0x27d4eb2f);
      for (let i = 0; i < 12; i++) next();
    },
  };
}

/** murmur3's 32-bit finaliser over a word and a salt. */
function mix(word: number, salt: number): number {
  let h = (Math.imul(word >>> 0, 0x01000193) ^ salt) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
