/**
 * Which users are guests, externals, service accounts or disabled, and which groups nest. Drawing each
 * at random would make the counts wander (5% of 200 could come out as 6 or 15); instead kinds are dealt
 * like seats in a proportional election, so every prefix of the list holds each kind within one of its
 * share, and user 17's kind never depends on how many users follow.
 */
import type { UserKind } from './model.js';

export interface KindRatios {
  guestRatio: number;
  externalRatio: number;
  serviceRatio: number;
}

/** Deals kinds to users 1, 2, 3... in order; call once per user. */
export function kindDealer(ratios: KindRatios): () => UserKind {
  const kinds: Array<[Exclude<UserKind, 'member'>, number]> = [
    ['guest', ratios.guestRatio],
    ['external', ratios.externalRatio],
    ['service', ratios.serviceRatio],
  ];
  const dealt = [0, 0, 0];
  let seq = 0;
  return () => {
    seq++;
    // The kind furthest behind its share gets this user, once it is owed at least half a user.
    let best = -1;
    let bestDeficit = 0.5 - 1e-9;
    for (let k = 0; k < kinds.length; k++) {
      const deficit = seq * kinds[k]![1] - dealt[k]!;
      if (deficit > bestDeficit) {
        best = k;
        bestDeficit = deficit;
      }
    }
    if (best < 0) return 'member';
    dealt[best]!++;
    return kinds[best]![0];
  };
}

/**
 * Whether item `seq` is picked when picking `ratio` of a list evenly (Bresenham's rule): exactly
 * round(n × ratio) of the first n items are, without any state. Disabled users and nested groups.
 */
export function pickedEvenly(seq: number, ratio: number): boolean {
  return Math.floor(seq * ratio + 0.5) > Math.floor((seq - 1) * ratio + 0.5);
}
