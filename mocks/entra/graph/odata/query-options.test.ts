import { describe, expect, it } from 'vitest';
import type { GraphFailure } from '../errors.js';
import { groupSchema, userSchema } from '../schemas.js';
import { readQueryOptions } from './query-options.js';

const eventual = new Headers({ ConsistencyLevel: 'eventual' });
const read = (query: string, headers = new Headers(), schema = userSchema) =>
  readQueryOptions(new URL(`https://graph.microsoft.com/v1.0/users?${query}`), headers, schema);
const failure = (fn: () => unknown): { status: number; code: string; message: string } => {
  try {
    fn();
  } catch (error) {
    const f = error as GraphFailure;
    return { status: f.status, code: f.code, message: f.message };
  }
  throw new Error('expected a failure');
};

describe('query options', () => {
  it('reads $top, $select (canonical spelling) and $skiptoken', () => {
    const q = read('$top=50&$select=ID,displayname&$skiptoken=abc');
    expect(q.top).toBe(50);
    expect(q.select).toEqual(['id', 'displayName']);
    expect(q.skipToken).toBe('abc');
    expect(q.advanced).toBe(false);
  });

  it.each(['0', '1000', 'ten', '-1'])('refuses $top=%s', (top) => {
    expect(failure(() => read(`$top=${top}`)).code).toBe('Request_UnsupportedQuery');
  });

  it('needs both the header and $count=true for an advanced query', () => {
    expect(failure(() => read("$filter=userType ne 'Guest'", eventual)).message).toBe("Filter operator 'NotEqualsMatch' is not supported.");
    expect(failure(() => read("$filter=userType ne 'Guest'&$count=true")).message).toBe("Filter operator 'NotEqualsMatch' is not supported.");
    expect(read("$filter=userType ne 'Guest'&$count=true", eventual).advanced).toBe(true);
  });

  it('allows $orderby alone on a basic property but not with $filter', () => {
    expect(read('$orderby=displayName desc').orderBy).toEqual({ property: 'displayName', descending: true });
    expect(failure(() => read("$orderby=displayName&$filter=userType eq 'Guest'")).message).toBe('Sorting not supported for current query.');
    expect(failure(() => read('$orderby=department')).message).toBe('Sorting not supported for current query.');
  });

  it('tells an unknown property from one that cannot be filtered', () => {
    expect(failure(() => read("$filter=shoeSize eq '9'"))).toMatchObject({
      code: 'BadRequest',
      message: "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.",
    });
    expect(failure(() => read("$filter=description eq 'x'", new Headers(), groupSchema))).toMatchObject({
      code: 'Request_UnsupportedQuery',
      message: "Unsupported or invalid query filter clause specified for property 'description' of resource 'Group'.",
    });
  });

  it('refuses $expand a route does not offer', () => {
    expect(failure(() => read('$expand=manager')).status).toBe(400);
  });
});
