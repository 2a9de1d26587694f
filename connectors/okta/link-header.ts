/**
 * Okta's cursor paging (REFERENCE.md §5): each page names the next one in a `Link` header, `rel="next"`,
 * as an absolute URL carrying the original query and an opaque `after` cursor; the last page has only
 * `rel="self"`. Clients follow the link as given and never build cursors, so the engine's page token is
 * that URL. Okta sends one `Link` line per relation; fetch joins repeated lines with ", ", so both forms
 * arrive here as one string.
 */

/** The `rel="next"` URL of a Link header, or undefined when there is none (the last page). */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  // `<url>; rel="next"` entries; URLs never hold `<` or `>`, so splitting on them is safe where commas are not.
  for (const m of header.matchAll(/<([^>]*)>([^<]*)/g)) {
    const params = m[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (rels.includes('next')) return m[1];
  }
  return undefined;
}

/**
 * The URL to fetch for a page token: the org's own URL for the first page, else the `next` link. A link on
 * another origin is refused rather than followed: the request carries the org's API token, and a page
 * that points it elsewhere would hand the token to whoever answers there.
 */
export function pageUrl(orgUrl: string, firstPath: string, pageToken: string): string {
  if (pageToken === '') return `${orgUrl}${firstPath}`;
  let url: URL;
  try {
    url = new URL(pageToken);
  } catch {
    throw new TypeError(`okta connector: page token ${JSON.stringify(pageToken.slice(0, 80))} is not an absolute next link`);
  }
  const org = new URL(orgUrl).origin;
  if (url.origin !== org) {
    throw new TypeError(`okta connector: the next link points at ${url.origin}, not the org ${org}; not sending the token there`);
  }
  return url.href;
}
