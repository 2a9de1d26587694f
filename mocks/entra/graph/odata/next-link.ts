/**
 * `@odata.nextLink` and `@odata.context`, absolute on the base the simulator is served from. A next link
 * repeats every option of the request (clients fetch it verbatim, reference G5) with a new `$skiptoken`.
 */
export function nextLink(base: string, requestUrl: URL, skipToken: string): string {
  const parts: string[] = [];
  for (const [key, value] of requestUrl.searchParams) {
    if (key.toLowerCase() === '$skiptoken') continue;
    parts.push(`${key}=${encodeValue(value)}`);
  }
  parts.push(`$skiptoken=${encodeValue(skipToken)}`);
  return `${new URL(base).origin}${requestUrl.pathname}?${parts.join('&')}`;
}

/** `https://graph.microsoft.com/v1.0/$metadata#users(id,displayName)` */
export function contextUrl(base: string, version: string, fragment: string): string {
  return `${new URL(base).origin}/${version}/$metadata#${fragment}`;
}

/** Percent-encoding as Graph writes its links: `$`, `,` and quotes stay readable. */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%24/g, '$').replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}
