/**
 * How Google Workspace calls read in a journal: plain REST, but signed in by domain-wide delegation, whose
 * token endpoint refuses (401 unauthorized_client) a client it holds no delegation for, or a scope the
 * delegation lacks. A connector asks one token per kind of data, so a refusal beside issued tokens is one
 * kind of data short.
 */
import type { JournalDialect } from '../core/journal-dialect.js';
import { ACCESS_SCOPES } from './scopes.js';

/** For each kind of directory data the granted scopes cannot read, its least-privileged scope. */
function unreadable(granted: readonly string[]): string[] {
  const have = new Set(granted);
  return Object.entries(ACCESS_SCOPES)
    .filter(([access, scopes]) => !access.startsWith('write') && !scopes.some((scope) => have.has(scope)))
    .map(([, scopes]) => scopes[0]!);
}

export const GOOGLE_JOURNAL: JournalDialect = {
  delegation: { unreadable },
};
