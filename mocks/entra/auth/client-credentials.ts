/**
 * Reads a client-credentials token request the way eSTS does: form fields, or the client id and secret in
 * HTTP Basic auth (RFC 6749 2.3.1: each part form-url-encoded). Fields it does not know (MSAL's
 * `x-client-*`, telemetry, `client-request-id`) are ignored, as the real endpoint ignores them.
 */
export interface TokenRequest {
  grantType?: string;
  clientId?: string;
  clientSecret?: string;
  clientAssertion?: string;
  scope?: string;
}

export async function readTokenRequest(request: Request): Promise<TokenRequest> {
  const form = new URLSearchParams(await request.text());
  const basic = basicCredentials(request.headers.get('authorization'));
  const field = (name: string) => form.get(name) ?? undefined;
  return {
    grantType: field('grant_type'),
    clientId: field('client_id') ?? basic?.clientId,
    clientSecret: field('client_secret') ?? basic?.clientSecret,
    clientAssertion: field('client_assertion'),
    scope: field('scope'),
  };
}

function basicCredentials(header: string | null): { clientId: string; clientSecret: string } | undefined {
  const match = header?.match(/^Basic\s+(\S+)$/i);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const part = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  return { clientId: part(decoded.slice(0, colon)), clientSecret: part(decoded.slice(colon + 1)) };
}
