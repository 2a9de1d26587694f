/**
 * `connector <provider>`: a reference connector as its own process, the way a Baton connector binary
 * runs: configured from a credentials file (what `serve` prints), syncing into `--file`, logging JSON lines
 * on stderr, exit 1 when the sync fails. Real time and real waits: this is the external path.
 */
import { readFileSync } from 'node:fs';
import { checkInputFile } from '../../fs/input-file.js';
import { loadBuiltin } from '../../../connectors/builtin.js';
import { UserError } from '../../errors.js';
import { parseDuration } from '../../scenario/duration.js';
import { C1zWriter } from '../../c1z/writer/c1z-writer.js';
import { runSync } from '../../sync/engine.js';
import { createLogger, type LogFormat, type LogLevel } from '../output/logger.js';
import { progressBar } from '../output/progress.js';
import type { CommandIO } from '../output/sink.js';

interface ConnectorFlags {
  credentials: string;
  file: string;
  variant?: string;
  requestTimeout?: string;
  logLevel: LogLevel;
  logFormat: LogFormat;
}

export async function run(flags: ConnectorFlags, [provider]: string[], io: CommandIO): Promise<number> {
  const module = await loadBuiltin(provider!);
  if (!module) throw new UserError(`connector: no reference connector for ${JSON.stringify(provider)} (known: entra, google, aws, scim)`);
  if (flags.variant !== undefined && !module.variants.includes(flags.variant)) {
    throw new UserError(`connector: ${provider} has no variant ${JSON.stringify(flags.variant)} (known: ${module.variants.join(', ') || 'none'})`);
  }
  checkInputFile(flags.credentials, { flag: '--credentials', what: 'credentials file' });
  let credentials: Record<string, unknown>;
  try {
    credentials = JSON.parse(readFileSync(flags.credentials, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new UserError(`${flags.credentials}: cannot read the credentials (${(error as Error).message}; pass the JSON file \`serve\` or a scenario run wrote)`);
  }
  const timeoutMs = flags.requestTimeout === undefined ? undefined : parseDuration(flags.requestTimeout);
  if (flags.requestTimeout !== undefined && !timeoutMs) throw new UserError(`--request-timeout ${flags.requestTimeout}: expected a duration such as 30s or 500ms`);
  const log = createLogger(io.stderr, flags.logLevel, flags.logFormat);
  const connector = module.create(credentials, { ...(flags.variant ? { variant: flags.variant } : {}), ...(timeoutMs ? { fetch: timedFetch(timeoutMs) } : {}) });
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

/** Every request gives up after `ms`, as Go's `http.Client{Timeout}` does: the error is the client's own. */
function timedFetch(ms: number): typeof fetch {
  return (input, init) => fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms) });
}
