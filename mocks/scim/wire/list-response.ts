/**
 * The ListResponse envelope (RFC 7644 §3.4.2): `Resources` capitalised, `startIndex` 1-based,
 * `itemsPerPage` the number actually returned. `Resources` is left out only when the client asked for
 * `count=0` (totals only).
 */
import { URN } from '../schema/urns.js';

export function listResponse(resources: unknown[] | undefined, page: { totalResults: number; startIndex: number }): Record<string, unknown> {
  return {
    schemas: [URN.listResponse],
    totalResults: page.totalResults,
    startIndex: page.startIndex,
    itemsPerPage: resources?.length ?? 0,
    ...(resources ? { Resources: resources } : {}),
  };
}
