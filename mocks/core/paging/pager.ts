/**
 * Serves one page of a listing and decides its continuation, correctly or broken on purpose by the
 * `bad-pagination` fault (`mode=`), each mode a way real paging has gone wrong for connectors. Shared by the
 * token-paging simulators (Entra, Google, AWS); each provider's `index.ts` says what the modes look like on
 * its wire, and passes its own answer to a stale token. SCIM pages by index and has its own adaptation
 * (`mocks/scim/listing/bad-pagination.ts`).
 *   repeat-token            the next token is the request's own (endless loop unless the client stops on
 *                           a repeated token)
 *   cycle                   page 3 (or the last page) links back to page 1 (A->B->C->A)
 *   empty-page-with-token   an empty page whose token resumes where it should (clients that stop on an
 *                           empty page lose the rest)
 *   duplicate-across-pages  each next page starts with the previous page's last item again
 *   drop-items              each next token skips one item (silent loss)
 *   stale-token             following any token fails with the provider's bad-token error
 *   unstable-order          the order shifts between pages: items come shuffled and each next token
 *                           resumes a seeded few items early or late (duplicates and misses)
 */
import type { ListSource } from './list-source.js';

export const BAD_PAGINATION_MODES = [
  'repeat-token',
  'cycle',
  'empty-page-with-token',
  'duplicate-across-pages',
  'drop-items',
  'stale-token',
  'unstable-order',
] as const;
export type BadPaginationMode = (typeof BAD_PAGINATION_MODES)[number];

/** What a page token carries (each provider seals it in its own format). */
export interface PageState {
  /** Resume point handed back to the listing source (exclusive). */
  after: number;
  /** 1-based number of the page this token fetches. */
  page: number;
  /** Set on the token an `empty-page-with-token` page hands out, so that page is served for real next. */
  emptied?: boolean;
}

export interface PageOutcome<T> {
  items: T[];
  /** The next page's state, or `same` to hand the request's own token back; absent on the last page. */
  next?: PageState | 'same';
}

export interface PageOptions {
  mode?: BadPaginationMode;
  random?: () => number;
  /** Thrown for `stale-token` when the request carries a token: the service's own "bad token" error. */
  staleToken: () => Error;
}

/** The `mode=` of a `bad-pagination` fault (default `repeat-token`); an unknown one is refused by name. */
export function badPaginationMode(mode: string | undefined): BadPaginationMode {
  const chosen = mode ?? 'repeat-token';
  if (!(BAD_PAGINATION_MODES as readonly string[]).includes(chosen)) {
    throw new Error(`bad-pagination: unknown mode=${chosen} (known: ${BAD_PAGINATION_MODES.join(', ')})`);
  }
  return chosen as BadPaginationMode;
}

export function servePage<T>(source: ListSource<T>, state: PageState | undefined, limit: number, options: PageOptions): PageOutcome<T> {
  const { mode, random = Math.random } = options;
  const at: PageState = state ?? { after: 0, page: 1 };
  const following = (after: number | undefined): PageState | undefined => (after === undefined ? undefined : { after, page: at.page + 1 });

  if (mode === 'stale-token' && state) throw options.staleToken();
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

/** Fisher-Yates with the given generator (a seeded one makes the order repeatable). */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
