/** Variants are the clean connector with one syncer method swapped; this swaps it without touching the original. */
import type { ResourceSyncer } from '../../../harness/sync/contract.js';
import type { EntraConnector } from '../connector.js';

export function patchSyncer(connector: EntraConnector, type: 'user' | 'group', patch: (original: ResourceSyncer) => Partial<ResourceSyncer>): EntraConnector {
  const original = connector.syncers[type]!;
  return { ...connector, syncers: { ...connector.syncers, [type]: { ...original, ...patch(original) } } };
}
