/** What rendering needs besides the object: the seed (ids) and the org URL (`_links`). */
export interface RenderScope {
  seed: number;
  /** `https://<org>.okta.com`, or where the simulator is served; no trailing slash. */
  orgUrl: string;
  /** Apps in the tenant, for the APP_GROUPs' source app. */
  apps: number;
}

/** Okta's date format: ISO 8601 with milliseconds and `Z` [D CORE]. */
export function oktaDate(iso: string, plusSeconds = 0): string {
  return new Date(Date.parse(iso) + plusSeconds * 1000).toISOString();
}
