/**
 * Reads and checks a request's OData options against a resource schema, with the directory's rules
 * (reference A2, G4): `$top` 1..999, no `$skip`, and the advanced-query gate: `$search`, `ne`, `not`,
 * `endswith`, advanced-only properties and `$orderby` with `$filter` need `ConsistencyLevel: eventual`
 * **and** `$count=true`, or the request fails with the error the directory gives for that construct.
 */
import { GraphFailure, graphErrors } from '../errors.js';
import { canonicalProperty, type ResourceSchema } from '../schemas.js';
import { evaluate, filterFeatures, mapProperties, parseFilter, type FilterExpr } from './filter.js';
import { parseSearch, type SearchTerm } from './search.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 999;

export interface QueryOptions {
  top?: number;
  select?: string[];
  filter?: FilterExpr;
  search?: SearchTerm[];
  orderBy?: { property: string; descending: boolean };
  expand: string[];
  /** `$count=true` honoured: the request is an advanced query. */
  count: boolean;
  skipToken?: string;
  /** Whether the request is an advanced query (header + $count=true). */
  advanced: boolean;
}

export interface QueryRules {
  /** `$expand` values the route supports. */
  expandable?: readonly string[];
}

export function readQueryOptions(url: URL, headers: Headers, schema: ResourceSchema, rules: QueryRules = {}): QueryOptions {
  const q = url.searchParams;
  const eventual = (headers.get('consistencylevel') ?? '').toLowerCase() === 'eventual';
  const countTrue = (q.get('$count') ?? '').toLowerCase() === 'true';
  const advanced = eventual && countTrue;

  if (q.has('$skip')) throw graphErrors.badRequest("'$skip' is not supported by the service.");
  const options: QueryOptions = { expand: [], count: advanced, advanced };

  const top = q.get('$top');
  if (top !== null) {
    const n = Number(top);
    if (!/^\d+$/.test(top) || n < 1 || n > MAX_PAGE_SIZE) {
      throw graphErrors.unsupportedQuery(`Invalid page size specified: '${top}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`);
    }
    options.top = n;
  }

  const select = q.get('$select');
  if (select !== null) {
    options.select = select
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((name) => {
        const known = canonicalProperty(schema, name);
        if (!known) throw noSuchProperty(schema, name);
        return known;
      });
  }

  const expand = q.get('$expand');
  if (expand !== null) {
    for (const part of expand
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const name = part.replace(/\(.*\)$/, '');
      const allowed = rules.expandable?.find((e) => e.toLowerCase() === name.toLowerCase());
      if (!allowed)
        throw new GraphFailure(
          400,
          'BadRequest',
          `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type '${schema.type}'.`,
        );
      options.expand.push(allowed);
    }
  }

  const search = q.get('$search');
  if (search !== null) {
    if (!eventual)
      throw graphErrors.unsupportedQuery(
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    options.search = parseSearch(search, schema);
  }

  const filterText = q.get('$filter');
  if (filterText !== null) {
    const parsed = mapProperties(parseFilter(filterText), (name) => {
      const known = canonicalProperty(schema, name);
      if (!known) throw noSuchProperty(schema, name);
      return known;
    });
    const features = filterFeatures(parsed);
    for (const property of features.properties) {
      const basic = schema.basicFilter.includes(property);
      if (!basic && !(advanced && schema.advancedFilter.includes(property))) {
        throw graphErrors.unsupportedQuery(
          `Unsupported or invalid query filter clause specified for property '${property}' of resource '${schema.resource}'.`,
        );
      }
    }
    if (!advanced) {
      if (features.ne) throw graphErrors.unsupportedQuery("Filter operator 'NotEqualsMatch' is not supported.");
      if (features.not || features.endswith) throw graphErrors.unsupportedQuery('Unsupported Query.');
    }
    options.filter = parsed;
  }

  const orderBy = q.get('$orderby');
  if (orderBy !== null) {
    const [name = '', direction = 'asc'] = orderBy.trim().split(/\s+/);
    const known = canonicalProperty(schema, name);
    if (!known) throw noSuchProperty(schema, name);
    const basic = schema.basicOrderBy.includes(known) && filterText === null;
    if (!basic && !advanced) throw graphErrors.unsupportedQuery('Sorting not supported for current query.');
    options.orderBy = { property: known, descending: direction.toLowerCase() === 'desc' };
  }

  const skipToken = q.get('$skiptoken');
  if (skipToken !== null) options.skipToken = skipToken;
  return options;
}

/** The predicate a page's candidates must satisfy: `$filter` and `$search` together. */
export function matcher(options: QueryOptions): ((obj: Record<string, unknown>) => boolean) | undefined {
  const { filter, search } = options;
  if (!filter && !search) return undefined;
  return (obj) => (!filter || evaluate(filter, obj)) && (!search || search.every((term) => term.matches(obj)));
}

function noSuchProperty(schema: ResourceSchema, name: string): GraphFailure {
  return new GraphFailure(400, 'BadRequest', `Could not find a property named '${name}' on type '${schema.type}'.`);
}
