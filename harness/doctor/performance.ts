/**
 * Costs that grow with the tenant: one GET per listed item (N+1) and heap that a connector keeps per
 * user instead of streaming pages through.
 */
import type { ItemRead } from '../../mocks/core/journal-dialect.js';
import type { JournalEntry } from '../../mocks/core/journal.js';
import { isGroupType, isUserType, type Detector } from './context.js';
import { journalDialect } from './journal-dialect.js';
import { firstFew, requestLine } from './journal-facts.js';

/** Calls of one per-item route that make an N+1 pattern worth reporting. */
const N_PLUS_ONE_MIN_CALLS = 20;
/**
 * Retained heap growth per extra user above which a connector is holding its pages. A parsed Graph user
 * object alone costs V8 several hundred bytes; a streaming connector retains next to nothing per user.
 */
const RETAINED_BYTES_PER_USER = 200;

/** The listing a per-item route shadows, and the resource kind both serve, as the provider's dialect says. */
function itemRoute(e: JournalEntry): ItemRead | undefined {
  return (e.route && journalDialect(e.provider).itemRead(e.route, e.url)) || undefined;
}

const nPlusOneDetector: Detector = (c) => {
  const calls = new Map<string, JournalEntry[]>();
  for (const e of c.ev.journal) if (itemRoute(e)) calls.set(e.route!, [...(calls.get(e.route!) ?? []), e]);
  const lines: string[] = [];
  for (const [route, entries] of calls) {
    if (entries.length <= N_PLUS_ONE_MIN_CALLS) continue;
    const { list, kind } = itemRoute(entries[0]!)!;
    const fromPages = c.ev.journal.filter((e) => e.route === list).reduce((n, e) => n + (e.items ?? 0), 0);
    const inFile =
      c.ev.sync?.resources.filter((r) => (kind === 'user' ? isUserType(r.type) : kind === 'group' ? isGroupType(r.type) : false)).length ?? 0;
    const listed = Math.max(fromPages, inFile);
    if (listed === 0 || entries.length <= listed / 2) continue;
    lines.push(`${route}: ${entries.length} calls for ${listed} listed item(s) (${list})`, requestLine(entries[0]!));
  }
  if (lines.length === 0) return undefined;
  return {
    id: 'n-plus-one',
    title: `N+1 requests: ${lines.length / 2} per-item route(s) called once per listed item`,
    evidence: firstFew(lines, 4),
    fix: [
      'Ask the listing for the fields you need instead of fetching each item: Graph $select on /users and /groups, Google fields= / projection=full, SCIM attributes=.',
      'If details are only available per item, fetch them lazily (when a grant needs them) and cache by id.',
    ],
  };
};

const memoryGrowthDetector: Detector = (c) => {
  const samples = [...(c.ev.memory?.retained ?? [])].sort((a, b) => a.users - b.users);
  const small = samples[0];
  const large = samples.at(-1);
  if (!small || !large || large.users <= small.users) return undefined;
  const perUser = (large.bytes - small.bytes) / (large.users - small.users);
  if (perUser <= RETAINED_BYTES_PER_USER) return undefined;
  const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
  return {
    id: 'memory-growth',
    title: `Memory growth: about ${Math.round(perUser)} bytes retained per extra user after the sync`,
    evidence: [
      `${small.users} users: ${kib(small.bytes)} retained; ${large.users} users: ${kib(large.bytes)} retained`,
      `${Math.round(perUser)} B/user > ${RETAINED_BYTES_PER_USER} B/user threshold`,
      ...(c.ev.memory ? [`peak heap: ${kib(c.ev.memory.peakHeapBytes)}`] : []),
    ],
    fix: [
      'Do not keep parsed pages, response bodies or per-user objects after a page is emitted: hand each page to the engine and drop it.',
      'Caches keyed by id (for grant lookups) should hold ids, not whole objects, or be bounded.',
    ],
  };
};

export const performanceDetectors: Detector[] = [nPlusOneDetector, memoryGrowthDetector];
