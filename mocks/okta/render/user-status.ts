/**
 * Which Okta lifecycle status each tenant user has (REFERENCE §1). The tenant knows only enabled or not:
 * a disabled user is SUSPENDED or DEPROVISIONED (deactivated), an enabled one mostly ACTIVE, with a few
 * STAGED (created, never activated) and PROVISIONED (activated, no password set yet), chosen from
 * (seed, seq) alone so a user keeps its status when the tenant grows. Connectors map SUSPENDED and
 * DEPROVISIONED to disabled and the rest to enabled (baton-okta user.go), which gives back the tenant's flag.
 */
import type { TenantUser } from '../../tenant/model.js';

export const USER_STATUSES = ['ACTIVE', 'STAGED', 'PROVISIONED', 'SUSPENDED', 'DEPROVISIONED'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** One in this many enabled users is STAGED, and as many PROVISIONED. */
const NOT_YET_ACTIVE_ONE_IN = 12;

export function userStatus(seed: number, user: Pick<TenantUser, 'seq' | 'enabled'>): UserStatus {
  const h = mix(seed, user.seq);
  if (!user.enabled) return h % 2 === 0 ? 'SUSPENDED' : 'DEPROVISIONED';
  const r = h % NOT_YET_ACTIVE_ONE_IN;
  return r === 0 ? 'STAGED' : r === 1 ? 'PROVISIONED' : 'ACTIVE';
}

/** A 32-bit integer hash (murmur3's finaliser) of seed and seq. */
function mix(seed: number, seq: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ seq) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
