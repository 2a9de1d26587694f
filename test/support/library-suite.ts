/**
 * One Vitest test per scenario file in `scenarios/library/<provider>/`: the regression suite. Run folders go
 * to a temp folder; a failure message lists the unmet expectations and the doctor's findings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { loadScenarios } from '../../harness/scenario/load.js';
import { expectMet, runScenario } from '../../harness/testing.js';
import { repoRoot } from './paths.js';

export async function librarySuite(provider: string): Promise<void> {
  const scenarios = await loadScenarios([join(repoRoot, 'scenarios/library', provider)]);
  const runsDir = mkdtempSync(join(tmpdir(), `library-${provider}-`));
  afterAll(() => rmSync(runsDir, { recursive: true, force: true }));
  describe(`the ${provider} scenario library`, () => {
    for (const scenario of scenarios) {
      it(`${scenario.name}: ${scenario.description ?? 'meets its expectations'}`, async () => {
        expectMet(await runScenario(scenario, { runsDir }));
      });
    }
  });
}
