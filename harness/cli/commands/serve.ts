/**
 * `serve`: host simulated providers on a loopback port for connectors in any language. Prints exactly one
 * JSON line on stdout when ready (base URL and credentials), then serves until SIGINT or SIGTERM, or until
 * the process that started it is gone, when it flushes the journal and exits 0. The previous journal at the
 * same path is kept as journal.1.jsonl.
 */
import { UserError } from '../../../lib/errors.js';
import { parentGone } from '../parent-watch.js';
import { proxyPreloadOptions } from '../../external/preload-path.js';
import { isServingFault, parseFaultSpec } from '../../../mocks/faults/spec.js';
import { providerNames } from '../../../mocks/serve/provider-registry.js';
import { serveProviders } from '../../serve/serve-providers.js';
import { resolveShape } from '../../../mocks/tenant/shape.js';
import { createTenant, openTenant } from '../../../mocks/tenant/store.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import type { ServeOptions } from '../command-options.js';

export async function run(flags: ServeOptions, _args: string[], io: CommandIO): Promise<number> {
  if (flags.provider && flags.replay)
    throw new UserError('serve: give --provider NAMES to simulate, or --replay FILE to serve a recording, not both');
  // The proxy answers for every provider's hosts at once unless told otherwise; a port serves one or a few.
  if (!flags.provider && !flags.replay && !flags.proxy)
    throw new UserError(`serve: give --provider NAMES to simulate (${providerNames().join(', ')}), or --replay FILE to serve a recording`);
  const providers = flags.replay
    ? []
    : (flags.provider ?? providerNames().join(','))
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
  const seed = whole('--seed', flags.seed);
  const users = flags.users === undefined ? undefined : whole('--users', flags.users);
  const groups = flags.groups === undefined ? undefined : whole('--groups', flags.groups);
  const port = flags.port === undefined ? undefined : whole('--port', flags.port);
  // 0 asks the system for a free port, as leaving --port out does.
  if (port !== undefined && port > 65535)
    throw new UserError(`--port ${flags.port}: not a TCP port (expected 0-65535; 0 or no --port picks a free one)`);
  if (flags.tenant && (users !== undefined || groups !== undefined)) throw new UserError('serve: give --tenant FILE or --users/--groups, not both');
  if (flags.tls && flags.proxy) throw new UserError('serve: give --tls or --proxy, not both (the proxy serves HTTPS already)');
  const faults = flags.fault.map((f) => parseFaultSpec(f));
  const serving = faults.find(isServingFault);
  if (serving)
    throw new UserError(
      `--fault ${serving.text}: applies to scenario runs of external connectors, not to serve (to see an untrusted certificate, run serve --tls and leave out the CA)`,
    );
  // Checked here, before anything is built or printed: an oversized tenant must be refused, not started.
  const shape = flags.tenant
    ? undefined
    : resolveShape({ seed, users, groups }, { label: (field) => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` });
  const tenant = () => (shape ? createTenant(shape) : openTenant(flags.tenant!));
  const mode = flags.proxy ? 'proxy' : flags.tls ? 'tls' : 'http';
  const served = await serveProviders({
    providers,
    tenant,
    seed,
    faults,
    port,
    journalPath: flags.journal,
    writeBack: flags.writeBack,
    mode,
    tlsDir: flags.tlsDir,
    scimHost: flags.scimHost,
    replay: flags.replay,
    onJournalError: (message) => void io.stderr.line(message),
  });
  // Listening for the stop before saying ready: a client may stop serve as soon as it reads the line.
  const parent = parentGone();
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
    void parent.gone.then(() => resolve('its parent process exiting'));
  });
  await io.stdout.line(JSON.stringify(served.ready));
  // The preload by absolute URL: the package is private, so `--import=sync-harness/proxy` resolves only inside the clone.
  const proxyEnv = () =>
    `HTTPS_PROXY=${served.address} SSL_CERT_FILE=${String(served.ready.caCert)}; Node programs also NODE_OPTIONS='${proxyPreloadOptions()}'`;
  const how = mode === 'proxy' ? `as an HTTPS proxy at ${served.address} (${proxyEnv()})` : `on ${served.address}`;
  const kept = served.previousJournal ? `, the previous one kept as ${served.previousJournal}` : '';
  await io.stderr.line(
    `serving ${flags.replay ? `the recording ${flags.replay}` : providers.join(', ')} ${how} (journal: ${flags.journal}${kept}; Ctrl-C or SIGTERM to stop)`,
  );
  const reason = await stopped;
  parent.stop();
  await served.stop();
  await io.stderr.line(`stopped on ${reason}; journal written to ${flags.journal}`);
  return 0;
}

function whole(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`${flag} ${value}: expected a whole number of 0 or more`);
  return n;
}
