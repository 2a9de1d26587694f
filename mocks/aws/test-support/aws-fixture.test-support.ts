/**
 * A simulator on an MSW server plus raw, hand-signed HTTP helpers, for tests that check wire details
 * (XML and JSON bodies, headers, status codes, signing edge cases) the SDKs hide. SDK clients for the
 * same simulator: sdk-clients.test-support.ts.
 */
import type { RequestHandler } from 'msw';
import { createContext, type Clock } from '../../core/context.js';
import { parseFaultSpec } from '../../faults/spec.js';
import type { TenantShape } from '../../tenant/model.js';
import { createTenant } from '../../tenant/store.js';
import { createAwsSimulator, type AwsSimulatorOptions } from '../simulator.js';
import { signRequest } from '../sigv4/signature.js';

export interface FixtureOptions {
  shape?: Partial<TenantShape>;
  faults?: string[];
  clock?: Clock;
  sim?: AwsSimulatorOptions;
  seed?: number;
}

export interface SigningOptions {
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** When the request is signed; default now (wall clock, as SDKs sign). */
  at?: Date;
  region?: string;
  /** The credential scope's service; default the target service's signing name. */
  scopeService?: string;
  headers?: Record<string, string>;
}

/** A clock the test moves: starts at the real now, `advance` shifts it, the wall clock never changes. */
export function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  const clock = (() => new Date(Date.now() + offset)) as Clock & { advance(ms: number): void };
  clock.advance = (ms) => {
    offset += ms;
  };
  return clock;
}

/** `server` is an MSW `setupServer()` (anything with `use`). */
export function awsFixture(server: { use(...handlers: RequestHandler[]): void }, options: FixtureOptions = {}) {
  const tenant = createTenant({ users: 30, groups: 6, ...options.shape });
  const ctx = createContext({ tenant, seed: options.seed ?? 5, clock: options.clock, faults: (options.faults ?? []).map((f) => parseFaultSpec(f)) });
  const sim = createAwsSimulator(ctx, options.sim);
  server.use(...sim.handlers);
  const own = { accessKeyId: sim.credentials.accessKeyId, secretAccessKey: sim.credentials.secretAccessKey };

  async function signedPost(url: string, service: string, body: string, headers: Record<string, string>, opts: SigningOptions): Promise<Response> {
    const signed = signRequest(
      { method: 'POST', url: new URL(url), headers: { ...headers, ...opts.headers }, body },
      opts.credentials ?? own,
      { region: opts.region ?? 'us-east-1', service: opts.scopeService ?? service },
      opts.at ?? new Date(),
    );
    return fetch(url, { method: 'POST', headers: signed, body });
  }

  /** A Query API call to IAM or STS: `Action` and `Version` are filled in. */
  async function query(service: 'iam' | 'sts', action: string, params: Record<string, string> = {}, opts: SigningOptions = {}): Promise<Response> {
    const version = service === 'iam' ? '2010-05-08' : '2011-06-15';
    const body = new URLSearchParams({ Action: action, Version: version, ...params }).toString();
    const base = service === 'iam' ? sim.bases.iam : sim.bases.sts;
    return signedPost(`${base}/`, service, body, { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, opts);
  }

  /** An Identity Store call; `IdentityStoreId` is filled in unless given. */
  async function identityStore(operation: string, body: Record<string, unknown> = {}, opts: SigningOptions = {}): Promise<Response> {
    const json = JSON.stringify({ IdentityStoreId: sim.credentials.identityStoreId, ...body });
    return signedPost(
      `${sim.bases.identityStore}/`,
      'identitystore',
      json,
      { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSIdentityStore.${operation}` },
      opts,
    );
  }

  return { ctx, sim, tenant, query, identityStore, signedPost };
}

/** The text of every `<tag>` in an XML document, in order. */
export function xmlValues(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);
}

/** The text of the first `<tag>`. */
export function xmlValue(xml: string, tag: string): string | undefined {
  return xmlValues(xml, tag)[0];
}
