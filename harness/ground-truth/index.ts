/**
 * A provider's ground truth: what its simulator exposes of a tenant, written as its reference connector writes
 * ids. It reads the simulator's permission model and the connector's id shapes, so it lives here, above both,
 * instead of in the connector (a real connector knows nothing of the simulator) or the simulator (which must
 * not import a connector). `harness/ground-truth/<provider>.ts` by convention, like connectors/builtin.ts.
 */
import type { GroundTruthOf } from './model.js';

export type { GroundTruth, GroundTruthOf } from './model.js';

/** A provider name as the registry spells them; anything else is never turned into a module path. */
const NAME = /^[a-z][a-z0-9-]*$/;

export async function loadGroundTruth(provider: string): Promise<GroundTruthOf | undefined> {
  if (!NAME.test(provider)) return undefined;
  try {
    // Vite (vitest) would turn a template import into a glob of .js files, which do not exist in the .ts sources.
    const { groundTruth } = (await import(/* @vite-ignore */ `./${provider}.js`)) as { groundTruth?: GroundTruthOf };
    return groundTruth;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(`/${provider}.`)) return undefined;
    throw error;
  }
}
