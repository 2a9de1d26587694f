/**
 * What each listing's `filter` and `search` accept (REFERENCE §1, §2, §4 [D SDK-UserApi, SDK-GroupApi,
 * SDK-ApplicationApi]), and the parsed predicate for a request: `filter` and `search` together are 400
 * E0000033; the attribute names are case-sensitive in both.
 */
import type { OktaRequest } from '../okta-route.js';
import { oktaErrors } from '../wire/errors.js';
import { checkExpression, matches, parseExpression, type Operator, type Rule } from './expression.js';

const RANGE: readonly Operator[] = ['gt', 'ge', 'lt', 'le'];

/** Users `filter`: these attributes, `eq` only except `lastUpdated`, which also takes ranges. */
const USER_FILTER: Rule = (attr, op) => {
  if (!['status', 'lastUpdated', 'id', 'profile.login', 'profile.email', 'profile.firstName', 'profile.lastName'].includes(attr))
    return `Invalid filter attribute: ${attr}`;
  if (op === 'eq' || (attr === 'lastUpdated' && RANGE.includes(op))) return undefined;
  return `The supplied combination of operator and field is not currently supported. Operator: ${op}, Field: ${attr}`;
};

/** Users `search`: any property; `co` only on the four base profile names. */
const USER_SEARCH: Rule = (attr, op) => {
  if (op === 'co' && !['profile.firstName', 'profile.lastName', 'profile.email', 'profile.login'].includes(attr)) {
    return `The supplied combination of operator and field is not currently supported. Operator: co, Field: ${attr}`;
  }
  return undefined;
};

const GROUP_FILTER: Rule = (attr, op) => {
  if (!['id', 'type', 'lastUpdated', 'lastMembershipUpdated'].includes(attr)) return `Invalid filter attribute: ${attr}`;
  if (op === 'eq' || (attr !== 'id' && attr !== 'type' && RANGE.includes(op))) return undefined;
  return `The supplied combination of operator and field is not currently supported. Operator: ${op}, Field: ${attr}`;
};

const GROUP_SEARCH: Rule = (attr, op) => {
  if (attr.startsWith('_embedded') || attr.startsWith('_links') || attr === 'objectClass') return `Invalid search attribute: ${attr}`;
  if (op === 'co' && attr !== 'profile.name' && attr !== 'profile.description')
    return `The supplied combination of operator and field is not currently supported. Operator: co, Field: ${attr}`;
  return undefined;
};

const APP_FILTER: Rule = (attr, op) => {
  if (!['id', 'status', 'name', 'credentials.signing.kid', 'settings.slo.enabled'].includes(attr)) return `Invalid filter attribute: ${attr}`;
  return op === 'eq' ? undefined : `The supplied combination of operator and field is not currently supported. Operator: ${op}, Field: ${attr}`;
};

export const QUERY_RULES = {
  users: { filter: USER_FILTER, search: USER_SEARCH },
  groups: { filter: GROUP_FILTER, search: GROUP_SEARCH },
  apps: { filter: APP_FILTER },
} as const satisfies Record<string, { filter: Rule; search?: Rule }>;

export type Predicate = (item: Record<string, unknown>) => boolean;

/** The request's `filter` or `search` as a predicate on rendered items; undefined when it has neither. */
export function queryPredicate(o: OktaRequest, rules: { filter: Rule; search?: Rule }): { keep: Predicate; kind: 'filter' | 'search' } | undefined {
  const filter = o.url.searchParams.get('filter');
  const search = rules.search ? o.url.searchParams.get('search') : null;
  if (filter !== null && search !== null) throw oktaErrors.searchAndFilter();
  const text = filter ?? search;
  if (text === null || text.trim() === '') return undefined;
  const expression = parseExpression(text);
  checkExpression(expression, filter !== null ? rules.filter : rules.search!);
  // Filter values are case-sensitive, search values are not [D SDK-UserApi].
  const caseInsensitive = filter === null;
  return { keep: (item) => matches(expression, item, caseInsensitive), kind: filter !== null ? 'filter' : 'search' };
}
