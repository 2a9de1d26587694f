/**
 * What a connector signs in with (REFERENCE §8): an SSWS API token (`00` + 40 characters, derived from
 * the seed so scenario files and recordings can name it) and an OAuth 2.0 service app (`0oa…` client id,
 * an RSA key pair generated per simulator whose public half is the app's registered key, and its `kid`).
 */
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { oktaId } from './ids.js';

/** What `serve --provider okta` prints and a connector is configured with. */
export interface OktaCredentials {
  orgUrl: string;
  /** `Authorization: SSWS <token>`. A secret. */
  token: string;
  /** The service app's client id (`iss` = `sub` of its client assertion). */
  clientId: string;
  /** PKCS#8 PEM of the service app's private key. A secret. */
  privateKey: string;
  /** The registered key's `kid`. */
  keyId: string;
  /** Scopes granted to the service app (space separated when a client wants a string). */
  scopes: readonly string[];
}

export interface ServiceApp {
  clientId: string;
  keyId: string;
  privateKeyPem: string;
  publicKey: KeyObject;
}

export function sswsToken(seed: number): string {
  return `00${createHash('sha256').update(`sync-harness:${seed}:okta:ssws`).digest('base64url').slice(0, 40)}`;
}

/** One per seed in a process, so a simulator rebuilt for the same run (`POST /__harness/reset`) keeps the key it printed. */
const apps = new Map<number, ServiceApp>();

export function serviceApp(seed: number): ServiceApp {
  let app = apps.get(seed);
  if (!app) {
    app = newServiceApp(seed);
    apps.set(seed, app);
  }
  return app;
}

function newServiceApp(seed: number): ServiceApp {
  // Generated, not derived from the seed: RSA keys cannot be cheaply made deterministic, and nothing
  // outside the process should be able to sign for the app. ~50-150 ms per process and seed.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return {
    clientId: oktaId(seed, 'client', 1),
    keyId: createHash('sha256').update(`sync-harness:${seed}:okta:kid`).digest('base64url').slice(0, 43),
    privateKeyPem: privateKey,
    publicKey: createPublicKey(publicKey),
  };
}
