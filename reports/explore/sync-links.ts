/** Where each object of a sync view lives, under the view's base path ('' alone, '/sync' in a run, '/base' or '/compare' in a diff). */
export interface Ref {
  resourceTypeId: string;
  resourceId: string;
  displayName?: string;
}

export const syncPaths = (base: string) => ({
  home: base || '/',
  resources: `${base}/resources`,
  resource: (r: Ref) => `${base}/resource/${encodeURIComponent(r.resourceTypeId)}/${encodeURIComponent(r.resourceId)}`,
  entitlement: (id: string) => `${base}/entitlement/${encodeURIComponent(id)}`,
  grant: (id: string) => `${base}/grant/${encodeURIComponent(id)}`,
  resourceType: (id: string) => `${base}/resource-type/${encodeURIComponent(id)}`,
});

/** "Display Name (type:id)", or the bare reference when the sync has no such resource. */
export function refText(r: Ref): string {
  const ref = `${r.resourceTypeId}:${r.resourceId}`;
  return r.displayName ? `${r.displayName} (${ref})` : ref;
}
