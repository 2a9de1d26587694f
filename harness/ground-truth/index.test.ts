import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../connectors/builtin.js';
import { PROVIDER_NAMES } from '../../mocks/providers.js';
import { loadGroundTruth } from './index.js';
import { groundTruth as scimGroundTruth } from './scim.js';

describe('loadGroundTruth', () => {
  it("finds the ground truth of every provider that has a reference connector, by the provider's name", async () => {
    for (const name of PROVIDER_NAMES) {
      if ((await loadBuiltin(name)) === undefined) continue;
      expect(typeof (await loadGroundTruth(name)), name).toBe('function');
    }
    expect(await loadGroundTruth('scim')).toBe(scimGroundTruth);
  });

  it('is undefined for a provider without one, and never turns a path into a module', async () => {
    expect(await loadGroundTruth('nosuch')).toBeUndefined();
    expect(await loadGroundTruth('../index')).toBeUndefined();
    expect(await loadGroundTruth('Model')).toBeUndefined();
  });
});
