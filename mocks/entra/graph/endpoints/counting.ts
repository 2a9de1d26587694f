/**
 * `/$count` segments: a bare integer as text/plain, only in an advanced query (the segment stands in for
 * `$count=true`, the header is still required).
 */
import { drain, filterSource, mapSource, type ListSource } from '../../../core/paging/list-source.js';
import { graphCount } from '../content-types.js';
import { graphErrors } from '../errors.js';
import type { GraphRequest, GraphResult } from '../graph-route.js';
import { matcher, readQueryOptions } from '../odata/query-options.js';
import type { ResourceSchema } from '../schemas.js';

export function countOf<T>(
  g: GraphRequest,
  schema: ResourceSchema,
  source: ListSource<T>,
  render: (item: T) => Record<string, unknown>,
  total?: () => number,
): GraphResult {
  if ((g.request.headers.get('consistencylevel') ?? '').toLowerCase() !== 'eventual')
    throw graphErrors.badRequest('$count is not currently supported.');
  const url = new URL(g.url);
  url.searchParams.set('$count', 'true');
  const keep = matcher(readQueryOptions(url, g.request.headers, schema));
  if (!keep && total) return graphCount(total());
  const rendered = mapSource(source, render);
  return graphCount(drain(keep ? filterSource(rendered, keep) : rendered).length);
}
