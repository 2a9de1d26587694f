/** Whether an authority's tenant segment names this tenant: its id or its primary domain, any case. */
import type { EntraApp } from '../credentials.js';

export function isOwnTenant(segment: string, app: EntraApp): boolean {
  const s = segment.toLowerCase();
  return s === app.tenantId.toLowerCase() || s === app.domain.toLowerCase();
}
