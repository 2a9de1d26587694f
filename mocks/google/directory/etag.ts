/**
 * ETags as the Directory API writes them: a quoted pair of base64url hashes. Derived from the seed and the
 * object's JSON, so an unchanged object keeps its ETag across requests and runs, and a changed one (a
 * group whose member count moved) gets a new one.
 */
import { createHash } from 'node:crypto';

export function etagOf(seed: number, value: unknown): string {
  const body = JSON.stringify(value);
  const a = createHash('sha256').update(`sync-harness:${seed}:google:etag`).digest('base64url').slice(0, 43);
  const b = createHash('sha1').update(body).digest('base64url');
  return `"${a}/${b}"`;
}
