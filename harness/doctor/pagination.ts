/**
 * Paging bugs: the engine's page guard caught a token that did not move or came back around (its texts,
 * harness/sync/page-guard.ts, current and legacy SDK wording), or a listing stopped after its first page
 * while the tenant holds more of that type.
 */
import type { JournalEntry } from '../../mocks/core/journal.js';
import { isGroupType, isUserType, type Detector, type DoctorContext } from './context.js';
import { CYCLE_TEXT, UNCHANGED_TOKEN_TEXT, pageTokenUnchanged, paginationCycle } from './pagination-findings.js';
import { hasPageFacts } from './paging/index.js';
import { journalDialect } from './journal-dialect.js';
import { callKind, carriesPageToken, firstFew, ok, quote, requestLine } from './journal-facts.js';

function guardTexts(c: DoctorContext, pattern: RegExp): string[] {
  return [...new Set(c.texts.filter((t) => pattern.test(t)))].map((t) => quote(t, 300));
}

/** The listing requests right before the run stopped, to show the token that repeated. */
function lastListings(c: DoctorContext): string[] {
  return c.ev.journal
    .filter((e) => callKind(e) === 'read' && ok(e))
    .slice(-3)
    .map(requestLine);
}

const pageTokenUnchangedDetector: Detector = (c) => {
  const texts = guardTexts(c, UNCHANGED_TOKEN_TEXT);
  return texts.length === 0 ? undefined : pageTokenUnchanged([...texts.slice(0, 2), ...lastListings(c)]);
};

const paginationCycleDetector: Detector = (c) => {
  const texts = guardTexts(c, CYCLE_TEXT);
  return texts.length === 0 ? undefined : paginationCycle([...texts.slice(0, 2), ...lastListings(c)]);
};

/** Top-level listing routes (`<api>.users.list`, or an action `<service>.ListUsers`) and the resource type they fill. */
function listedKind(route: string): 'user' | 'group' | undefined {
  const action = route.slice(route.indexOf('.') + 1);
  const name = route.includes('.') && /^[A-Z]/.test(action) ? action : route;
  if (/members|Memberships|ForUser|ForGroup/i.test(name)) return undefined;
  if (/^\w+\.users\.list$|^ListUsers$/.test(name)) return 'user';
  if (/^\w+\.groups\.list$|^ListGroups$/.test(name)) return 'group';
  return undefined;
}

/** Page sizes when the request names none: Graph, Google, IAM and most SCIM servers return 100. */
const DEFAULT_PAGE_SIZE = 100;
const PAGE_SIZE_PARAM = /[?&](?:\$top|maxResults|count|MaxItems|MaxResults)=(\d+)/i;

/** A page holding as many items as were asked for, which is what a page with more behind it looks like. */
function cameBackFull(e: JournalEntry): boolean {
  if (e.items === undefined) return true;
  const asked = PAGE_SIZE_PARAM.exec(e.url)?.[1];
  return e.items >= (asked ? Number(asked) : DEFAULT_PAGE_SIZE);
}

const noPaginationDetector: Detector = (c) => {
  // A journal with the answers' paging facts gets the exact audit (./paging/) instead of this guess.
  if (hasPageFacts(c.ev.journal)) return undefined;
  const lines: string[] = [];
  const byRoute = new Map<string, JournalEntry[]>();
  // Failed calls count too: a page token the server refused (stale-token) was still followed.
  for (const e of c.ev.journal)
    if (e.route && callKind(e) === 'read' && listedKind(e.route)) byRoute.set(e.route, [...(byRoute.get(e.route) ?? []), e]);
  for (const [route, calls] of byRoute) {
    const kind = listedKind(route)!;
    const missing = c.missingResources.filter((k) => (kind === 'user' ? isUserType(k.type) : isGroupType(k.type)));
    if (missing.length === 0) continue;
    // A token in the body (AWS Marker / NextToken) is out of the journal's sight: one call is the tell.
    const paged = journalDialect(c.ev.provider).operationInBody ? calls.length > 1 : calls.some((e) => carriesPageToken(e.url));
    // A page that came back short was the whole listing: the items are missing for another reason.
    if (paged || !calls.some((e) => ok(e) && cameBackFull(e))) continue;
    lines.push(
      `${route}: ${calls.length} call(s), none with a page token; ${missing.length} ${kind}(s) missing, e.g. ${missing[0]!.type}:${missing[0]!.id}`,
      ...calls.slice(0, 2).map(requestLine),
    );
  }
  if (lines.length === 0) return undefined;
  return {
    id: 'no-pagination',
    title: 'No pagination: a listing read only its first page',
    evidence: firstFew(lines, 5),
    fix: [
      'Follow the next page: Graph @odata.nextLink ($skiptoken), Google nextPageToken (pageToken=), IAM Marker while IsTruncated, Identity Store NextToken, SCIM startIndex/count until totalResults.',
      'Return the token as the page token of the listing so the engine asks for the next page.',
    ],
  };
};

export const paginationDetectors: Detector[] = [pageTokenUnchangedDetector, paginationCycleDetector, noPaginationDetector];
