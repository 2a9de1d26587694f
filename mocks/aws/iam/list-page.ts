/**
 * One page of an IAM listing (reference C1): `MaxItems` (default 100, 1 to 1000, else ValidationError),
 * an opaque `Marker`, `IsTruncated` and the next `Marker` only when there is more. Pages are sometimes
 * shorter than MaxItems while IsTruncated stays true, as IAM's documentation warns; `bad-pagination`
 * breaks the continuation on purpose.
 */
import { seededRandom } from '../../../lib/seeded-random.js';
import type { ListSource } from '../../core/paging/list-source.js';
import { badPaginationMode, servePage } from '../../core/paging/pager.js';
import { constraintMessage } from '../failure.js';
import { MAX_MAX_ITEMS } from '../paging/page-limits.js';
import { shortPageLimit } from '../paging/short-page.js';
import { listingParams, type QueryRequest, type QueryResult } from '../query/query-route.js';
import { members, x, type Xml } from '../query/xml.js';
import { iamErrors } from './iam-errors.js';

const DEFAULT_MAX_ITEMS = 100;

export interface IamListSpec<T> {
  /** Names the listing inside Markers: a Marker only works for the listing that issued it. */
  scope: string;
  /** The list element: `Users`, `Groups`, `AttachedPolicies`... */
  field: string;
  source: ListSource<T>;
  render(item: T): Array<Xml | undefined>;
  /** Elements before the list (GetGroup's `Group`). */
  before?: Array<Xml | undefined>;
}

export function iamListPage<T>(q: QueryRequest, spec: IamListSpec<T>): QueryResult {
  const { env, params } = q;
  const maxItems = readMaxItems(params.get('MaxItems'));
  const marker = params.get('Marker');
  const state = marker === null ? undefined : env.markers.decode(spec.scope, marker);
  if (marker !== null && !state) throw iamErrors.invalidMarker();

  const hit = q.fault(['bad-pagination']);
  const mode = hit ? badPaginationMode(hit.spec.params.mode) : undefined;
  const after = state?.after ?? 0;
  const limit = env.shortPages ? shortPageLimit(env.ctx.seed, spec.scope, after, maxItems) : maxItems;
  const random = seededRandom(env.ctx.seed * 7919 + (state?.page ?? 1) * 104_729 + (hit?.matched ?? 0));
  const page = servePage(spec.source, state, limit, { mode, random, staleToken: iamErrors.invalidMarker });

  const next = page.next === 'same' ? marker! : page.next ? env.markers.encode(spec.scope, page.next) : undefined;
  return {
    result: [...(spec.before ?? []), members(spec.field, page.items.map(spec.render)), x('IsTruncated', next !== undefined), x('Marker', next)],
    items: page.items.length,
    page: { ...(next !== undefined ? { next } : {}), asked: listingParams(params) },
  };
}

function readMaxItems(text: string | null): number {
  if (text === null) return DEFAULT_MAX_ITEMS;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw iamErrors.validation(constraintMessage(text, 'maxItems', 'Member must have value greater than or equal to 1'));
  if (n > MAX_MAX_ITEMS)
    throw iamErrors.validation(constraintMessage(text, 'maxItems', `Member must have value less than or equal to ${MAX_MAX_ITEMS}`));
  return n;
}

/** `PathPrefix` (default `/`): only entities whose path starts with it. */
export function pathPrefix(params: URLSearchParams): string {
  return params.get('PathPrefix') ?? '/';
}
