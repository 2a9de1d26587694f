/**
 * What every simulator shares within one run: the tenant it renders, the clock it judges token expiry by,
 * seeded ids, the journal, the fault rules and every credential the simulators minted.
 */
import type { TenantStore } from '../tenant/model.js';
import { FaultEngine } from '../faults/engine.js';
import type { FaultSpec } from '../faults/spec.js';
import { IdSource } from './ids.js';
import { IssuedSecrets } from './issued-secrets.js';
import { Journal } from './journal.js';

/** Injected so tests can move time for token expiry; defaults to the real clock (SDK signing reads it too). */
export type Clock = () => Date;

export interface SimContext {
  seed: number;
  tenant: TenantStore;
  clock: Clock;
  ids: IdSource;
  journal: Journal;
  faults: FaultEngine;
  /** Tokens and session secrets handed out during the run, for scrubbing whatever the run writes. */
  issued: IssuedSecrets;
}

export function createContext(options: { tenant: TenantStore; seed?: number; clock?: Clock; faults?: FaultSpec[] }): SimContext {
  const seed = options.seed ?? options.tenant.shape.seed;
  return {
    seed,
    tenant: options.tenant,
    clock: options.clock ?? (() => new Date()),
    ids: new IdSource(seed),
    journal: new Journal(),
    faults: new FaultEngine(options.faults ?? [], seed),
    issued: new IssuedSecrets(),
  };
}
