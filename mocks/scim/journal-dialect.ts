/**
 * How SCIM calls read in a journal: plain REST, except that a group read for its members alone
 * (`attributes=members`) is that group's member listing (its grants), not a detail fetch beside a listing.
 */
import type { JournalDialect } from '../core/journal-dialect.js';

export const SCIM_JOURNAL: JournalDialect = {
  itemRead: (route, url) => (route === 'scim.groups.get' && /[?&]attributes=members(&|$)/.test(url) ? null : undefined),
};
