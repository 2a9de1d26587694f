/**
 * What happens to each object of a synthetic directory in a "later" sync: kept, removed or changed, decided
 * from the object's id and a seed alone. Deciding by id (not by a generator's position) keeps every other
 * object byte-identical to the unmutated directory, so a diff of the pair counts exactly what was mutated.
 */

export interface Mutation {
  /**
   * Share of objects that differ, split evenly: a third of it removed, a third changed, and new objects
   * added amounting to a third of each kind. Removing a resource also removes its entitlements and grants.
   */
  rate: number;
  seed: number;
}

export type Fate = 'kept' | 'removed' | 'changed';

export function fateOf(mutation: Mutation | undefined): (id: string) => Fate {
  if (!mutation || mutation.rate <= 0) return () => 'kept';
  const third = mutation.rate / 3;
  return (id) => {
    const u = unitHash(id, mutation.seed);
    return u < third ? 'removed' : u < 2 * third ? 'changed' : 'kept';
  };
}

/** How many objects to add where `count` exist. */
export function addedCount(mutation: Mutation | undefined, count: number): number {
  return mutation ? Math.round((count * mutation.rate) / 3) : 0;
}

/** FNV-1a over the id, finished with a murmur3 mix: a uniform number in [0, 1) per (id, seed). */
function unitHash(id: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
