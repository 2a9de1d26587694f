/**
 * The reference connectors a scenario names as `builtin:<provider>[:<variant>]`. Each is built from the
 * credentials its simulator hands out (the `credentials` of `ServedProvider`, the same object `serve`
 * prints), so a builtin run and an external process get exactly the same configuration.
 */
import type { Connector } from '../c1z/contract/index.js';

export interface BuiltinOptions {
  fetch?: typeof fetch;
  /** The run's clock: token expiry, request signing and JWT `iat` read it, never the wall clock directly. */
  now?: () => Date;
  /** A buggy variant's name (`ignores-retry-after`...); absent for the clean connector. */
  variant?: string;
}

export interface BuiltinConnectorModule {
  provider: string;
  create(credentials: Record<string, unknown>, options: BuiltinOptions): Connector;
  /** Buggy variants this connector has, for `builtin:<provider>:<variant>`. */
  variants: readonly string[];
}

/** A provider name as the registry spells them; anything else is never turned into a module path. */
const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * A provider's reference connector is `connectors/<provider>/builtin.ts` by convention, so the provider
 * registry (mocks/providers.ts) stays the one list and this folder never imports it. Loaded on demand.
 */
export async function loadBuiltin(provider: string): Promise<BuiltinConnectorModule | undefined> {
  if (!NAME.test(provider)) return undefined;
  try {
    // Vite (vitest) would turn a template import into a glob of .js files, which do not exist in the .ts sources.
    const { builtin } = (await import(/* @vite-ignore */ `./${provider}/builtin.js`)) as { builtin?: BuiltinConnectorModule };
    return builtin?.provider === provider ? builtin : undefined;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(`/${provider}/builtin.`))
      return undefined;
    throw error;
  }
}
