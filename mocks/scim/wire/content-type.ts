/**
 * RFC 7644 §8.1 media type. Every answer with a body carries it, errors included (reference G12): clients
 * that check it before parsing would otherwise treat a SCIM error as a transport failure.
 */
export const SCIM_JSON = 'application/scim+json; charset=utf-8';

export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': SCIM_JSON, ...headers } });
}
