/**
 * The ids one entity carries in each provider, derived from (seed, kind, seq) alone so they never move
 * when the tenant grows. Formats follow what connectors parse: GUIDs for Graph and SCIM, long decimals
 * for Google, IAM unique ids (prefix + 16 upper-case alphanumerics, reference C2) for AWS.
 */
import { stableUuid } from '../core/ids.js';
import { sfc32Randomizer } from './entity-random.js';
import type { ProviderIds } from './model.js';

export type EntityKind = 'user' | 'group' | 'role' | 'app' | 'policy';

/**
 * IAM unique-id prefixes. Apps have no IAM entity of their own; an app's face in IAM is the role it
 * assumes, hence AROA.
 */
const AWS_PREFIX: Record<EntityKind, string> = { user: 'AIDA', group: 'AGPA', role: 'AROA', app: 'AROA', policy: 'ANPA' };

/** Google ids: 21 digits for users (`1034...`), shorter for the rest, as the Directory API shows them. */
const GOOGLE_DIGITS: Record<EntityKind, number> = { user: 21, group: 15, role: 16, app: 17, policy: 17 };

const KIND_SALT: Record<EntityKind, number> = { user: 101, group: 102, role: 103, app: 104, policy: 105 };

/**
 * The GUIDs come from {@link stableUuid} (SHA-256 of the name), so anyone holding the seed can predict
 * them. The Google and AWS ids only have to look right and never repeat; they come from a seeded sfc32
 * stream, a tenth of the cost of another hash, which matters at a million users.
 */
export function providerIds(seed: number, kind: EntityKind, seq: number): ProviderIds {
  stream.seed([seed >>> 0, Math.floor(seed / 0x1_0000_0000) >>> 0, KIND_SALT[kind], seq]);
  return {
    objectId: stableUuid(seed, `${kind}:${seq}`),
    googleId: `1${digits(GOOGLE_DIGITS[kind] - 1)}`,
    awsId: AWS_PREFIX[kind] + awsSuffix(),
    scimId: stableUuid(seed, `scim:${kind}:${seq}`),
  };
}

const stream = sfc32Randomizer();

/** `count` decimal digits, seven per draw (10^7 < 2^32, so each draw covers them evenly enough). */
function digits(count: number): string {
  let out = '';
  while (out.length < count)
    out += Math.floor(stream.next() * 1e7)
      .toString()
      .padStart(7, '0');
  return out.slice(0, count);
}

/** 16 characters of [A-Z0-9], four base-36 digits per draw. */
function awsSuffix(): string {
  let out = '';
  while (out.length < 16)
    out += Math.floor(stream.next() * 36 ** 4)
      .toString(36)
      .padStart(4, '0');
  return out.toUpperCase();
}
