/**
 * Requests and retries over time: the journal bucketed by arrival time into at most {@link MAX_BUCKETS}
 * equal slices of a round width (1, 2 or 5 × 10ⁿ ms), so a reader can see when throttling began and
 * whether retries kept up. Retries come from the connector log, whose lines carry no time of their own:
 * each is placed at the failed request it retries (same method and path, in order).
 */
import type { JournalEntry } from '../mocks/core/journal.js';
import type { LogLine } from './evidence.js';

const MAX_BUCKETS = 30;

interface Bucket {
  /** ISO time the slice starts at (inclusive). */
  start: string;
  requests: number;
  /** 429 answers, or answers a throttle fault shaped. */
  throttled: number;
  /** Answers with status >= 400, or 0 (no answer: a network fault). A 429 is also an error. */
  errors: number;
  retries: number;
}

export interface Timeline {
  /** ISO time of the first request; undefined when the journal is empty. */
  first?: string;
  last?: string;
  bucketMs: number;
  buckets: Bucket[];
  totals: { requests: number; throttled: number; errors: number; retries: number };
  /** Retry lines no failed request matched (still counted in totals.retries). */
  unplacedRetries: number;
}

const RETRY_MSG = 'retrying operation';

function isThrottled(entry: Pick<JournalEntry, 'status' | 'fault'>): boolean {
  return entry.status === 429 || (entry.fault?.startsWith('throttle') ?? false);
}

export function isError(entry: Pick<JournalEntry, 'status'>): boolean {
  return entry.status >= 400 || entry.status === 0;
}

/** The smallest round width that fits the span into at most `max` slices. */
export function bucketWidth(spanMs: number, max = MAX_BUCKETS): number {
  for (let power = 1; ; power *= 10) {
    for (const step of [1, 2, 5]) {
      const width = step * power;
      if (Math.floor(spanMs / width) + 1 <= max) return width;
    }
  }
}

export function buildTimeline(journal: readonly JournalEntry[], log: readonly LogLine[], max = MAX_BUCKETS): Timeline {
  const retries = log.filter((l) => l.msg === RETRY_MSG);
  const times = journal.map((e) => Date.parse(e.at));
  const valid = times.filter(Number.isFinite);
  if (valid.length === 0) {
    return { bucketMs: 0, buckets: [], totals: { requests: 0, throttled: 0, errors: 0, retries: retries.length }, unplacedRetries: retries.length };
  }
  const start = Math.min(...valid);
  const end = Math.max(...valid);
  const bucketMs = bucketWidth(end - start, max);
  const count = Math.floor((end - start) / bucketMs) + 1;
  const buckets: Bucket[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(start + i * bucketMs).toISOString(),
    requests: 0,
    throttled: 0,
    errors: 0,
    retries: 0,
  }));
  // An entry with an unreadable time still counts, in the first slice, so bucket sums equal the journal.
  const slot = (i: number) => buckets[Number.isFinite(times[i]) ? Math.floor((times[i]! - start) / bucketMs) : 0]!;
  journal.forEach((entry, i) => {
    const b = slot(i);
    b.requests++;
    if (isThrottled(entry)) b.throttled++;
    if (isError(entry)) b.errors++;
  });
  const placed = placeRetries(journal, retries);
  let unplacedRetries = 0;
  for (const index of placed) {
    if (index === undefined) unplacedRetries++;
    else slot(index).retries++;
  }
  const totals = { requests: journal.length, throttled: 0, errors: 0, retries: retries.length };
  for (const b of buckets) {
    totals.throttled += b.throttled;
    totals.errors += b.errors;
  }
  return { first: new Date(start).toISOString(), last: new Date(end).toISOString(), bucketMs, buckets, totals, unplacedRetries };
}

/**
 * For each retry line, the journal index of the failed request it retries: the engine's error text starts
 * `METHOD /path: status`, and the request is the earliest unclaimed failure with that method, path and
 * status. Without such text, or when none matches (an external connector may log full URLs), the earliest
 * unclaimed failure of any kind.
 */
export function placeRetries(journal: readonly JournalEntry[], retries: readonly LogLine[]): (number | undefined)[] {
  const failures = journal.flatMap((e, i) => (isError(e) ? [i] : []));
  const claimed = new Set<number>();
  return retries.map((line) => {
    const target = parseRetried(line);
    const free = (i: number) => !claimed.has(i);
    const found = (target && failures.find((i) => free(i) && matches(journal[i]!, target))) ?? failures.find(free);
    if (found !== undefined) claimed.add(found);
    return found;
  });
}

interface Retried {
  method: string;
  path: string;
  status?: number;
}

function parseRetried(line: LogLine): Retried | undefined {
  const match = typeof line.error === 'string' ? /^([A-Z]+) (\/[^\s:?]*)(?:\?\S*)?: (\d{3})?/.exec(line.error) : null;
  if (!match) return undefined;
  return { method: match[1]!, path: match[2]!, ...(match[3] ? { status: Number(match[3]) } : {}) };
}

function matches(entry: JournalEntry, target: Retried): boolean {
  const path = entry.url.split('?')[0];
  return entry.method === target.method && path === target.path && (target.status === undefined || entry.status === target.status);
}
