/**
 * A listing filtered by something the sync does not hold (`-t nope`, `-r group:nope`, `-e nope`) is empty,
 * as baton's is; but an empty table alone reads as "no grants", not "no such group". The listing still
 * prints its empty, valid output for scripts, and then this names what does not exist (with the closest id
 * when one is near) as a one-line error, exit 2. A name with rows in the listing exists for this purpose
 * (grants may point at a resource that was not itself synced), so the listing is peeked before refusing.
 */
import type { GrantFilter, RowSource, SyncScope } from '../../c1z/index.js';
import { UserError } from '../../lib/errors.js';
import { closest } from '../scenario/suggest.js';

/** Past this many candidates, no did-you-mean: the hint must not cost more than the listing. */
const MAX_CANDIDATES = 100_000;

export interface ListingView {
  rows: RowSource;
  scope: SyncScope;
}

/**
 * The one-line error for a filter naming nothing in the sync, or undefined when every filter names something.
 * `listing` yields the rows the command is about to print (only its first is read).
 */
export function unknownFilter(
  command: string,
  file: string,
  view: ListingView,
  filter: GrantFilter,
  listing: () => Iterable<unknown>,
): UserError | undefined {
  const problem = missing(view, filter);
  if (!problem || hasAny(listing())) return undefined;
  const hint = problem.near ? `did you mean ${problem.near}? ` : '';
  return new UserError(`${command}: no ${problem.what} in ${file} (${hint}${problem.list})`);
}

interface Missing {
  what: string;
  near?: string;
  list: string;
}

function missing({ rows, scope }: ListingView, filter: GrantFilter): Missing | undefined {
  const types = () => ids(rows.resourceTypes(scope));
  const typeMissing = (type: string): Missing | undefined => {
    if (rows.resourceType(scope, type)) return undefined;
    const known = types().sort();
    return { what: `resource type ${type}`, near: closest(type, known), list: `its types: ${known.join(', ') || 'none'}` };
  };
  if (filter.resourceTypeId) {
    const problem = typeMissing(filter.resourceTypeId);
    if (problem) return problem;
  }
  if (filter.resource) {
    const { resourceTypeId: type, resourceId: id } = filter.resource;
    const problem = typeMissing(type);
    if (problem) return { ...problem, what: `resource ${type}:${id} (no resource type ${type})` };
    if (rows.resource(scope, type, id)) return undefined;
    // Stored resource rows are keyed `<type>:<id>`, as the filter is written.
    const near = closest(`${type}:${id}`, ids(rows.resources(scope, { resourceTypeId: type })));
    return { what: `resource ${type}:${id}`, near, list: `\`resources -t ${type}\` lists them` };
  }
  if (filter.entitlementId) {
    if (rows.entitlement(scope, filter.entitlementId)) return undefined;
    return {
      what: `entitlement ${filter.entitlementId}`,
      near: closest(filter.entitlementId, ids(rows.entitlements(scope))),
      list: '`entitlements` lists them',
    };
  }
  return undefined;
}

function ids(rows: Iterable<{ externalId: string }>): string[] {
  const found: string[] = [];
  for (const row of rows) {
    if (found.length === MAX_CANDIDATES) return [];
    found.push(row.externalId);
  }
  return found;
}

function hasAny(rows: Iterable<unknown>): boolean {
  for (const _ of rows) return true;
  return false;
}
