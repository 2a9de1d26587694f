/**
 * `record`: run a connector, unmodified, through the proxy with the real service behind it (or a loopback
 * `serve` standing in), keep what it saw, sanitized, as HAR and nock fixtures, and prove the recording is
 * whole: the same connector replays against it, and its sync, with the identity mapping applied back, does
 * not differ from the recorded one. What identifies the customer (the mapping, the recorded sync) stays in
 * `private/`, mode 0700; the CA lives in a temp folder removed at the end.
 */
import { chmodSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { makeDirs } from '../../lib/fs/make-dirs.js';
import { join } from 'node:path';
import type { SimContext } from '../../mocks/core/context.js';
import { createAnswer } from '../../mocks/serve/answer.js';
import { UserError } from '../../lib/errors.js';
import { makeTempDir, removeTempDir } from '../../lib/fs/temp-files.js';
import { compareSyncs } from '../diff/compare.js';
import type { DiffReport } from '../../reports/diff/report.js';
import { openSides } from '../diff/sides.js';
import {
  mapConfiguration,
  recordingFetch,
  replayContext,
  replayHandlers,
  sanitizeExchanges,
  secretsOfRun,
  writeRecording,
  type Exchange,
  type IdentityMap,
  type RecordingFiles,
} from '../record/index.js';
import { unmapC1z } from '../record/unmap-c1z.js';
import { runExternal, type ExternalRun } from '../run/external-run.js';
import { credentialSecrets, Scrubber } from '../../lib/secrets/index.js';
import type { ExternalConnector } from '../scenario/schema.js';
import { createRunCa, type RunCa } from './ca.js';
import { forwardingAnswer, toUpstream } from './forward.js';
import { proxyEnvironment } from './proxy-env.js';
import { serveProxy } from './proxy.js';
import { readCredentialsFile } from './credentials-file.js';
import { onRealHosts } from './real-host-credentials.js';
import { realHosts, type HostOptions } from './real-hosts.js';

export interface RecordOptions extends HostOptions {
  provider: string;
  /** The connector's command: placeholders {output}, {proxyUrl}, {caFile}, {credentialsFile}, {credentials.KEY}. */
  command: string | string[];
  /** The connector's configuration (JSON): its secrets are never written; replay gets it with ids mapped. */
  credentialsFile?: string;
  /** A stand-in for the real service (a `serve` base URL); absent, requests go to the real hosts. */
  upstream?: string;
  outDir: string;
  name: string;
  /** Seeds the generated ids and names: the same seed maps the same id the same way. */
  seed: string;
  timeoutMs: number;
  verify: boolean;
}

export interface RecordOutcome {
  files: RecordingFiles & { recordedSync?: string };
  exchanges: number;
  hosts: string[];
  connector: ExternalRun;
  /** What the proxy refused or could not finish while recording: a host outside the provider's, a handshake the connector broke off. */
  problems: string[];
  /** Absent when not asked for, or when the recorded run wrote no sync file to compare. */
  replay?: { connector: ExternalRun; diff?: DiffReport; matches: boolean };
}

export async function recordConnector(options: RecordOptions): Promise<RecordOutcome> {
  const hosts = realHosts(options.provider, options);
  const given = options.credentialsFile ? readCredentialsFile(options.credentialsFile, options.provider) : undefined;
  // serve's ready line names its own base URL: that serve is the stand-in unless --upstream says otherwise.
  const upstream = options.upstream ?? given?.baseUrl;
  const rebased = given && upstream ? await onRealHosts(options.provider, given.credentials, upstream, options.scimHost) : undefined;
  const config = rebased?.credentials ?? given?.credentials;
  const privateDir = join(options.outDir, 'private');
  makeDirs(privateDir, { label: '--out', mode: 0o700 });
  chmodSync(privateDir, 0o700);
  const scratch = makeTempDir('sync-harness-record-');
  try {
    const ca = createRunCa(join(scratch, 'tls'));
    const raw: Exchange[] = [];
    const send = recordingFetch(upstream ? toUpstream(upstream) : fetch, raw);
    // The connector reads the settings it is given: the rebased ones, or those picked out of a ready line.
    const credentialsFile = config && (rebased?.moved.length || given?.baseUrl) ? join(scratch, 'credentials.json') : options.credentialsFile;
    if (credentialsFile && credentialsFile !== options.credentialsFile) writeFileSync(credentialsFile, JSON.stringify(config), { mode: 0o600 });
    const recordedSync = join(privateDir, `${options.name}.recorded.c1z`);
    rmSync(recordedSync, { force: true });
    // Forwarding answers nothing itself: this context only journals what the proxy refused.
    const proxyCtx = replayContext();
    const { run: connector, problems } = await throughProxy(ca, hosts, options, proxyCtx, forwardingAnswer(send, upstream), {
      output: recordedSync,
      config,
      credentialsFile,
    }).finally(() => proxyCtx.tenant.close());
    if (raw.length === 0) {
      const seen = problems.length ? `; the proxy saw: ${problems.slice(0, 2).join('; ')}` : '';
      throw new UserError(
        `record: the connector sent nothing through the proxy (${connector.error?.split('\n')[0] ?? 'it exited 0'}${seen}); check that it honours HTTPS_PROXY (Node programs get the preload) and that --provider ${options.provider} is the service it calls`,
      );
    }

    const secrets = secretsOfRun(config ?? {}, raw);
    const { exchanges, map } = sanitizeExchanges(raw, { seed: options.seed, secrets });
    const written = writeRecording(options.outDir, options.name, exchanges, map, secrets);
    // The mapping names the customer's real users: it goes with the recorded sync, not with the fixtures.
    const mapFile = join(privateDir, `${options.name}.identity-map.json`);
    renameSync(written.map, mapFile);
    const files = { ...written, map: mapFile, ...(existsSync(recordedSync) ? { recordedSync } : {}) };
    const outcome: RecordOutcome = { files, exchanges: exchanges.length, hosts, connector, problems };
    if (options.verify && files.recordedSync)
      outcome.replay = await verifyReplay(ca, hosts, options, exchanges, map, config, files.recordedSync, scratch);
    return outcome;
  } finally {
    removeTempDir(scratch);
  }
}

/** The connector again, against the sanitized recording, with its configuration's ids mapped the same way. */
async function verifyReplay(
  ca: RunCa,
  hosts: string[],
  options: RecordOptions,
  exchanges: readonly Exchange[],
  map: IdentityMap,
  config: Record<string, unknown> | undefined,
  recordedSync: string,
  scratch: string,
): Promise<NonNullable<RecordOutcome['replay']>> {
  const ctx = replayContext();
  const replay = replayHandlers(exchanges, { ctx });
  const mapped = config ? mapConfiguration(config, map) : undefined;
  const mappedFile = join(scratch, 'replay-credentials.json');
  if (mapped) writeFileSync(mappedFile, JSON.stringify(mapped), { mode: 0o600 });
  const replayed = join(scratch, 'replayed.c1z');
  const { run: connector } = await throughProxy(ca, hosts, options, ctx, createAnswer({ ctx, handlers: () => replay.handlers }), {
    output: replayed,
    config: mapped,
    credentialsFile: mapped ? mappedFile : undefined,
  }).finally(() => ctx.tenant.close());
  if (!existsSync(replayed)) return { connector, matches: false };
  const unmapped = join(scratch, 'replayed.unmapped.c1z');
  await unmapC1z(replayed, unmapped, map);
  const sides = await openSides({ files: [recordedSync, unmapped] });
  try {
    const diff = compareSyncs(sides, { dropThreshold: 10, rules: [] });
    const differs = Object.values(diff.totals).some((c) => c.added + c.removed + c.changed > 0);
    return { connector, diff, matches: !differs };
  } finally {
    sides.close();
  }
}

async function throughProxy(
  ca: RunCa,
  hosts: string[],
  options: RecordOptions,
  ctx: SimContext,
  answer: ReturnType<typeof createAnswer>,
  run: { output: string; config?: Record<string, unknown>; credentialsFile?: string },
): Promise<{ run: ExternalRun; problems: string[] }> {
  const proxy = await serveProxy({ ca, ctx, hosts: new Map(hosts.map((h) => [h, options.provider])), answer });
  try {
    const values: Record<string, string> = {
      output: run.output,
      proxyUrl: proxy.proxyUrl,
      caFile: ca.certPath,
      credentialsFile: run.credentialsFile ?? '',
      provider: options.provider,
    };
    for (const [key, value] of Object.entries(run.config ?? {}))
      values[`credentials.${key}`] = typeof value === 'string' ? value : JSON.stringify(value);
    const spec: ExternalConnector = { kind: 'external', command: options.command, env: {}, mode: 'proxy' };
    const result = await runExternal(spec, values, {
      scenarioDir: process.cwd(),
      timeoutMs: options.timeoutMs,
      scrubber: () => new Scrubber([...credentialSecrets(run.config ?? {}), ...ctx.issued.all()]),
      env: proxyEnvironment(proxy.proxyUrl, ca.certPath),
    });
    return { run: result, problems: [...new Set(ctx.journal.all().flatMap((e) => (e.transportError ? [e.transportError] : [])))] };
  } finally {
    await proxy.close();
  }
}
