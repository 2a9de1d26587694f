/**
 * How the SDK's syncer ends a sync early, in its own words (baton-sdk pkg/sync/syncer.go): the
 * warning-ratio exit (`ErrTooManyWarnings`, after more than 10 skipped actions making up more than 10% of
 * the completed ones, each skip a NotFound the syncer logs as "skipping sync ... action") and the run
 * duration running out (`l.Info("sync run duration has expired, exiting sync early")`, returned as
 * `ErrSyncNotComplete`). Both keep the sync file, and the next run resumes it.
 */
import type { Finding } from '../../../reports/evidence.js';
import { cite, matching, type LogDetector } from './context.js';

/** pkg/sync/syncer.go: `ErrTooManyWarnings = fmt.Errorf("too many warnings, exiting sync")`. */
const TOO_MANY_WARNINGS_TEXT = /too many warnings, exiting sync/;
/** pkg/sync/syncer.go: `l.Warn("skipping sync grant action")` and its entitlement and static entitlement twins. */
const SKIPPED_ACTION_TEXT = /skipping sync (?:grant|entitlement|static entitlements) action/;
/** pkg/sync/syncer.go: the run-duration exit's info line, and `ErrSyncNotComplete`'s text. */
const RUN_EXPIRED_TEXT = /sync run duration has expired, exiting sync early|sync exited without finishing/;

const tooManyWarnings: LogDetector = (c): Finding | undefined => {
  const exits = matching(c, TOO_MANY_WARNINGS_TEXT);
  if (exits.length === 0) return undefined;
  const skipped = matching(c, SKIPPED_ACTION_TEXT);
  // The error carries the count the ratio was taken over: "... completed actions: 57".
  const completed = /completed actions: (\d+)/.exec(exits[0]!.text)?.[1];
  const ratio = completed ? ` of ${completed} completed action(s)` : '';
  const count = skipped.length ? `${skipped.length} skipped action(s)` : 'more than 10 skipped actions';
  return {
    id: 'too-many-warnings',
    title: `Too many warnings: the SDK stopped the sync after ${count}${ratio} (its limit: over 10, and over 10%)`,
    ...cite([...exits, ...skipped], 4),
    fix: [
      'Each skipped action is a NotFound the connector returned for a grant or entitlement listing: an object it listed could not be read back by its id.',
      'Check the ids the connector passes to its detail and membership calls (the same form the listing gave, not a name or another attribute), and that it answers NotFound only for objects deleted since they were listed.',
      'The sync file is kept: rerun the connector with the same file and the SDK resumes it, but the same skips will stop it again.',
    ],
  };
};

const runExpired: LogDetector = (c): Finding | undefined => {
  const lines = matching(c, RUN_EXPIRED_TEXT);
  if (lines.length === 0) return undefined;
  return {
    id: 'sync-unfinished',
    title: 'Sync unfinished: the run duration expired before the sync finished',
    ...cite(lines, 3),
    fix: [
      'Nothing is lost: the sync file holds a checkpoint, and the next run with the same file resumes from it.',
      'If every run ends this way, the sync outgrows the run duration it is given: give it more, or find what slows it (throttling, one request per item) in the same log.',
    ],
  };
};

export const syncExitDetectors: LogDetector[] = [tooManyWarnings, runExpired];
