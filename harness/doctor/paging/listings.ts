/**
 * The journal's list requests grouped into listings: one route, one parent object (the URL's path) and one
 * filter (every parameter that neither pages nor projects), in arrival order, each call read in its
 * provider's paging dialect: the token or offset it sent, the size it asked, and, when the provider
 * answered the page, how many items came back and whether the answer said there was more.
 */
import type { JournalEntry } from '../../../mocks/core/journal.js';
import { dialectFor, type PagingDialect } from '../../../mocks/core/paging/dialect.js';
import { PAGING_DIALECTS } from './dialects.js';

export interface ListCall {
  entry: JournalEntry;
  dialect: PagingDialect;
  /** The continuation sent (token schemes); undefined for a first page. */
  token?: string;
  /** The 1-based offset sent (offset schemes): 1 when none was given. */
  offset?: number;
  /** The page size asked for, when the request named one. */
  size?: number;
  /** The provider answered the page (the journal holds its paging facts). */
  answered: boolean;
  items: number;
  /** The continuation the answer handed out. */
  next?: string;
  /** Offset schemes: the answer's total. */
  total?: number;
}

export interface Listing {
  route: string;
  /** Route and what defines the listing, for evidence: `scim.users.list /scim/v2/Users filter=...`. */
  label: string;
  dialect: PagingDialect;
  calls: ListCall[];
}

/** Every listing of the run whose provider has a dialect for it, in order of first request. */
export function listingsOf(provider: string, journal: readonly JournalEntry[]): Listing[] {
  const dialects = PAGING_DIALECTS[provider] ?? [];
  const byKey = new Map<string, Listing>();
  for (const entry of journal) {
    if (!entry.route) continue;
    const dialect = dialectFor(dialects, entry.route);
    if (!dialect) continue;
    const params = requestParams(entry, dialect);
    // A body-carried request the provider did not answer left no parameters to place it by.
    if (!params) continue;
    const { call, identity } = readCall(entry, dialect, params);
    // Connectors sharing a run page their own listings.
    const key = `${entry.client ? `client ${entry.client}: ` : ''}${entry.route} ${identity}`;
    let listing = byKey.get(key);
    if (!listing) byKey.set(key, (listing = { route: entry.route, label: key, dialect, calls: [] }));
    listing.calls.push(call);
  }
  return [...byKey.values()];
}

/** Whether any list page of the journal carries paging facts (journals from before they were kept have none). */
export function hasPageFacts(journal: readonly JournalEntry[]): boolean {
  return journal.some((e) => e.page !== undefined);
}

function requestParams(entry: JournalEntry, dialect: PagingDialect): [string, string][] | undefined {
  if (dialect.params === 'body') return entry.page?.asked ? Object.entries(entry.page.asked) : undefined;
  const q = entry.url.indexOf('?');
  return q < 0 ? [] : [...new URLSearchParams(entry.url.slice(q + 1))];
}

function readCall(entry: JournalEntry, dialect: PagingDialect, params: [string, string][]): { call: ListCall; identity: string } {
  const value = (name: string | undefined) => (name === undefined ? undefined : params.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1]);
  const token = value(dialect.token);
  const offsetText = value(dialect.offset);
  const sizeText = value(dialect.size);
  const paging = new Set([dialect.token, dialect.offset, dialect.size].filter(Boolean).map((n) => n!.toLowerCase()));
  const identity = params
    .filter(([k]) => !paging.has(k.toLowerCase()) && !dialect.ignored?.test(k))
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('&');
  const path = dialect.params === 'query' ? entry.url.split('?')[0]! : '';
  const call: ListCall = {
    entry,
    dialect,
    ...(token ? { token } : {}),
    ...(dialect.offset ? { offset: Math.max(1, Number(offsetText ?? 1) || 1) } : {}),
    ...(sizeText !== undefined && /^\d+$/.test(sizeText) ? { size: Number(sizeText) } : {}),
    answered: entry.page !== undefined && entry.status >= 200 && entry.status < 300,
    items: entry.items ?? 0,
    ...(entry.page?.next !== undefined ? { next: entry.page.next } : {}),
    ...(entry.page?.total !== undefined ? { total: entry.page.total } : {}),
  };
  return { call, identity: `${path}${identity ? ` ${identity}` : ''}` };
}

/** Whether the answer said more followed: a continuation, or (offsets) a total beyond this page's last item. */
export function saidMore(call: ListCall): boolean {
  if (!call.answered) return false;
  if (call.next !== undefined) return true;
  // An empty page ends an offset listing whatever the total claims: there is nothing to advance by.
  return call.offset !== undefined && call.total !== undefined && call.items > 0 && call.offset + call.items - 1 < call.total;
}

/** `#12 GET /v1.0/users?$top=100 -> 200: 100 item(s), @odata.nextLink RFNwdAIAAQ…` : a request line and what its page said. */
export function pageLine(call: ListCall, requestLine: (e: JournalEntry) => string): string {
  const asked = call.entry.page?.asked;
  const body = asked
    ? ` {${Object.entries(asked)
        .map(([k, v]) => `${k}=${short(v)}`)
        .join(', ')}}`
    : '';
  if (!call.answered) return `${requestLine(call.entry)}${body}`;
  const more = call.next !== undefined ? `, ${call.dialect.more} ${short(call.next)}` : '';
  const total = call.total !== undefined ? `, totalResults ${call.total}` : '';
  return `${requestLine(call.entry)}${body}: ${call.items} item(s)${more}${total}`;
}

function short(text: string): string {
  return text.length > 24 ? `${text.slice(0, 12)}…${text.slice(-8)}` : text;
}
