/**
 * The common shape of every Graph list answer: options checked, `$filter`/`$search`/`$orderby` applied,
 * one page served (or broken by `bad-pagination`), `$select` projected, and the envelope written with
 * `@odata.context`, `@odata.count` (first page of an advanced query only) and an absolute next link.
 */
import { seededRandom } from '../../../lib/seeded-random.js';
import { arraySource, drain, filterSource, mapSource, type ListSource } from '../../core/paging/list-source.js';
import { badPaginationMode, servePage } from '../../core/paging/pager.js';
import { graphJson, graphJsonText } from './content-types.js';
import { graphErrors } from './errors.js';
import type { GraphRequest, GraphResult } from './graph-route.js';
import { DEFAULT_PAGE_SIZE, matcher, readQueryOptions, type QueryOptions } from './odata/query-options.js';
import { contextProjection, project } from './odata/select.js';
import { contextUrl, nextLink } from './odata/next-link.js';
import type { ResourceSchema } from './schemas.js';

/** One object ready for the wire: its full JSON and its type's default properties. */
export interface Rendered {
  obj: Record<string, unknown>;
  defaults: readonly string[];
}

export interface CollectionSpec<T> {
  /** Names the listing inside skiptokens, e.g. `groups/<id>/members`. */
  scope: string;
  schema: ResourceSchema;
  /** `@odata.context` fragment before any projection: `users`, `directoryObjects`... */
  fragment: string;
  source: ListSource<T>;
  render(item: T, options: QueryOptions): Rendered;
  /** False for `/directoryRoles` and role members: no paging, and `$top` is refused. */
  paged?: boolean;
  /** Fast total for `@odata.count` when nothing filters. */
  total?(): number;
  expandable?: readonly string[];
}

export function listCollection<T>(g: GraphRequest, spec: CollectionSpec<T>): GraphResult {
  const options = readQueryOptions(g.url, g.request.headers, spec.schema, { expandable: spec.expandable });
  const paged = spec.paged ?? true;
  if (!paged && options.top !== undefined)
    throw graphErrors.unsupportedQuery('This resource does not support custom page sizes. Please retry without a page size argument.');

  const keep = matcher(options);
  const rendered = mapSource(spec.source, (item) => spec.render(item, options));
  const filtered = keep ? filterSource(rendered, (r) => keep(r.obj)) : rendered;
  const source: ListSource<Rendered> = options.orderBy
    ? arraySource(sortBy(drain(filtered), options.orderBy.property, options.orderBy.descending))
    : filtered;

  let items: Rendered[];
  let link: string | undefined;
  let next: string | undefined;
  if (!paged) {
    items = drain(source);
  } else {
    const state = options.skipToken !== undefined ? g.env.skipTokens.decode(spec.scope, options.skipToken) : undefined;
    const hit = g.fault(['bad-pagination']);
    const mode = hit ? badPaginationMode(hit.spec.params.mode) : undefined;
    const random = seededRandom(g.env.ctx.seed * 7919 + (state?.page ?? 1) * 104_729 + (hit?.matched ?? 0));
    const page = servePage(source, state, options.top ?? DEFAULT_PAGE_SIZE, { mode, random, staleToken: graphErrors.expiredPageToken });
    items = page.items;
    if (page.next === 'same') next = options.skipToken!;
    else if (page.next) next = g.env.skipTokens.encode(spec.scope, page.next);
    if (next !== undefined) link = nextLink(g.env.bases.graph, g.url, next);
  }

  const body: Record<string, unknown> = {
    '@odata.context': contextUrl(g.env.bases.graph, g.version, spec.fragment + contextProjection(options.select, options.expand)),
  };
  if (options.count && options.skipToken === undefined) {
    body['@odata.count'] = keep || !spec.total ? drain(filtered).length : spec.total();
  }
  if (link) body['@odata.nextLink'] = link;
  // `value` is spliced in as JSON text so each object's projection is serialized once and reused.
  const value = items.map((r) => projectedJson(r, options)).join(',');
  const head = JSON.stringify(body);
  return {
    response: graphJsonText(`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"value":[${value}]}`),
    items: items.length,
    ...(paged ? { page: next !== undefined ? { next } : {} } : {}),
  };
}

/** JSON text per rendered object and `$select`, for objects rendered once and shared (cached users). */
const projections = new WeakMap<object, Map<string, string>>();

function projectedJson(r: Rendered, options: QueryOptions): string {
  if (options.expand?.length) return JSON.stringify(withExpanded(project(r.obj, options.select, r.defaults), r.obj, options.expand));
  // Only shared (frozen) objects come back; a fresh render would fill the cache for nothing.
  if (!Object.isFrozen(r.obj)) return JSON.stringify(project(r.obj, options.select, r.defaults));
  const key = options.select?.join(',') ?? '';
  let byKey = projections.get(r.obj);
  if (!byKey) projections.set(r.obj, (byKey = new Map()));
  let text = byKey.get(key);
  if (text === undefined) byKey.set(key, (text = JSON.stringify(project(r.obj, options.select, r.defaults))));
  return text;
}

/** One object (`/users/{id}`): `$select` applies, the context names the entity. */
export function singleObject(g: GraphRequest, schema: ResourceSchema, fragment: string, rendered: Rendered): GraphResult {
  const options = readQueryOptions(g.url, g.request.headers, schema);
  return graphJson({
    '@odata.context': contextUrl(g.env.bases.graph, g.version, `${fragment}${contextProjection(options.select)}/$entity`),
    ...project(rendered.obj, options.select, rendered.defaults),
  });
}

function withExpanded(projected: Record<string, unknown>, full: Record<string, unknown>, expand: readonly string[]): Record<string, unknown> {
  for (const name of expand) projected[name] = full[name] ?? null;
  return projected;
}

function sortBy(items: Rendered[], property: string, descending: boolean): Rendered[] {
  const key = (r: Rendered) => {
    const v = r.obj[property];
    return typeof v === 'string' ? v.toLowerCase() : v === null || v === undefined ? undefined : String(v);
  };
  const sorted = [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return 0;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return x < y ? -1 : 1;
  });
  return descending ? sorted.reverse() : sorted;
}
