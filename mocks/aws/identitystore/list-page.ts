/**
 * One page of an Identity Store listing: `MaxResults` 1 to 100 (default 100; the service's own default
 * is not documented), an opaque `NextToken` present only when there is more, `bad-pagination` applied.
 * A token the service cannot use is ValidationException "Invalid NextToken." (wording not verified).
 */
import { seededRandom } from '../../../lib/seeded-random.js';
import type { ListSource } from '../../core/paging/list-source.js';
import { badPaginationMode, servePage } from '../../core/paging/pager.js';
import { constraintMessage } from '../failure.js';
import { MAX_RESULTS } from '../paging/page-limits.js';
import { askedFields, identityStoreErrors, type JsonRequest, type JsonResult } from './json-route.js';

export function identityStorePage<T>(
  j: JsonRequest,
  spec: { scope: string; field: string; source: ListSource<T>; render(item: T): Record<string, unknown> },
): JsonResult {
  const { env, body } = j;
  const maxResults = readMaxResults(body.MaxResults);
  const token = body.NextToken;
  const invalid = () => identityStoreErrors.validation('Invalid NextToken.');
  if (token !== undefined && typeof token !== 'string') throw invalid();
  const state = token === undefined ? undefined : env.nextTokens.decode(spec.scope, token);
  if (token !== undefined && !state) throw invalid();

  const hit = j.fault(['bad-pagination']);
  const mode = hit ? badPaginationMode(hit.spec.params.mode) : undefined;
  const random = seededRandom(env.ctx.seed * 6007 + (state?.page ?? 1) * 104_729 + (hit?.matched ?? 0));
  const page = servePage(spec.source, state, maxResults, { mode, random, staleToken: invalid });
  const next = page.next === 'same' ? (token as string) : page.next ? env.nextTokens.encode(spec.scope, page.next) : undefined;
  const answer = { [spec.field]: page.items.map(spec.render), ...(next !== undefined ? { NextToken: next } : {}) };
  return { body: answer, items: page.items.length, page: { ...(next !== undefined ? { next } : {}), asked: askedFields(body) } };
}

function readMaxResults(value: unknown): number {
  if (value === undefined || value === null) return MAX_RESULTS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw identityStoreErrors.validation(constraintMessage(value, 'maxResults', 'Member must have value greater than or equal to 1'));
  if (n > MAX_RESULTS)
    throw identityStoreErrors.validation(constraintMessage(value, 'maxResults', `Member must have value less than or equal to ${MAX_RESULTS}`));
  return n;
}
