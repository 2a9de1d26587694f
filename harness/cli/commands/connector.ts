/**
 * `connector <provider>`: a reference connector as its own process, the way a Baton connector binary
 * runs: configured from a credentials file (what `serve` prints), syncing into `--file`, logging JSON lines
 * on stderr, exit 1 when the sync fails. Real time and real waits: this is the external path.
 */
import { PROVIDER_NAMES } from '../../../mocks/providers.js';
import { loadBuiltin, type BuiltinConnectorModule, type BuiltinOptions } from '../../../connectors/builtin.js';
import type { Connector } from '../../../c1z/contract/index.js';
import { fileError, UserError } from '../../../lib/errors.js';
import { readCredentialsFile } from '../../external/credentials-file.js';
import { parseDuration } from '../../scenario/duration.js';
import { C1zWriter } from '../../../c1z/index.js';
import { runSync } from '../../sync/engine.js';
import { createLogger } from '../output/logger.js';
import { progressBar } from '../output/progress.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import type { ConnectorOptions } from '../command-options.js';

export async function run(flags: ConnectorOptions, [provider]: string[], io: CommandIO): Promise<number> {
  const module = await loadBuiltin(provider!);
  if (!module) throw new UserError(`connector: no reference connector for ${JSON.stringify(provider)} (known: ${PROVIDER_NAMES.join(', ')})`);
  if (flags.variant !== undefined && !module.variants.includes(flags.variant)) {
    throw new UserError(`connector: ${provider} has no variant ${JSON.stringify(flags.variant)} (known: ${module.variants.join(', ') || 'none'})`);
  }
  const { credentials } = readCredentialsFile(flags.credentials, provider!);
  const timeoutMs = flags.requestTimeout === undefined ? undefined : parseDuration(flags.requestTimeout);
  if (flags.requestTimeout !== undefined && !timeoutMs)
    throw new UserError(`--request-timeout ${flags.requestTimeout}: expected a duration such as 30s or 500ms`);
  const log = createLogger(io.stderr, flags.logLevel, flags.logFormat);
  const connector = create(module, credentials, flags.credentials, {
    ...(flags.variant ? { variant: flags.variant } : {}),
    ...(timeoutMs ? { fetch: timedFetch(timeoutMs) } : {}),
  });
  log({ level: 'info', msg: 'sync starting', provider });
  const bar = progressBar(io.stderr);
  const result = await runSync(connector, {
    writer: new C1zWriter(flags.file),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    log: (event) => log({ ...event }),
    // A listing's total is unknown until it ends: shown as done of done.
    tick: (phase, done, total) => bar.update(done, total ?? done, phase),
  });
  bar.stop();
  if (result.outcome === 'failed') {
    log({ level: 'error', msg: 'sync failed', error: result.error.message });
    return 1;
  }
  log({ level: 'info', msg: 'sync finished', resources: result.counts.resources, grants: result.counts.grants });
  return 0;
}

/** The variant is checked above, so what `create` refuses is the credentials' shape: the user's to fix. */
function create(module: BuiltinConnectorModule, credentials: Record<string, unknown>, file: string, options: BuiltinOptions): Connector {
  try {
    return module.create(credentials, options);
  } catch (error) {
    throw fileError(`--credentials ${file}`, (error as Error).message, `pass the JSON line \`serve --provider ${module.provider}\` prints`, error);
  }
}

/** Every request gives up after `ms`, as Go's `http.Client{Timeout}` does: the error is the client's own. */
function timedFetch(ms: number): typeof fetch {
  return (input, init) =>
    fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms) });
}
