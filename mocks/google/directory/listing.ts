/**
 * The common shape of every Directory API list answer (reference B2): `kind`, `etag`, the items under
 * their own field (`users`, `groups`, `members`, `items`), omitted when the page is empty, and
 * `nextPageToken` only when more pages follow. One page is served per request, correctly or broken by
 * the `bad-pagination` fault.
 */
import { seededRandom } from '../../../lib/seeded-random.js';
import type { ListSource } from '../../core/paging/list-source.js';
import { badPaginationMode, servePage } from '../../core/paging/pager.js';
import { directoryJson, type DirectoryRequest, type DirectoryResult } from './directory-route.js';
import { directoryErrors } from './errors.js';
import { etagOf } from './etag.js';

export interface ListingSpec {
  /** `admin#directory#users`, ... */
  kind: string;
  field: 'users' | 'groups' | 'members' | 'items';
  /**
   * Names the listing inside page tokens: the method, its parent and every option that decides order or
   * filtering, so a token only works for the listing that issued it.
   */
  scope: string;
  /** Items already rendered for the wire. */
  source: ListSource<Record<string, unknown>>;
  limit: number;
}

export function listing(d: DirectoryRequest, spec: ListingSpec): DirectoryResult {
  const { env } = d;
  const token = d.url.searchParams.get('pageToken') || undefined;
  const state = token === undefined ? undefined : env.pageTokens.decode(spec.scope, token, d.now);
  const hit = d.fault(['bad-pagination']);
  const mode = hit ? badPaginationMode(hit.spec.params.mode) : undefined;
  const random = seededRandom(env.ctx.seed * 7919 + (state?.page ?? 1) * 104_729 + (hit?.matched ?? 0));
  const page = servePage(spec.source, state, spec.limit, { mode, random, staleToken: () => directoryErrors.invalidInput('pageToken') });
  const next = page.next === 'same' ? token : page.next ? env.pageTokens.encode(spec.scope, page.next, d.now) : undefined;
  const body: Record<string, unknown> = {
    kind: spec.kind,
    etag: etagOf(env.ctx.seed, { scope: spec.scope, page: state?.page ?? 1, items: page.items.map((i) => i.etag) }),
  };
  if (page.items.length) body[spec.field] = page.items;
  if (next) body.nextPageToken = next;
  return { response: directoryJson(d, body), items: page.items.length, page: next ? { next } : {} };
}
