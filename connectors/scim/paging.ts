/**
 * RFC 7644 §3.4.2.4 index paging. Nothing on the wire links pages: the client asks for `startIndex` and
 * `count` and works out the next `startIndex` itself. The engine's page token is that next index as text
 * ("" for the first page and when done), so a resumed sync picks up at the same index.
 */

/** Page size: what Entra and Okta ask for, and what providers commonly cap `count` at. */
export const PAGE_SIZE = 100;

export interface ListResponse<T> {
  totalResults?: number;
  startIndex?: number;
  itemsPerPage?: number;
  Resources?: T[];
}

/** The `startIndex` a page token stands for: 1 for the first page. */
export function startIndexOf(pageToken: string): number {
  if (pageToken === '') return 1;
  const index = Number(pageToken);
  if (!Number.isInteger(index) || index < 1) throw new Error(`scim connector: page token ${JSON.stringify(pageToken)} is not a startIndex`);
  return index;
}

/**
 * The token for the page after `page`, asked for at `asked`: "" when the page was empty or the next
 * index passes `totalResults`. The next index counts the resources actually returned, because a provider
 * may return fewer than `count` (it may cap it) and then the rest must still be asked for.
 */
export function nextPageToken(page: ListResponse<unknown>, asked: number): string {
  // A server that answers another index than asked (ignoring startIndex) did not move: hand back the same
  // token, so the engine's page guard stops the sync with its "next page token unchanged" text instead of
  // the client collecting page one over and over and calling that a sync.
  if (asked > 1 && typeof page.startIndex === 'number' && page.startIndex !== asked) return String(asked);
  const returned = page.Resources?.length ?? 0;
  if (returned === 0) return '';
  const next = asked + returned;
  return typeof page.totalResults === 'number' && next > page.totalResults ? '' : String(next);
}
