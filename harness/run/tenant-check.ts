/**
 * The tenant objects a scenario names (in `actions` and `expect.state`) looked up in its seeded tenant
 * before anything runs: a name the tenant lacks is a mistake in the file, reported at its line and column,
 * instead of a run that stops after the sync.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { UserError } from '../errors.js';
import { formatPath, type Path } from '../scenario/issue-message.js';
import type { LoadedScenario } from '../scenario/load.js';
import { locate } from '../scenario/yaml-locate.js';
import { createTenant } from '../../mocks/tenant/store.js';
import { resolveEntitlement, resolvePrincipal } from './tenant-refs.js';

interface NamedPair {
  path: Path;
  entitlement: string;
  principal: string;
}

/** The first name the tenant lacks, as `<file>:<line>:<col>: <field>: <problem>`; undefined when all resolve. */
export async function tenantRefProblem(scenario: LoadedScenario): Promise<string | undefined> {
  const pairs: NamedPair[] = [
    ...scenario.actions.map((a, i) => ({ path: ['actions', i, a.op], entitlement: a.entitlement, principal: a.principal })),
    ...(scenario.expect.state?.granted ?? []).map((p, i) => ({ path: ['expect', 'state', 'granted', i], ...p })),
    ...(scenario.expect.state?.notGranted ?? []).map((p, i) => ({ path: ['expect', 'state', 'notGranted', i], ...p })),
  ];
  if (pairs.length === 0) return undefined;
  const file = scenario.source.file;
  const lines = new LineCounter();
  const doc = parseDocument(await readFile(file, 'utf8'), { lineCounter: lines }) as Document;
  const where = (path: Path) => {
    const pos = locate(doc, lines, path);
    return `${file}:${pos.line}:${pos.col}: ${formatPath(path)}`;
  };
  const tenant = createTenant(scenario.tenant);
  try {
    for (const pair of pairs) {
      try {
        resolveEntitlement(tenant, pair.entitlement, where([...pair.path, 'entitlement']));
        resolvePrincipal(tenant, pair.principal, where([...pair.path, 'principal']));
      } catch (error) {
        if (error instanceof UserError) return error.message;
        throw error;
      }
    }
    return undefined;
  } finally {
    tenant.close();
  }
}
