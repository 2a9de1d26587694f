/**
 * `record --upstream` with `serve`'s credentials: those name the stand-in's loopback base URL, so the
 * connector would call 127.0.0.1 directly and never pass through the recording proxy. Every URL under the
 * stand-in's base is moved to the real host the same setting names when the simulator is served behind
 * the proxy (the provider's own credentials for real hosts), keeping the path; the proxy then forwards the
 * requests to the stand-in, which answers them as it would have on loopback.
 */
import { createContext } from '../../mocks/core/context.js';
import { loadProvider } from '../../mocks/serve/provider-registry.js';
import { createTenant } from '../../mocks/tenant/store.js';

export interface Rebased {
  credentials: Record<string, unknown>;
  /** The settings moved, as `key.path`, for the console to say. */
  moved: string[];
}

export async function onRealHosts(provider: string, credentials: Record<string, unknown>, upstream: string, scimHost?: string): Promise<Rebased> {
  const factory = await loadProvider(provider);
  if (!factory) return { credentials, moved: [] };
  // One user is enough for the provider to render its credentials; nothing is served from it.
  const ctx = createContext({ tenant: createTenant({ users: 1, groups: 0 }), seed: 1 });
  try {
    const real = (await factory(ctx, undefined, { scimHost })).credentials;
    const moved: string[] = [];
    const rebased = rebase(credentials, real, upstream.replace(/\/+$/, ''), '', moved) as Record<string, unknown>;
    return { credentials: rebased, moved };
  } finally {
    ctx.tenant.close();
  }
}

function rebase(value: unknown, real: unknown, base: string, path: string, moved: string[]): unknown {
  if (typeof value === 'string') {
    const rest = value.slice(base.length);
    if (!value.startsWith(base) || !/^([/?#]|$)/.test(rest) || typeof real !== 'string' || !URL.canParse(real)) return value;
    moved.push(path);
    return `${new URL(real).origin}${rest}`;
  }
  if (Array.isArray(value)) return value.map((item, i) => rebase(item, Array.isArray(real) ? real[i] : undefined, base, `${path}[${i}]`, moved));
  if (value && typeof value === 'object') {
    const twin = real && typeof real === 'object' ? (real as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, rebase(v, twin[key], base, path ? `${path}.${key}` : key, moved)]));
  }
  return value;
}
