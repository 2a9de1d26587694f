/**
 * The scrubber of one run: the credentials the simulators handed out and every token they issued so far,
 * in every form, plus anything credential-shaped. One per simulated world, rebuilt only when a new token
 * was issued, so the log lines, the connector's output, the journal, the result and the console report
 * are all scrubbed of the same secrets.
 */
import { credentialSecrets, Scrubber } from '../../lib/secrets/index.js';
import type { SimEnv } from './sim-env.js';

const byEnv = new WeakMap<SimEnv, { scrubber: Scrubber; issued: number }>();

export function runScrubber(env: SimEnv): Scrubber {
  const issued = env.ctx.issued.size;
  const known = byEnv.get(env);
  if (known && known.issued === issued) return known.scrubber;
  const scrubber = new Scrubber([...credentialSecrets(env.credentials), ...env.ctx.issued.all()]);
  byEnv.set(env, { scrubber, issued });
  return scrubber;
}
