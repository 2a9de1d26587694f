/**
 * A connector synced through the engine into a throwaway .c1z, read back as decoded records: what the
 * connector tests compare with the tenant and with the module's ground truth. Built on the engine tests'
 * `readSyncedRun`, so both kinds of test run the engine the same way (stepping clock, recording sleeper).
 */
import { unpackAnnotation } from '../../c1z/proto/annotation.js';
import { GrantExpandableSchema, RawIdSchema } from '../../c1z/proto/connector-annotations.js';
import { UserStatus, UserTraitSchema } from '../../c1z/proto/connector-traits.js';
import type { Entitlement, Resource } from '../../c1z/proto/connector.js';
import { Records } from '../../c1z/records.js';
import type { SyncRun } from '../../c1z/types.js';
import type { Connector } from '../../c1z/contract/connector.js';
import type { SyncResult } from '../../harness/sync/engine.js';
import type { ProgressEvent, SyncLogEvent } from '../../harness/sync/progress.js';
import { readSyncedRun, type SyncFileOptions } from '../../harness/sync/test-kit.test-support.js';
import { grantSummary } from '../../harness/run/sync-contents.js';

export interface SyncedUser {
  login: string;
  email: string;
  enabled: boolean;
}

export interface SyncedGrant {
  id: string;
  entitlementId: string;
  principalType: string;
  principalId: string;
  /** GrantExpandable's entitlement ids; empty when the grant is not expandable. */
  expandsTo: string[];
}

export interface SyncedConnector {
  result: SyncResult;
  /** Every wait the engine asked for, in ms. */
  sleeps: number[];
  logs: SyncLogEvent[];
  progress: ProgressEvent[];
  syncs: SyncRun[];
  resources: Resource[];
  /** `<type>:<id>` of every resource, in file order. */
  resourceKeys: string[];
  /** RawId by `<type>:<id>`; undefined for a resource without one. */
  rawIds: Map<string, string | undefined>;
  /** Resources of type `user` by id, with their trait's login, first email and status. */
  users: Map<string, SyncedUser>;
  /** Resources of type `group` by id. */
  groups: Map<string, Resource>;
  entitlements: Map<string, Entitlement>;
  grants: SyncedGrant[];
}

const keyOf = (r: Resource) => `${r.id?.resourceType}:${r.id?.resource}`;

/** Seed, clock and any engine option (sleep, maxAttempts...) may be overridden; the writer may not. */
export function syncConnector(connector: Connector, options: SyncFileOptions = {}): Promise<SyncedConnector> {
  return readSyncedRun(connector, { seed: 'connector-test', ...options }, ({ result, sleeps, logs, progress, path, file, scope }) => {
    const records = new Records(path, file.rows(), scope);
    const resources = [...file.rows().resources(scope)].map((row) => records.resource(row));
    const ofType = (type: string) => resources.filter((r) => r.id?.resourceType === type);
    const users = ofType('user').map((r): [string, SyncedUser] => {
      const trait = unpackAnnotation(r.annotations, UserTraitSchema);
      return [
        r.id!.resource,
        { login: trait?.login ?? '', email: trait?.emails[0]?.address ?? '', enabled: trait?.status?.status === UserStatus.ENABLED },
      ];
    });
    const grants = [...file.rows().grants(scope)].map((row): SyncedGrant => {
      const grant = records.grant(row);
      return { ...grantSummary(grant), expandsTo: unpackAnnotation(grant.annotations, GrantExpandableSchema)?.entitlementIds ?? [] };
    });
    return {
      result,
      sleeps,
      logs,
      progress,
      syncs: file.syncs(),
      resources,
      resourceKeys: resources.map(keyOf),
      rawIds: new Map(resources.map((r) => [keyOf(r), unpackAnnotation(r.annotations, RawIdSchema)?.id])),
      users: new Map(users),
      groups: new Map(ofType('group').map((r) => [r.id!.resource, r])),
      entitlements: new Map([...file.rows().entitlements(scope)].map((row) => records.entitlement(row)).map((e) => [e.id, e])),
      grants,
    };
  });
}
