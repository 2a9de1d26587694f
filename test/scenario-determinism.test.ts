/**
 * Same scenario, same seed: the same requests in the same order, the same sync file byte for byte, the same
 * findings. Wall-clock values (how long a request took, how long the run took, heap sizes) are the only
 * things left out. Two connectors sharing a throttled quota are the hardest case: their requests interleave.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../harness/scenario/load.js';
import { runScenario } from '../harness/testing.js';
import { repoRoot } from './support/paths.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function runOnce(file: string) {
  const runsDir = mkdtempSync(join(tmpdir(), 'determinism-'));
  dirs.push(runsDir);
  const result = await runScenario(await loadScenario(join(repoRoot, 'scenarios/library', file)), { runsDir });
  const journal = readFileSync(join(result.runDir, 'journal.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const { latencyMs: _, ...rest } = JSON.parse(line) as Record<string, unknown>;
      return rest;
    });
  const files = result.connectors.map((c) =>
    createHash('sha256')
      .update(readFileSync(join(result.runDir, c.syncFile!)))
      .digest('hex'),
  );
  const { durationMs: _d, runDir: _r, peakMemoryMb: _p, ...comparable } = result;
  return { journal, files, comparable };
}

describe('a scenario run twice with the same seed', () => {
  it.each(['entra/throttled.yaml', 'entra/shared-quota.yaml', 'entra/expired-secret.yaml'])(
    '%s: same requests in order, same file bytes, same findings',
    async (file) => {
      const first = await runOnce(file);
      const second = await runOnce(file);
      expect(first.journal.length).toBeGreaterThan(5);
      expect(second.journal).toEqual(first.journal);
      expect(second.files).toEqual(first.files);
      expect(second.comparable).toEqual(first.comparable);
    },
  );
});
