/**
 * The service account a connector signs in as and the Workspace customer it reads: names and ids derived
 * from the run's seed (scenario files can name them), and an RSA key generated for each simulator, so a
 * key from another run, or any other key, fails signature validation the way a deleted key does.
 */
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SimContext } from '../core/context.js';

/** Google's service-account key file (`type: service_account`), as the Cloud console downloads it. */
export interface ServiceAccountKey {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  /** PKCS#8 PEM. A secret: handed to the connector, never journaled. */
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
  auth_provider_x509_cert_url: string;
  client_x509_cert_url: string;
  universe_domain: string;
}

/** What a connector is configured with (baton-google-workspace: --customer-id, --administrator-email, --domain, credentials JSON). */
export interface GoogleCredentials {
  customerId: string;
  adminEmail: string;
  domain: string;
  serviceAccountKey: ServiceAccountKey;
}

/** What the simulator knows about the account beyond the key file. */
export interface GoogleAccount {
  customerId: string;
  domain: string;
  projectId: string;
  clientEmail: string;
  /** The OAuth client id of the service account: what domain-wide delegation is configured for. */
  clientId: string;
  key: ServiceAccountKey;
  publicKey: KeyObject;
}

export function googleAccount(ctx: SimContext, tokenUri: string): GoogleAccount {
  const projectId = `sync-harness-${alphanumerics(ctx.seed, 'google:project', 6)}`;
  const clientEmail = `directory-sync@${projectId}.iam.gserviceaccount.com`;
  const clientId = `1${digits(ctx.seed, 'google:client-id', 20)}`;
  // Generated, not derived from the seed: RSA keys cannot be cheaply made deterministic, and nothing
  // outside the run should be able to sign for it. ~50-150 ms per simulator.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const key: ServiceAccountKey = {
    type: 'service_account',
    project_id: projectId,
    private_key_id: hash(ctx.seed, 'google:private-key-id').toString('hex').slice(0, 40),
    private_key: privateKey,
    client_email: clientEmail,
    client_id: clientId,
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: tokenUri,
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(clientEmail)}`,
    universe_domain: 'googleapis.com',
  };
  return {
    customerId: `C0${alphanumerics(ctx.seed, 'google:customer-id', 7)}`,
    domain: ctx.tenant.shape.domain,
    projectId,
    clientEmail,
    clientId,
    key,
    publicKey: createPublicKey(publicKey),
  };
}

function hash(seed: number, name: string): Buffer {
  return createHash('sha256').update(`sync-harness:${seed}:${name}`).digest();
}

/** Lower-case letters and digits, as in customer ids (`C03az79cb`) and project id suffixes. */
function alphanumerics(seed: number, name: string, length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...hash(seed, name).subarray(0, length)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Decimal digits, for Google's numeric ids. */
export function digits(seed: number, name: string, length: number): string {
  let out = '';
  for (let round = 0; out.length < length; round++)
    out += BigInt(`0x${hash(seed, `${name}:${round}`).toString('hex')}`)
      .toString()
      .slice(1, 40);
  return out.slice(0, length);
}
