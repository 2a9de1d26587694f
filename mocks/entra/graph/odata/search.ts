/**
 * `$search="displayName:wa" AND "mail:contoso"`: clauses on one property each, joined by AND/OR
 * (left to right). displayName and description are tokenised (any word may start with the term); other
 * properties match from their start, as the directory's search index does.
 */
import { GraphFailure } from '../errors.js';
import { canonicalProperty, type ResourceSchema } from '../schemas.js';

export interface SearchTerm {
  matches(obj: Record<string, unknown>): boolean;
}

const TOKENISED = new Set(['displayName', 'description']);

export function parseSearch(text: string, schema: ResourceSchema): SearchTerm[] {
  const parts = text.trim().match(/"[^"]*"|\bAND\b|\bOR\b|\S+/g) ?? [];
  let combined: ((o: Record<string, unknown>) => boolean) | undefined;
  let join: 'AND' | 'OR' = 'AND';
  for (const part of parts) {
    if (part === 'AND' || part === 'OR') {
      join = part;
      continue;
    }
    const clause = part.match(/^"([^":]+):([^"]*)"$/);
    if (!clause) throw new GraphFailure(400, 'Request_UnsupportedQuery', `Invalid search query syntax: ${part}`);
    const property = canonicalProperty(schema, clause[1]!.trim());
    if (!property) throw new GraphFailure(400, 'BadRequest', `Could not find a property named '${clause[1]}' on type '${schema.type}'.`);
    const term = clause[2]!.toLowerCase();
    const one = (o: Record<string, unknown>) => {
      const v = o[property];
      if (typeof v !== 'string') return false;
      const s = v.toLowerCase();
      return TOKENISED.has(property) ? s.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(term)) : s.startsWith(term);
    };
    const previous = combined;
    combined = !previous ? one : join === 'AND' ? (o) => previous(o) && one(o) : (o) => previous(o) || one(o);
    join = 'AND';
  }
  if (!combined) throw new GraphFailure(400, 'Request_UnsupportedQuery', 'Invalid search query syntax: empty $search.');
  return [{ matches: combined }];
}
