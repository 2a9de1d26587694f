/**
 * One suite every reference connector runs (as hono runs one router suite against every router): a healthy
 * sync writes exactly the connector's ground truth, throttling is retried with the provider's wait and
 * still writes it, and an expired credential fails the sync with the provider's own words, the file left
 * unfinished. Each provider's file gives its world and what its provider says, and keeps its own cases.
 */
import { describe, expect, it } from 'vitest';
import type { Connector } from '../../c1z/contract/connector.js';
import { ConnectorHttpError, type SyncError } from '../../c1z/contract/sync-errors.js';
import type { SimContext } from '../../mocks/core/context.js';
import type { TenantStore } from '../../mocks/tenant/model.js';
import { syncConnector } from './synced-connector.js';

/** A fresh simulator (served through the file's MSW server) and the connector a scenario builds for it. */
export interface ConnectorWorld {
  tenant: TenantStore;
  ctx: SimContext;
  connector: Connector;
  /** A credential that must never show in an error message. */
  secret?: string;
}

export interface ConnectorSuiteSubject {
  /** As the suite names it: `Entra`, `Google`, `AWS`, `SCIM`. */
  name: string;
  world(faults?: string[]): ConnectorWorld | Promise<ConnectorWorld>;
  groundTruth(tenant: TenantStore): { resources: string[]; grants: string[] };
  /** Resource ids are the provider's raw ids (RawId), as for Graph, Google and SCIM; AWS ids are ARNs. */
  idIsRawId: boolean;
  throttle: {
    fault: string;
    /** Every throttled answer's status (Graph and SCIM 429, Google 403, AWS 400). */
    status?: number;
    /** A throttled route that must be among them. */
    route?: RegExp;
    /** The wait the connector takes per throttled call: the server's Retry-After, or the engine's step. */
    sleepMs: number;
  };
  expiredSecret: { texts: string[]; status?: number; code: SyncError['code'] };
}

const sorted = (list: Iterable<string>) => [...list].sort();

export function describeConnectorSuite(subject: ConnectorSuiteSubject): void {
  describe(`the ${subject.name} connector (shared suite)`, () => {
    it('syncs a healthy tenant into exactly its ground truth, finished, without waiting', async () => {
      const world = await subject.world();
      const out = await syncConnector(world.connector);
      expect(out.result.outcome).toBe('succeeded');
      expect(out.syncs).toHaveLength(1);
      expect(out.syncs[0]?.endedAt).toBeDefined();
      expect(out.sleeps).toEqual([]);
      const truth = subject.groundTruth(world.tenant);
      expect(truth.grants.length).toBeGreaterThan(0);
      expect(sorted(out.resourceKeys)).toEqual(sorted(truth.resources));
      expect(sorted(out.grants.map((g) => g.id))).toEqual(sorted(truth.grants));
      if (subject.idIsRawId) for (const [key, raw] of out.rawIds) expect(key).toBe(`${key.split(':')[0]}:${raw}`);
    });

    it(`retries throttling (${subject.throttle.fault}) with the provider's wait and still writes the ground truth`, async () => {
      const world = await subject.world([subject.throttle.fault]);
      const out = await syncConnector(world.connector);
      expect(out.result.outcome).toBe('succeeded');
      expect(out.syncs[0]?.endedAt).toBeDefined();
      const throttled = world.ctx.journal.query({ fault: true });
      expect(throttled.length).toBeGreaterThan(0);
      const { status, route, sleepMs } = subject.throttle;
      if (status !== undefined) expect(throttled.every((e) => e.status === status)).toBe(true);
      if (route) expect(throttled.some((e) => route.test(e.route ?? ''))).toBe(true);
      expect(out.sleeps).toEqual(throttled.map(() => sleepMs));
      const truth = subject.groundTruth(world.tenant);
      expect(sorted(out.resourceKeys)).toEqual(sorted(truth.resources));
      expect(sorted(out.grants.map((g) => g.id))).toEqual(sorted(truth.grants));
    });

    it(`fails on an expired credential with the provider's words (${subject.expiredSecret.texts[0]}), the sync unfinished`, async () => {
      const world = await subject.world(['expired-secret']);
      const out = await syncConnector(world.connector);
      expect(out.result.outcome).toBe('failed');
      if (out.result.outcome !== 'failed') return;
      const { error } = out.result;
      expect(error).toBeInstanceOf(ConnectorHttpError);
      for (const text of subject.expiredSecret.texts) expect(error.message).toContain(text);
      if (subject.expiredSecret.status !== undefined) expect((error as ConnectorHttpError).status).toBe(subject.expiredSecret.status);
      expect((error as SyncError).code).toBe(subject.expiredSecret.code);
      if (world.secret) expect(error.message).not.toContain(world.secret);
      expect(out.syncs).toHaveLength(1);
      expect(out.syncs[0]?.endedAt).toBeUndefined();
      expect(out.sleeps).toEqual([]);
    });
  });
}
