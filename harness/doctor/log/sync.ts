/**
 * What the SDK's sync loop says about paging, rate limits and provisioning: the same texts the run
 * doctor reads from the engine's log (harness/sync/page-guard.ts: current and legacy SDK wording, plus
 * the harness's cycle check), found here in a customer's log, and what its uhttp and retry packages say
 * when an answer lacks paging data or retries run out.
 */
import type { Finding } from '../../../reports/evidence.js';
import { CYCLE_TEXT, UNCHANGED_TOKEN_TEXT, pageTokenUnchanged, paginationCycle } from '../pagination-findings.js';
import { throttlingSteps } from '../provider-terms.js';
import { cite, matching, type LogContext, type LogDetector } from './context.js';

/** pkg/retry/retry.go: the SDK's retryer giving up (`l.Warn("max attempts reached")`) after `retrying operation` lines. */
const MAX_ATTEMPTS_TEXT = 'max attempts reached';
/** pkg/uhttp/pagination.go: `ErrMissingPaginationData`, and WithPaginationData's "%T reported no pagination data". */
const MISSING_PAGINATION_TEXT = /uhttp: response is missing pagination data|reported no pagination data/;

const THROTTLE =
  /retrying operation|Too Many Requests|status(?:_code)?["=: ]+429\b|HTTP\/[\d.]+ 429\b|\b429 Too Many|ThrottlingException|\bThrottling\b|TooManyRequests|rateLimitExceeded|Rate exceeded/i;

const pageTokenUnchangedDetector: LogDetector = (c) => {
  const lines = matching(c, UNCHANGED_TOKEN_TEXT);
  return lines.length === 0 ? undefined : { ...pageTokenUnchanged([]), ...cite(lines, 3) };
};

const paginationCycleDetector: LogDetector = (c) => {
  const lines = matching(c, CYCLE_TEXT);
  return lines.length === 0 ? undefined : { ...paginationCycle([]), ...cite(lines, 3) };
};

/** Whether anything after the last throttled line shows the sync moving on. */
function recovered(c: LogContext, lastLine: number): boolean {
  return c.lines.some((l) => l.n > lastLine && /^Synced /.test(l.msg));
}

const throttled: LogDetector = (c): Finding | undefined => {
  const lines = matching(c, THROTTLE);
  if (lines.length === 0) return undefined;
  const retries = lines.filter((l) => l.msg === 'retrying operation').length;
  const gaveUp = lines.some((l) => l.msg === MAX_ATTEMPTS_TEXT);
  const ok = !gaveUp && recovered(c, lines.at(-1)!.n);
  const after = gaveUp ? "the SDK's retryer gave up ('max attempts reached')" : ok ? 'the sync moved on afterwards' : 'no progress logged afterwards';
  // Without a provider, only the advice every provider shares (the first step).
  const steps = throttlingSteps(c.provider);
  return {
    id: 'throttled',
    title: `Throttled: ${lines.length} rate-limit line(s)${retries ? `, ${retries} 'retrying operation'` : ''}; ${after}`,
    ...cite(lines),
    fix: ok ? [...steps, 'The sync recovered: this is informational unless it slows the sync down noticeably.'] : steps,
  };
};

const paginationDataMissing: LogDetector = (c) => {
  const lines = matching(c, MISSING_PAGINATION_TEXT);
  if (lines.length === 0) return undefined;
  return {
    id: 'pagination-data-missing',
    title: "Pagination data missing: an answer decoded but had no paging data, and the SDK's uhttp refused it rather than end the listing",
    ...cite(lines, 3),
    fix: [
      "Compare the answer with the provider's paging: the cursor or next link may sit under another field name, or the connector asks an endpoint version that pages differently.",
      "HasPaginationData() says whether the answer carries the provider's paging fields at all: the last page has them with an empty cursor, so a check that wants a non-empty cursor fails every listing's last page.",
    ],
  };
};

const provisionerMissing: LogDetector = (c) => {
  const lines = matching(c, /does not have provisioner configured/);
  if (lines.length === 0) return undefined;
  return {
    id: 'provisioner-missing',
    title: 'Provisioner missing: a grant/revoke targeted a resource type without grant and revoke',
    ...cite(lines, 3),
    fix: [
      'Implement both Grant and Revoke on the resource syncer of that type (the SDK requires both to route provisioning to it).',
      'Or do not request provisioning for that entitlement if the connector is read-only for it.',
    ],
  };
};

export const syncDetectors: LogDetector[] = [
  pageTokenUnchangedDetector,
  paginationCycleDetector,
  paginationDataMissing,
  throttled,
  provisionerMissing,
];
