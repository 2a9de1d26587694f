/**
 * Parsing `Authorization: AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=<hex>`. A header missing parts is reported with the parts it
 * lacks, the way AWS's IncompleteSignature message lists them.
 */
import { ALGORITHM, type CredentialScope } from './signature.js';

export interface ParsedAuthorization {
  accessKeyId: string;
  scope: CredentialScope;
  /** Must be `aws4_request`. */
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

export type AuthorizationParse =
  | { ok: true; value: ParsedAuthorization }
  | { ok: false; reason: 'algorithm' | 'incomplete'; missing: string[]; detail?: string };

export function parseAuthorization(header: string): AuthorizationParse {
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== ALGORITHM) return { ok: false, reason: 'algorithm', missing: [], detail: algorithm };
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((k) => !fields.get(k));
  if (missing.length) return { ok: false, reason: 'incomplete', missing };
  const credential = fields.get('Credential')!.split('/');
  if (credential.length !== 5 || credential.some((c) => !c)) {
    return { ok: false, reason: 'incomplete', missing: [], detail: `Credential=${fields.get('Credential')}` };
  }
  const [accessKeyId, date, region, service, terminator] = credential as [string, string, string, string, string];
  return {
    ok: true,
    value: {
      accessKeyId,
      scope: { date, region, service },
      terminator,
      signedHeaders: fields
        .get('SignedHeaders')!
        .split(';')
        .map((h) => h.trim().toLowerCase()),
      signature: fields.get('Signature')!.toLowerCase(),
    },
  };
}
