/**
 * The `bad-pagination` fault (`mode=`) adapted to index paging. Entra's modes break the next link; SCIM
 * has none (the client computes each `startIndex`), so each mode breaks what the server does with the
 * index or what it reports, the ways real SCIM servers have gone wrong. Pages after the first only, unless
 * said otherwise:
 *   repeat-token            the server ignores startIndex: every request gets the first page and
 *                           `startIndex: 1` (clients advancing from the echoed index loop forever;
 *                           clients advancing their own counter collect page 1 again and again)
 *   drop-items              each page leaves out its first item (count-1 items): one item lost at every
 *                           boundary, whichever way the client advances (only totalResults tells)
 *   duplicate-across-pages  each page starts with the previous page's last item again, then the full
 *                           page (count+1 items, more than asked): duplicates, nothing lost
 *   total-mismatch          totalResults differs from the first page's: real + `delta` (default: one
 *                           page more, so it claims items that never come; negative deltas make clients
 *                           that trust it stop early)
 *   unstable-order          the order shifts between requests: every page (the first too) comes
 *                           shuffled and later pages start a seeded few items early or late
 *   empty-page-with-token   the first request for each later page gets `Resources: []` while
 *                           totalResults says more; asking again for the same startIndex gets the items
 * Not adapted: `cycle` (a server cannot send an index-paging client back to page 1; ignoring startIndex is
 * repeat-token) and `stale-token` (an index does not expire; there is no token to go stale).
 */
import { pageBounds, type PageWindow } from '../query/paging.js';

export const SCIM_BAD_PAGINATION_MODES = [
  'repeat-token',
  'drop-items',
  'duplicate-across-pages',
  'total-mismatch',
  'unstable-order',
  'empty-page-with-token',
] as const;
export type ScimBadPaginationMode = (typeof SCIM_BAD_PAGINATION_MODES)[number];

export interface PagePlan {
  /** Zero-based offset and length of the slice to serve. */
  offset: number;
  take: number;
  /** What the envelope says. */
  startIndex: number;
  totalResults: number;
  /** Serve the slice in a shuffled order. */
  shuffle: boolean;
}

export interface PlanContext {
  random: () => number;
  /** True the first time this exact page (listing, filter, startIndex, count) is asked for. */
  firstVisit: () => boolean;
  /** total-mismatch: added to totalResults on later pages. */
  delta?: number;
}

export function badPaginationMode(mode: string | undefined): ScimBadPaginationMode {
  const chosen = mode ?? 'repeat-token';
  if (!(SCIM_BAD_PAGINATION_MODES as readonly string[]).includes(chosen)) {
    throw new Error(`bad-pagination: mode=${chosen} does not apply to SCIM index paging (known: ${SCIM_BAD_PAGINATION_MODES.join(', ')})`);
  }
  return chosen as ScimBadPaginationMode;
}

export function planPage(total: number, window: PageWindow, mode: ScimBadPaginationMode | undefined, context: PlanContext): PagePlan {
  const normal = pageBounds(total, window);
  const plan: PagePlan = { ...normal, startIndex: window.startIndex, totalResults: total, shuffle: false };
  const later = window.startIndex > 1;
  const at = (offset: number) => ({ offset, take: Math.max(0, Math.min(window.count, total - offset)) });
  switch (mode) {
    case 'repeat-token':
      return { ...plan, ...at(0), startIndex: 1 };
    case 'drop-items':
      return later && normal.take > 0 ? { ...plan, offset: normal.offset + 1, take: normal.take - 1 } : plan;
    case 'duplicate-across-pages':
      return later && normal.take > 0 ? { ...plan, offset: normal.offset - 1, take: normal.take + 1 } : plan;
    case 'total-mismatch':
      return later ? { ...plan, totalResults: Math.max(0, total + (context.delta ?? Math.max(1, window.count))) } : plan;
    case 'unstable-order': {
      if (!later) return { ...plan, shuffle: true };
      const magnitude = 1 + Math.floor(context.random() * Math.max(1, Math.floor(window.count / 2)));
      const shift = context.random() < 0.5 ? -magnitude : magnitude;
      return { ...plan, ...at(Math.max(0, normal.offset + shift)), shuffle: true };
    }
    case 'empty-page-with-token':
      return later && normal.take > 0 && context.firstVisit() ? { ...plan, take: 0 } : plan;
    default:
      return plan;
  }
}
