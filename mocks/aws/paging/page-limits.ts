/**
 * AWS's page size bounds (reference C1, C4), apart from the listing code so the paging dialect (which the
 * provider registry, and so `--help`, loads) does not load the simulator.
 */

/** IAM's `MaxItems`: 1 to 1000. */
export const MAX_MAX_ITEMS = 1000;

/** Identity Store's `MaxResults`: 1 to 100. */
export const MAX_RESULTS = 100;
