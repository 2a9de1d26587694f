/**
 * SigV4 signing with `@smithy/signature-v4` (the SDK's own signer) over node:crypto's SHA-256, so the
 * connector signs exactly as SDK v3 clients do without the SDK. The signing time is the injected clock's:
 * the simulator judges freshness (±5 min) by its own clock, and a run's clock may not be the wall clock.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Checksum, HttpRequest, SourceData } from '@smithy/types';

export interface AwsKey {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** SHA-256, or HMAC-SHA256 when given a secret: the `sha256` constructor the signer expects. */
class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;

  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }

  update(data: Uint8Array): void {
    this.hash.update(data);
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  reset(): void {
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(this.secret));
  }
}

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

export interface SignInput {
  url: URL;
  headers: Record<string, string>;
  body: string;
  /** The credential scope: IAM is signed for us-east-1 whatever the client's region (reference C1). */
  region: string;
  service: string;
  at: Date;
}

/** The headers to send: the given ones plus host, x-amz-date, x-amz-content-sha256 and authorization. */
export async function signedHeaders(key: AwsKey, input: SignInput): Promise<Record<string, string>> {
  const signer = new SignatureV4({ service: input.service, region: input.region, credentials: key, sha256: NodeSha256 });
  const request: HttpRequest = {
    method: 'POST',
    protocol: input.url.protocol,
    hostname: input.url.hostname,
    port: input.url.port ? Number(input.url.port) : undefined,
    path: input.url.pathname,
    query: Object.fromEntries(input.url.searchParams),
    // SigV4 requires `host` signed; fetch sends the same value from the URL.
    headers: { ...input.headers, host: input.url.host },
    body: input.body,
  };
  const signed = await signer.sign(request, { signingDate: input.at });
  const out: Record<string, string> = {};
  // fetch sets Host itself and refuses to be told it.
  for (const [name, value] of Object.entries(signed.headers)) if (name.toLowerCase() !== 'host') out[name] = value;
  return out;
}
