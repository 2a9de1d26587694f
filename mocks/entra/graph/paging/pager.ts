/**
 * Serves one page of a listing and decides its continuation, correctly or broken on purpose by the
 * `bad-pagination` fault (`mode=`), each mode a way real paging has gone wrong for connectors:
 *   repeat-token            the next link carries the request's own skiptoken (endless loop; baton's
 *                           same-token guard catches it)
 *   cycle                   page 3 (or the last page) links back to page 1 (A->B->C->A; not caught)
 *   empty-page-with-token   an empty page whose next link resumes where it should (clients that stop
 *                           on an empty page lose the rest)
 *   duplicate-across-pages  each next page starts with the previous page's last item again
 *   drop-items              each next link skips one item (silent loss; only @odata.count tells)
 *   stale-token             following any next link fails with 400 Directory_ExpiredPageToken
 *   unstable-order          the collection's order shifts between pages: items come shuffled and each
 *                           next link resumes a seeded few items early or late (duplicates and misses)
 */
import { graphErrors } from '../errors.js';
import type { PageState } from '../odata/skiptoken.js';
import type { ListSource } from './list-source.js';

export const BAD_PAGINATION_MODES = ['repeat-token', 'cycle', 'empty-page-with-token', 'duplicate-across-pages', 'drop-items', 'stale-token', 'unstable-order'] as const;
export type BadPaginationMode = (typeof BAD_PAGINATION_MODES)[number];

export interface PageOutcome<T> {
  items: T[];
  /** The next page's state, or `same` to hand the request's own token back; absent on the last page. */
  next?: PageState | 'same';
}

export function servePage<T>(source: ListSource<T>, state: PageState | undefined, limit: number, mode?: BadPaginationMode, random: () => number = Math.random): PageOutcome<T> {
  const at: PageState = state ?? { after: 0, page: 1 };
  const following = (after: number | undefined): PageState | undefined => (after === undefined ? undefined : { after, page: at.page + 1 });

  if (mode === 'stale-token' && state) throw graphErrors.expiredPageToken();
  if (mode === 'empty-page-with-token' && !at.emptied) return { items: [], next: { ...at, emptied: true } };

  const p = source.page(at.after, limit);
  switch (mode) {
    case 'repeat-token':
      if (state) return { items: p.items, next: 'same' };
      break;
    case 'cycle':
      if (at.page >= 3 || p.next === undefined) return { items: p.items, next: { after: 0, page: 1 } };
      break;
    case 'duplicate-across-pages':
      if (p.next !== undefined && p.items.length >= 2) return { items: p.items, next: following(source.page(at.after, p.items.length - 1).next) };
      break;
    case 'drop-items':
      if (p.next !== undefined) return { items: p.items, next: following(source.page(at.after, p.items.length + 1).next) };
      break;
    case 'unstable-order':
      if (p.next !== undefined) {
        const half = Math.max(1, Math.floor(p.items.length / 2));
        const magnitude = 1 + Math.floor(random() * half);
        const delta = random() < 0.5 ? -magnitude : magnitude;
        const resume = source.page(at.after, Math.max(1, p.items.length + delta)).next;
        return { items: shuffle(p.items, random), next: following(resume) };
      }
      return { items: shuffle(p.items, random) };
    default:
      break;
  }
  return { items: p.items, next: following(p.next) };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
