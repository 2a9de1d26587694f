/**
 * What the SDK's sync loop says about paging, rate limits and provisioning: the same texts the run
 * doctor reads from the engine's log (harness/sync/page-guard.ts: current and legacy SDK wording, plus
 * the harness's cycle check), found here in a customer's log.
 */
import type { Finding } from '../evidence.js';
import { CYCLE_TEXT, UNCHANGED_TOKEN_TEXT, pageTokenUnchanged, paginationCycle } from '../pagination-findings.js';
import { throttlingSteps } from '../provider-terms.js';
import { cite, matching, type LogContext, type LogDetector } from './context.js';

const THROTTLE = /retrying operation|Too Many Requests|status(?:_code)?["=: ]+429\b|HTTP\/[\d.]+ 429\b|\b429 Too Many|ThrottlingException|\bThrottling\b|TooManyRequests|rateLimitExceeded|Rate exceeded/i;

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
  const ok = recovered(c, lines.at(-1)!.n);
  // Without a provider, only the advice every provider shares (the first step).
  const steps = throttlingSteps(c.provider);
  return {
    id: 'throttled',
    title: `Throttled: ${lines.length} rate-limit line(s)${retries ? `, ${retries} 'retrying operation'` : ''}; ${ok ? 'the sync moved on afterwards' : 'no progress logged afterwards'}`,
    ...cite(lines),
    fix: ok ? [...steps, 'The sync recovered: this is informational unless it slows the sync down noticeably.'] : steps,
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

export const syncDetectors: LogDetector[] = [pageTokenUnchangedDetector, paginationCycleDetector, throttled, provisionerMissing];
