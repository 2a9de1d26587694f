import type { TenantStore } from '../../mocks/tenant/model.js';

/**
 * What the tenant exposes to a connector with the given grants, in the connector's own terms: resources as
 * `<type>:<id>` and grants by their ids, exactly as the connector writes them. A scenario's `complete`
 * compares a sync with this, so "why is an identity missing or duplicated?" gets an exact answer.
 */
export interface GroundTruth {
  resources: string[];
  grants: string[];
}

/** `permissions` is the scenario's granted set; undefined means the simulator's default (full read) set. */
export type GroundTruthOf = (tenant: TenantStore, permissions?: readonly string[]) => GroundTruth;
