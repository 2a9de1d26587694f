/**
 * `record`: a connector's traffic with the real service (or a stand-in), sanitized into HAR and nock
 * fixtures anyone can replay (`serve --replay`), and checked by replaying it at once. Exit 0 when the
 * recording replays to the same sync, 1 when it does not, 2 for bad input.
 */
import { relative } from 'node:path';
import { UserError } from '../../../lib/errors.js';
import { recordConnector, type RecordOutcome } from '../../external/record-session.js';
import { formatDuration, parseDuration } from '../../scenario/duration.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import type { RecordOptions } from '../command-options.js';

export async function run(flags: RecordOptions, command: string[], io: CommandIO): Promise<number> {
  if (command.length === 0)
    throw new UserError('record: give the connector command after --, e.g. record --provider entra -- ./baton-microsoft-entra --file {output}');
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(flags.name))
    throw new UserError(`--name ${flags.name}: use letters, digits, dot, dash or underscore (it names the files)`);
  const timeoutMs = parseDuration(flags.timeout);
  if (timeoutMs === undefined) throw new UserError(`--timeout ${flags.timeout}: expected a duration such as 90s or 10m`);
  if (flags.upstream && !/^https?:\/\//.test(flags.upstream))
    throw new UserError(`--upstream ${flags.upstream}: expected a URL such as http://127.0.0.1:8080 (a serve base URL)`);
  const outDir = flags.out ?? `recordings/${flags.name}`;
  const outcome = await recordConnector({
    provider: flags.provider,
    command: command.length === 1 ? command[0]! : command,
    credentialsFile: flags.credentials,
    upstream: flags.upstream,
    outDir,
    name: flags.name,
    seed: flags.seed,
    region: flags.region,
    scimHost: flags.scimHost,
    timeoutMs,
    verify: flags.verify,
  });
  const failed = outcome.replay !== undefined && !outcome.replay.matches;
  if (flags.outputFormat === 'json') await io.stdout.line(JSON.stringify(summary(outcome), null, 2));
  else for (const line of describe(outcome, timeoutMs)) await io.stdout.line(line);
  return failed ? 1 : 0;
}

function summary(outcome: RecordOutcome) {
  const { replay } = outcome;
  return {
    exchanges: outcome.exchanges,
    hosts: outcome.hosts,
    connector: {
      outcome: outcome.connector.outcome,
      exitCode: outcome.connector.exitCode,
      ...(outcome.connector.error ? { error: outcome.connector.error } : {}),
    },
    problems: outcome.problems,
    files: outcome.files,
    ...(replay
      ? { replay: { outcome: replay.connector.outcome, matches: replay.matches, ...(replay.diff ? { totals: replay.diff.totals } : {}) } }
      : {}),
  };
}

function describe(outcome: RecordOutcome, timeoutMs: number): string[] {
  const here = (file: string) => {
    const near = relative(process.cwd(), file);
    return near && !near.startsWith('..') ? near : file;
  };
  const { connector, replay, files } = outcome;
  const lines = [
    `recorded ${outcome.exchanges} exchanges with ${outcome.hosts.join(', ')}`,
    `  connector: ${connector.outcome}${connector.error ? ` (${connector.error.split('\n')[0]})` : ''}`,
    `  fixtures (sanitized, shareable): ${here(files.har)}, ${here(files.nock)}`,
    `  private (real ids; keep local): ${[files.map, files.recordedSync]
      .filter(Boolean)
      .map((f) => here(f!))
      .join(', ')}`,
  ];
  for (const problem of outcome.problems) lines.push(`  not recorded: ${problem}`);
  if (!files.recordedSync) lines.push('  replay check skipped: the connector wrote no sync file to compare');
  else if (!replay) lines.push('  replay check skipped (--no-verify)');
  else if (replay.matches)
    lines.push('  replay: the connector syncs the same from the recording, once ids are mapped back (0 added, 0 removed, 0 changed)');
  else {
    const t = replay.diff?.totals;
    lines.push(
      t
        ? `  replay DIFFERS from the recorded sync: ${(['resources', 'entitlements', 'grants'] as const).map((k) => `${k} +${t[k].added} -${t[k].removed} ~${t[k].changed}`).join(', ')}`
        : `  replay failed: ${replay.connector.error?.split('\n')[0] ?? 'no sync file'} (timeout ${formatDuration(timeoutMs)})`,
    );
  }
  return lines;
}
