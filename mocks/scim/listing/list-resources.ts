/**
 * The common shape of `GET /Users` and `GET /Groups`: window read, filter parsed and checked, one page
 * served (or broken by `bad-pagination`), each resource projected, and the ListResponse written.
 *
 * Unfiltered pages cost one indexed store read whatever the startIndex (entities are numbered densely
 * from 1, so index i is seq i). A filter has to count every match for `totalResults`, so it scans; a
 * filter that pins an indexed attribute with `eq` (`userName eq "x"`, what IdPs send before creating a
 * user) is answered by one lookup and then checked like any other.
 */
import { seededRandom } from '../../../lib/seeded-random.js';
import { shuffle } from '../../core/paging/pager.js';
import type { RouteResult } from '../../core/route.js';
import { compileFilter, type Resource } from '../query/filter-eval.js';
import { parseFilter, type Filter } from '../query/filter-parse.js';
import { readWindow } from '../query/paging.js';
import { project, readProjection, wants } from '../query/projection.js';
import type { ResourceSchema } from '../schema/definitions.js';
import { resolveAttrPath } from '../schema/attr-path.js';
import type { ScimRequest } from '../scim-route.js';
import { scimJson } from '../wire/content-type.js';
import { listResponse } from '../wire/list-response.js';
import { badPaginationMode, planPage } from './bad-pagination.js';

/** Which costly top-level attributes (`members`, `groups`) must be rendered. */
export type Needs = (name: string) => boolean;

export interface ListSpec {
  schema: ResourceSchema;
  total(): number;
  /** Resources `offset .. offset+limit` of the unfiltered listing, in seq order. */
  slice(offset: number, limit: number, needs: Needs): Resource[];
  /** Every resource, in seq order, for a filter to test. */
  scan(needs: Needs): Iterable<Resource>;
  /** Attributes a single lookup answers `eq` for (canonical names), and the lookup. */
  lookup?: { attributes: readonly string[]; find(value: string, needs: Needs): Resource[] };
}

export function listResources(s: ScimRequest, spec: ListSpec): RouteResult {
  const params = s.url.searchParams;
  const window = readWindow(params);
  const projection = readProjection(params, spec.schema);
  const filterText = params.get('filter');
  const filter = filterText === null ? undefined : parseFilter(filterText);
  const compiled = filter && compileFilter(filter, spec.schema);
  const needs: Needs = (name) => wants(projection, name) || (compiled?.attributes.has(name) ?? false);

  let total: number;
  let slice: (offset: number, limit: number) => Resource[];
  if (!compiled) {
    total = spec.total();
    slice = (offset, limit) => (limit > 0 && offset < total ? spec.slice(offset, limit, needs) : []);
  } else {
    const key = spec.lookup && eqLookup(filter!, spec.schema, spec.lookup.attributes);
    const candidates = key !== undefined ? spec.lookup!.find(key, needs) : spec.scan(needs);
    const matched = [...candidates].filter((r) => compiled.matches(r));
    total = matched.length;
    slice = (offset, limit) => matched.slice(offset, offset + limit);
  }

  const hit = s.fault(['bad-pagination']);
  const mode = hit ? badPaginationMode(hit.spec.params.mode) : undefined;
  const random = seededRandom(s.env.ctx.seed * 7919 + window.startIndex * 104_729 + (hit?.matched ?? 0));
  const pageKey = `${s.call.route}|${filterText ?? ''}|${window.startIndex}|${window.count}`;
  const plan = planPage(total, window, mode, {
    random,
    firstVisit: () => !s.env.emptied.has(pageKey) && Boolean(s.env.emptied.add(pageKey)),
    delta: delta(hit?.spec.params.delta),
  });
  let items = slice(plan.offset, plan.take);
  if (plan.shuffle) items = shuffle(items, random);
  const resources = window.count > 0 ? items.map((r) => project(r, projection)) : undefined;
  return { response: scimJson(listResponse(resources, plan)), items: items.length, page: { total: plan.totalResults } };
}

/** The value of an indexed `attr eq "value"` the whole filter requires (alone, or as one side of an `and`). */
function eqLookup(filter: Filter, schema: ResourceSchema, attributes: readonly string[]): string | undefined {
  if (filter.kind === 'logical' && filter.op === 'and')
    return eqLookup(filter.left, schema, attributes) ?? eqLookup(filter.right, schema, attributes);
  if (filter.kind !== 'test' || filter.test.op !== 'eq' || typeof filter.test.value !== 'string') return undefined;
  const resolved = resolveAttrPath(schema, filter.path);
  if (resolved?.kind !== 'attribute' || resolved.sub || resolved.container || !attributes.includes(resolved.def.name)) return undefined;
  return filter.test.value;
}

function delta(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(raw)) throw new Error(`bad-pagination: delta=${raw} must be a whole number (negative to under-report)`);
  return Number(raw);
}
