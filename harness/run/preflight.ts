/**
 * What can be checked of a scenario before anything runs, beyond its schema: whether its connectors can be
 * served its faults, and the tenant objects it names (in `actions` and `expect.state`) looked up in its
 * seeded tenant. A problem is a mistake in the file, reported at its line and column, instead of a run that
 * stops halfway (or after the sync).
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { UserError } from '../../lib/errors.js';
import { formatPath, type Path } from '../scenario/issue-message.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { ConnectorSpec } from '../scenario/schema.js';
import { locate } from '../scenario/yaml-locate.js';
import { createTenant } from '../../mocks/tenant/store.js';
import { servingProblem } from './run-scenario.js';
import { resolveEntitlement, resolvePrincipal } from './tenant-refs.js';

interface NamedPair {
  path: Path;
  entitlement: string;
  principal: string;
}

/**
 * The first problem as `<file>:<line>:<col>: <field>: <problem>`; undefined when there is none. `connector`
 * replaces the scenario's own connectors (`run --connector`).
 */
export async function preflightProblem(scenario: LoadedScenario, connector?: ConnectorSpec): Promise<string | undefined> {
  const serving = servingProblem(scenario, connector ? [connector] : scenario.connectors);
  if (serving) return `${await whereIn(scenario.source.file, serving.path)}: ${serving.problem}`;
  return tenantRefProblem(scenario);
}

async function whereIn(file: string, path: Path): Promise<string> {
  const lines = new LineCounter();
  const doc = parseDocument(await readFile(file, 'utf8'), { lineCounter: lines }) as Document;
  const pos = locate(doc, lines, path);
  return `${file}:${pos.line}:${pos.col}: ${formatPath(path)}`;
}

/** The first name the tenant lacks; undefined when all resolve. */
async function tenantRefProblem(scenario: LoadedScenario): Promise<string | undefined> {
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
