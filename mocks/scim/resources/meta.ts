/**
 * `meta` (RFC 7643 §3.1): `location` absolute on the served root, so a client can follow it wherever the
 * simulator runs; `version` a weak entity tag that changes whenever `lastModified` does.
 */
import { createHash } from 'node:crypto';

export interface ResourceMeta {
  resourceType: string;
  created: string;
  lastModified: string;
  location: string;
  version: string;
}

export function resourceMeta(resourceType: string, location: string, created: string, lastModified = created): ResourceMeta {
  const tag = createHash('sha256').update(`${location}|${lastModified}`).digest('hex').slice(0, 16);
  return { resourceType, created, lastModified, location, version: `W/"${tag}"` };
}
