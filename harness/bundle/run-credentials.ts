/**
 * The secrets a run handed its connector, found again without the run having stored them: the
 * simulators derive every credential from the tenant's seed, so a one-user tenant of the same seed
 * issues the same ones. The bundle is then scanned for them before it is written. Google's service-account
 * key is the exception: it is generated fresh for every simulator, so it cannot be found again; for it the
 * scrubbing of whole private-key blocks is the guard, and the bundle says so.
 */
import { existsSync } from 'node:fs';
import { loadScenario } from '../scenario/load.js';
import { createSimEnv } from '../run/sim-env.js';
import { secretsOfRun, type Secret } from '../record/index.js';

export async function runSecrets(scenarioFile: string): Promise<{ secrets: Secret[]; note?: string }> {
  if (!existsSync(scenarioFile)) return { secrets: [], note: `the scenario ${scenarioFile} is not here, so only credential-shaped text was removed` };
  const scenario = await loadScenario(scenarioFile);
  const env = await createSimEnv({
    provider: scenario.provider,
    shape: { ...scenario.tenant, users: 1, groups: 1 },
    faults: [],
    settings: { ...(scenario.permissions ? { permissions: scenario.permissions } : {}) },
    serving: 'in-process',
  });
  try {
    const all = secretsOfRun(env.credentials);
    const secrets = all.filter((s) => !/PRIVATE KEY/.test(s.value));
    // A private key (Google's service account key) is made fresh for each run, so the run's own cannot be scanned for.
    const note =
      secrets.length < all.length
        ? 'the service account key is made fresh for each run and cannot be scanned for; private-key blocks were removed whole'
        : undefined;
    return { secrets, ...(note ? { note } : {}) };
  } finally {
    await env.close();
  }
}
