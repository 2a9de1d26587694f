/**
 * A customer's Baton log as a reproduction plan: the log doctor names the symptoms (its findings, with
 * the lines that show them), the log's own facts size the tenant and parameterise the faults, and the
 * provider is the one the log's hosts, error codes and connector name point at (or `--provider`).
 */
import { readFileSync } from 'node:fs';
import { checkInputFile } from '../../lib/fs/input-file.js';
import { basename } from 'node:path';
import { guessProvider } from '../doctor/log/context.js';
import { clipAround } from '../doctor/evidence-clip.js';
import { diagnoseLog } from '../doctor/log/index.js';
import { lineEvidence, parseLog, type ParsedLine } from '../doctor/log/parse.js';
import { fileError } from '../../lib/errors.js';
import { logFacts } from './log-facts.js';
import type { PlanInput } from './plan.js';
import { redact } from './render.js';
import { DAEMON_FINDINGS, REPRO_PROVIDERS, type ReproProvider } from './symptom-list.js';

export interface LogReport {
  file: string;
  /** `--provider`, which wins over the guess. */
  provider?: ReproProvider;
  name: string;
}

export function readLogReport(file: string): string {
  checkInputFile(file, { flag: '--log', what: 'log file' });
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw fileError(
      file,
      `cannot read the log: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code}`,
      "give the connector's debug log file (its --log-path, or its saved stderr)",
      error,
    );
  }
  if (content.trim() === '')
    throw fileError(file, 'the log is empty', 'rerun the connector with --log-level debug and save its stderr (or --log-path) to a file');
  return content;
}

export function planInputFromLog(report: LogReport, content: string): PlanInput {
  const { file } = report;
  const lines = parseLog(content);
  const diagnosis = diagnoseLog(content);
  const findings = diagnosis.findings.map((f) => ({ id: f.id, lines: linesOf(f.evidence) }));
  // What each cited line matched, so the header's shortened line keeps it in view.
  const matched = new Map(
    diagnosis.findings.flatMap((f) => linesOf(f.evidence).map((n, i) => [n, f.matched?.[i] ?? null] as const)).filter(([, m]) => m),
  );
  const daemon = findings.filter((f) => DAEMON_FINDINGS[f.id]);
  const symptoms = findings.filter((f) => !DAEMON_FINDINGS[f.id]);
  if (symptoms.length === 0) {
    if (daemon.length) {
      throw fileError(
        file,
        `nothing of the provider to reproduce: ${daemon.map((d) => `${d.id} (line ${d.lines.join(', ')}): ${DAEMON_FINDINGS[d.id]}`).join('; ')}`,
        'fix it as `npx sync-harness doctor --log` says; a scenario simulates the provider, not ConductorOne',
      );
    }
    throw fileError(
      file,
      `nothing recognisable to reproduce: the log doctor finds no failure in its ${diagnosis.lines} line(s) (${diagnosis.format} format)`,
      "give the failing sync's debug log (--log-level debug), or name the symptom: --provider entra --symptom expired-secret",
    );
  }
  const provider = report.provider ?? diagnosis.provider;
  if (!provider || !(REPRO_PROVIDERS as readonly string[]).includes(provider)) {
    throw fileError(
      file,
      `cannot tell which provider the log is from (no host, error code or connector name of ${REPRO_PROVIDERS.join(', ')} in it)`,
      'give --provider',
    );
  }
  const facts = logFacts(lines);
  const cited = new Set([
    ...symptoms.flatMap((s) => s.lines),
    ...(facts.failure ? [facts.failure.n] : []),
    ...(facts.refusal ? [facts.refusal.line] : []),
  ]);
  const evidence = lines.filter((l) => cited.has(l.n)).map((l) => clipAround(redact(lineEvidence(l)), matched.get(l.n)));
  return {
    name: report.name,
    provider,
    source: basename(file),
    origin: [
      `From the log ${basename(file)} (${diagnosis.lines} lines, ${diagnosis.format} format).`,
      `Provider: ${provider}${providerHow(lines, provider, report.provider, diagnosis.provider)}.`,
    ],
    symptoms,
    recipeInput: { facts },
    sizes: { counts: facts.counts },
    evidence,
    skipped: daemon.map((d) => ({ id: d.id, why: DAEMON_FINDINGS[d.id]! })),
    report: { ...(facts.outcome ? { outcome: facts.outcome.value } : {}), ...(facts.failure ? { error: facts.failure.text } : {}) },
  };
}

/** `line 12: ...` evidence strings to their line numbers. */
function linesOf(evidence: readonly string[]): number[] {
  return evidence
    .map((e) => /^line (\d+):/.exec(e)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
}

/** Which lines gave the provider away: the connector's name, a host, or an error code. */
function providerHow(lines: readonly ParsedLine[], provider: ReproProvider, given: ReproProvider | undefined, guessed: string | undefined): string {
  if (given) return given === guessed || !guessed ? ' (given with --provider)' : ` (given with --provider; the log looks like ${guessed})`;
  const tell = (l: ParsedLine) =>
    l.logger && /baton-/.test(l.logger)
      ? `connector ${l.logger}`
      : (/https?:\/\/([^/\s"\\]+)/.exec(l.text)?.[1] ??
        /AADSTS\d+|[A-Z][A-Za-z]+(Exception|TokenId)|\b[a-z]+_[a-z_]+\b/.exec(l.text)?.[0] ??
        'its text');
  // One line per kind of clue: the connector's name once, then a host or an error code.
  const clues = new Map<string, number>();
  for (const l of lines) {
    if (clues.size === 2) break;
    if (guessProvider([l]) !== provider) continue;
    const clue = tell(l);
    if (!clues.has(clue)) clues.set(clue, l.n);
  }
  return ` (guessed from ${[...clues].map(([clue, n]) => `line ${n}: ${clue}`).join(', ')})`;
}
