/**
 * The paging audit: what the connector did with each listing's pages, from the journal alone (requests
 * and the provider's answers, in each provider's paging dialect), so it holds for a connector in any
 * language and never reads the engine's log.
 */
import { isGroupType, isUserType, type Detector, type DoctorContext } from '../context.js';
import { listingsOf, type Listing } from './listings.js';
import { offsetFindings } from './offsets.js';
import { pageRequestedAgain } from './repeated.js';
import { pageSizeOverCap } from './size-cap.js';
import { journalEnd, nextPageNotRequested } from './unfollowed.js';

export { hasPageFacts, listingsOf, saidMore } from './listings.js';
export type { ListCall, Listing } from './listings.js';
export { unfollowedPages } from './unfollowed.js';
export { repeatedPages } from './repeated.js';
export { offsetSteps } from './offsets.js';

const listings = new WeakMap<DoctorContext, Listing[]>();
const listingsIn = (c: DoctorContext): Listing[] => {
  let out = listings.get(c);
  if (!out) listings.set(c, (out = listingsOf(c.ev.provider, c.ev.journal)));
  return out;
};

/** A few of the listing's kind missing from the sync, to show what a gap cost. */
function missingExamples(c: DoctorContext): (listing: Listing) => string[] {
  return (listing) => {
    const kind = /users/i.test(listing.route) ? isUserType : /groups/i.test(listing.route) ? isGroupType : undefined;
    const missing = kind ? c.missingResources.filter((k) => kind(k.type)) : [];
    return missing.length
      ? [
          `${missing.length} missing from the sync, e.g. ${missing
            .slice(0, 3)
            .map((k) => `${k.type}:${k.id}`)
            .join(', ')}`,
        ]
      : [];
  };
}

export const pagingAuditDetectors: Detector[] = [
  (c) => nextPageNotRequested(listingsIn(c), journalEnd(c.ev.journal, c.ev.outcome === 'failed')),
  (c) => pageRequestedAgain(listingsIn(c)),
  (c) => offsetFindings(listingsIn(c), missingExamples(c)),
  (c) => pageSizeOverCap(listingsIn(c)),
];
