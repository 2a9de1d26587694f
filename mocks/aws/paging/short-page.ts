/**
 * IAM's documented quirk (reference C1, API_ListUsers): "IAM might return fewer than the MaxItems number
 * of results even when there are more results available", i.e. IsTruncated=true on a short page. The
 * simulator does it on about a quarter of pages, seeded by the listing and the page's resume point, so a
 * given request always gets the same page and a connector that treats a short page as the last one
 * loses data every run.
 */
import { createHash } from 'node:crypto';

const SHARE = 0.25;

/** The page size to serve for a request asking for `limit` at resume point `after` of listing `scope`. */
export function shortPageLimit(seed: number, scope: string, after: number, limit: number): number {
  if (limit < 2) return limit;
  const digest = createHash('sha256').update(`sync-harness:${seed}:aws:short-page:${scope}:${after}:${limit}`).digest();
  if (digest.readUInt32BE(0) / 0x1_0000_0000 >= SHARE) return limit;
  return 1 + (digest.readUInt32BE(4) % (limit - 1));
}
