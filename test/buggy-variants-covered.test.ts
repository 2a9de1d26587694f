/**
 * Every buggy variant of a reference connector has a library scenario that runs it and expects the finding
 * that catches it (the library suite proves the scenario passes), and every clean control expects none.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../connectors/builtin.js';
import { loadScenarios } from '../harness/scenario/load.js';
import { PROVIDER_NAMES } from '../mocks/providers.js';
import { repoRoot } from './support/paths.js';

const scenarios = await loadScenarios([join(repoRoot, 'scenarios/library')]);

describe('the buggy variants', () => {
  it.each(PROVIDER_NAMES)('%s: each variant is caught by a scenario expecting a finding or a loss', async (provider) => {
    const module = (await loadBuiltin(provider))!;
    for (const variant of module.variants) {
      const catching = scenarios.filter((s) => s.connectors.some((c) => c.kind === 'builtin' && c.provider === provider && c.variant === variant));
      expect(catching, `no scenario runs builtin:${provider}:${variant}`).not.toHaveLength(0);
      for (const s of catching) expect(s.expect.findings?.length || s.expect.complete === false, `${s.name} expects no finding`).toBeTruthy();
    }
  });

  it('every control runs a clean connector and expects it complete with no findings', () => {
    const controls = scenarios.filter((s) => /control/.test(s.name));
    expect(controls.length).toBeGreaterThanOrEqual(8);
    for (const s of controls) {
      // The reference connector, in process or as its own process (`sync-harness connector <provider>`), never a variant.
      const clean = (c: (typeof s.connectors)[number]) =>
        c.kind === 'builtin'
          ? c.variant === undefined
          : Array.isArray(c.command) && c.command[0] === 'sync-harness' && c.command[1] === 'connector' && !c.command.includes('--variant');
      expect(s.connectors.every(clean), s.name).toBe(true);
      expect([s.expect.complete, s.expect.findings], s.name).toEqual([true, []]);
    }
  });
});
