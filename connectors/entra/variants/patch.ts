/** Variants are the clean connector with one syncer method swapped; this swaps it without touching the original. */
import type { ResourceSyncer } from '../../../c1z/contract/index.js';
import type { EntraConnector } from '../connector.js';

export function patchSyncer(
  connector: EntraConnector,
  type: 'user' | 'group',
  patch: (original: ResourceSyncer) => Partial<ResourceSyncer>,
): EntraConnector {
  const original = connector.syncers[type]!;
  return { ...connector, syncers: { ...connector.syncers, [type]: { ...original, ...patch(original) } } };
}
