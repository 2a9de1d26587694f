/**
 * One page of a listing as Okta answers it (REFERENCE §5): a bare JSON array, and `Link` headers, one line
 * each, `<url>; rel="self"` always and `<url>; rel="next"` while more follows. Links are absolute on the
 * org URL (a relative one breaks the Node SDK's second page) and keep the request's own query, `after`
 * first as in Okta's examples; the cursor lives in `after=` only, since baton-okta rebuilds its requests
 * from that value alone. Served correctly, or broken by the `bad-pagination` fault (mocks/core/paging/pager.ts):
 *   repeat-token            the next link carries the request's own `after` (endless loop)
 *   cycle                   page 3 (or the last page) links back to page 1
 *   empty-page-with-token   an empty array with a next link that resumes where it should
 *   duplicate-across-pages  each next page starts with the previous page's last item again
 *   drop-items              each next link skips one item
 *   stale-token             following any next link fails with 400 E0000029
 *   unstable-order          items shuffled, and each next link resumes a seeded few items early or late
 * `total-mismatch` has nothing to act on (Okta lists carry no total) and is refused by name.
 */
import { seededRandom } from '../../../lib/seeded-random.js';
import type { ListSource } from '../../core/paging/list-source.js';
import { BAD_PAGINATION_MODES, servePage, type BadPaginationMode } from '../../core/paging/pager.js';
import type { EndpointResult } from '../../core/endpoint.js';
import type { OktaRequest } from '../okta-route.js';
import { oktaJson } from '../okta-route.js';
import { oktaErrors } from '../wire/errors.js';

/** Every core mode works on a `Link` cursor. */
export const OKTA_BAD_PAGINATION_MODES = BAD_PAGINATION_MODES;

export interface ListingSpec {
  /** Rendered items. */
  source: ListSource<Record<string, unknown>>;
  limit: number;
  /** Extra identity for the cursor beyond the path and query (none usually). */
  scope?: string;
  /** The body around a page, where it is not a bare array (`/iam/...`: `{value, _links}`). */
  envelope?: (items: Array<Record<string, unknown>>, links: { self: string; next?: string }) => unknown;
}

function oktaBadPaginationMode(mode: string | undefined): BadPaginationMode {
  const chosen = mode ?? 'repeat-token';
  if (!(OKTA_BAD_PAGINATION_MODES as readonly string[]).includes(chosen)) {
    throw new Error(`bad-pagination: mode=${chosen} does not apply to Okta's Link cursor (known: ${OKTA_BAD_PAGINATION_MODES.join(', ')})`);
  }
  return chosen as BadPaginationMode;
}

export function listing(o: OktaRequest, spec: ListingSpec): EndpointResult {
  const { env, url } = o;
  const identity = listingIdentity(url, spec.scope);
  const after = url.searchParams.get('after') || undefined;
  const state = after === undefined ? undefined : env.cursors.decode(identity, after);
  const hit = o.fault(['bad-pagination']);
  const mode = hit ? oktaBadPaginationMode(hit.spec.params.mode) : undefined;
  const random = seededRandom(env.ctx.seed * 7919 + (state?.page ?? 1) * 104_729 + (hit?.matched ?? 0));
  const page = servePage(spec.source, state, spec.limit, { mode, random, staleToken: () => oktaErrors.badCursor() });
  const next = page.next === 'same' ? after : page.next ? env.cursors.encode(identity, page.next) : undefined;
  const self = linkUrl(env.orgUrl, url, after);
  const nextUrl = next ? linkUrl(env.orgUrl, url, next) : undefined;
  const response = oktaJson(spec.envelope ? spec.envelope(page.items, { self, ...(nextUrl ? { next: nextUrl } : {}) }) : page.items);
  response.headers.append('link', `<${self}>; rel="self"`);
  if (nextUrl) response.headers.append('link', `<${nextUrl}>; rel="next"`);
  return { response, items: page.items.length, page: next ? { next } : {} };
}

/** A single answer with no paging (role assignments): every item, and only `rel="self"` (REFERENCE §3 [U]). */
export function unpaged(o: OktaRequest, items: unknown[]): EndpointResult {
  const response = oktaJson(items);
  response.headers.append('link', `<${linkUrl(o.env.orgUrl, o.url, o.url.searchParams.get('after') ?? undefined)}>; rel="self"`);
  return { response, items: items.length };
}

/** The request's path and query, `after` set first (or left out), on the org URL. */
function linkUrl(orgUrl: string, url: URL, after: string | undefined): string {
  const query = new URLSearchParams();
  if (after !== undefined) query.set('after', after);
  for (const [k, v] of url.searchParams) if (k !== 'after') query.append(k, v);
  const q = query.toString();
  return `${orgUrl}${url.pathname}${q ? `?${q}` : ''}`;
}

/** What a cursor is good for: the path and every parameter but `after` and `limit`, in a stable order. */
function listingIdentity(url: URL, scope = ''): string {
  const params = [...url.searchParams].filter(([k]) => k !== 'after' && k !== 'limit').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${url.pathname.toLowerCase()}?${new URLSearchParams(params).toString()}#${scope}`;
}
