/**
 * Access to the real Go-SDK `.c1z` files in `../shared/c1z-samples/`. They are never copied into the repo.
 * Without them, suites that need them are skipped (vitest counts them as skipped), except under `CI=true`,
 * where a missing folder is a failure: CI always has `../shared` beside the clone.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');
export const samplesDir = process.env.SYNC_HARNESS_SAMPLES ?? resolve(repoRoot, '../shared/c1z-samples');
export const haveSamples = existsSync(samplesDir);

export const SAMPLE = {
  expanded: 'sync.36zfOAoWMxQdISbixanQCRBiX7E.expanded.c1z',
  unexpanded: 'sync.36zfOAoWMxQdISbixanQCRBiX7E.unexpanded.c1z',
  inProgress: 'sync-in-progress.c1z',
  pebble: 'sync.36zGvJw3uxU1QMJKU2yPVQ1hBOC.unexpanded.pebble.c1z',
} as const;

export function samplePath(name: string): string {
  return join(samplesDir, name);
}

/** `describe` for suites that read the real samples: skipped without them, failing under CI. */
export function describeWithSamples(name: string, body: () => void): void {
  if (haveSamples) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('has ../shared/c1z-samples beside the clone', () => {
        throw new Error(`${samplesDir} is missing: CI must check out ../shared beside the repo`);
      });
    });
  } else {
    describe.skip(`${name} (needs ${samplesDir})`, body);
  }
}
