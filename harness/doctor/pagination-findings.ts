/**
 * The page guard's findings, shared by the run doctor (engine log and journal) and the log doctor (a
 * customer's Baton log): the texts that show them (harness/sync/page-guard.ts: the SDK's current and
 * legacy wording, plus the harness's cycle check) and what to do about each.
 */
import type { Finding } from '../../reports/evidence.js';

export const UNCHANGED_TOKEN_TEXT =
  /next page token unchanged|next page token is the same as the current page token|page token is the same as the next page token/;
export const CYCLE_TEXT = /pagination cycle detected/;

export function pageTokenUnchanged(evidence: string[]): Finding {
  return {
    id: 'page-token-unchanged',
    title: 'Page token unchanged: a listing handed back the token it was called with',
    evidence,
    fix: [
      "Return the server's next link / token from the response just read, not the one the request carried.",
      'Stop when the answer has no next link (@odata.nextLink, nextPageToken, IsTruncated=false / no Marker, NextToken absent, startIndex+itemsPerPage > totalResults).',
    ],
  };
}

export function paginationCycle(evidence: string[]): Finding {
  return {
    id: 'pagination-cycle',
    title: 'Pagination cycle: a listing returned a page token it had already returned',
    evidence,
    fix: [
      'Carry the exact next token the last page gave; do not rebuild tokens from offsets or cached pages.',
      'If the service itself cycles, stop and report it rather than follow the loop (the SDK only checks the token against the current one).',
    ],
  };
}
