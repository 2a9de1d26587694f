/**
 * `doctor`: diagnoses what a customer sends. `--log` reads a connector's Baton log (JSON or console);
 * `-f` a sync file (where an unfinished sync stopped, what it reached, state findings); `--expect-ids`
 * with `-f` checks the ids someone relies on. Exit 0 healthy, 1 with findings, 2 on bad input.
 * Findings quote the customer's log lines, which can carry a token or a key: what is printed is scrubbed of
 * anything credential-shaped, as run reports are, so the output can be pasted into a ticket.
 */
import { readFileSync } from 'node:fs';
import { diagnoseFile, type FileDiagnosis } from '../../doctor/file/index.js';
import { stoppedAtLine } from '../../doctor/file/token.js';
import type { Finding } from '../../../reports/evidence.js';
import { clipEvidence } from '../../doctor/evidence-clip.js';
import { diagnoseLog, type LogDiagnosis } from '../../doctor/log/index.js';
import { UserError, fileError } from '../../../lib/errors.js';
import { checkInputFile } from '../../../lib/fs/input-file.js';
import { Scrubber } from '../../../lib/secrets/index.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import { writeTable } from '../../../lib/output/table.js';
import type { DoctorOptions } from '../command-options.js';

export async function run(options: DoctorOptions, _args: string[], io: CommandIO): Promise<number> {
  if (options.expectIds && !options.file) throw new UserError('doctor: --expect-ids compares against a sync (add -f FILE with the .c1z to check)');
  if (!options.log && !options.file)
    throw new UserError('doctor: nothing to diagnose (give --log FILE for a connector log, -f FILE for a .c1z sync file, or both)');
  const log = options.log ? diagnoseLogFile(options.log) : undefined;
  const file = options.file ? await diagnoseFile(options.file, options.expectIds) : undefined;
  const found = [...(log?.findings ?? []), ...(file?.findings ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const findings = new Scrubber([]).scrubDeep(found);
  if (options.outputFormat === 'json') await io.stdout.line(JSON.stringify(jsonReport(findings, log, file), null, 2));
  else await printConsole(io, options, findings, log, file);
  return findings.length > 0 ? 1 : 0;
}

/**
 * A file with no zap line (JSON or console) and nothing any detector knows is not a connector log: "healthy"
 * would be a false all-clear. Plain text that does match (a crash's saved stderr) is still diagnosed.
 */
function diagnoseLogFile(path: string): LogDiagnosis {
  const diagnosis = diagnoseLog(readLog(path));
  if (diagnosis.format === 'text' && diagnosis.findings.length === 0) {
    throw fileError(
      path,
      `no line was recognised as a Baton log (JSON or console format) in its ${diagnosis.lines} line(s)`,
      "give the connector's own log: its --log-path file, or its saved stderr",
    );
  }
  return diagnosis;
}

function readLog(path: string): string {
  checkInputFile(path, { flag: '--log', what: 'log file' });
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw fileError(
      path,
      `cannot read the log: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code}`,
      "give the connector's log file (its --log-path, or its saved stderr)",
      error,
    );
  }
  if (content.trim() === '')
    throw fileError(path, 'the log is empty', 'rerun the connector with --log-level debug and save its stderr (or --log-path) to a file');
  return content;
}

function jsonReport(findings: Finding[], log: LogDiagnosis | undefined, file: FileDiagnosis | undefined): Record<string, unknown> {
  return {
    findings: findings.map(({ id, title, evidence, fix }) => ({ id, title, evidence, fix })),
    ...(file?.stoppedAt ? { stoppedAt: file.stoppedAt } : {}),
    ...(file?.reached ? { reached: file.reached } : {}),
    ...(file?.expectIds ? { expectIds: file.expectIds } : {}),
    ...(log ? { log: { lines: log.lines, format: log.format, ...(log.provider ? { provider: log.provider } : {}) } } : {}),
    ...(file ? { sync: file.sync, ...(file.notes.length ? { notes: file.notes } : {}) } : {}),
  };
}

async function printConsole(
  io: CommandIO,
  options: DoctorOptions,
  findings: Finding[],
  log: LogDiagnosis | undefined,
  file: FileDiagnosis | undefined,
): Promise<void> {
  const out = io.stdout;
  if (log) await out.line(`Log: ${options.log} (${log.lines} lines, ${log.format} format${log.provider ? `, looks like ${log.provider}` : ''})`);
  if (file) {
    const s = file.sync;
    await out.line(
      `Sync: ${options.file} sync ${s.id} (${s.type}), started ${s.startedAt ?? '?'}, ${s.endedAt ? `ended ${s.endedAt}` : 'unfinished'}`,
    );
    if (!s.endedAt)
      await out.line(
        `Stopped at: ${file.stoppedAt ? `${stoppedAtLine(file.stoppedAt)}${file.stoppedAt.completedActions !== undefined ? ` (${file.stoppedAt.completedActions} actions done)` : ''}` : 'unknown (no readable sync token)'}`,
      );
    for (const note of file.notes) await out.line(`note: ${note}`);
    if (file.reached) {
      await out.line();
      await out.line('Reached:');
      const r = file.reached;
      const types = [...new Set([...Object.keys(r.resources), ...Object.keys(r.entitlements), ...Object.keys(r.grants)])].sort();
      await writeTable(
        out,
        ['Resource Type', 'Resources', 'Entitlements', 'Grants'],
        [
          ...types.map((t) => [t, String(r.resources[t] ?? 0), String(r.entitlements[t] ?? 0), String(r.grants[t] ?? 0)]),
          ['(total)', String(r.totals.resources), String(r.totals.entitlements), String(r.totals.grants)],
        ],
      );
    }
    if (file.expectIds) {
      const e = file.expectIds;
      await out.line();
      await out.line(
        `Expected ids: ${e.expected} expected, ${e.found} found, ${e.missing.length} missing, ${e.caseOnly.length} case-only, ${e.extra.length} extra of the same types`,
      );
      for (const id of e.missing.slice(0, 20)) await out.line(`  missing    ${id}`);
      for (const c of e.caseOnly.slice(0, 20)) await out.line(`  case-only  ${c.expected} (sync has ${c.found})`);
      for (const id of e.extra.slice(0, 10)) await out.line(`  extra      ${id}`);
      if (e.extra.length > 10) await out.line(`  ... and ${e.extra.length - 10} more extra (-o json lists them all)`);
    }
  }
  await out.line();
  if (findings.length === 0) {
    await out.line('Healthy: no findings.');
    return;
  }
  await out.line(`Findings (${findings.length}):`);
  for (const f of findings) {
    await out.line();
    await out.line(`[${f.id}] ${f.title}`);
    for (const e of clipEvidence(f)) await out.line(`  - ${e}`);
    await out.line('  Fix:');
    for (const [i, step] of f.fix.entries()) await out.line(`    ${i + 1}. ${step}`);
  }
}
