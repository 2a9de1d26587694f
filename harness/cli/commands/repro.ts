/**
 * `repro`: turns a customer report into a scenario under scenarios/customers/, runs it once and says
 * whether it reproduces the report. Exit 0 reproduced, 1 not, 2 bad input.
 */
import { isAbsolute, relative } from 'node:path';
import { repro, type ReproOutcome } from '../../repro/repro.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import type { ReproFlags } from '../command-options.js';

export async function run(flags: ReproFlags, _args: string[], io: CommandIO): Promise<number> {
  const outcome = await repro(flags);
  if (flags.outputFormat === 'json') await io.stdout.line(JSON.stringify(jsonResult(outcome), null, 2));
  else await printConsole(io, outcome);
  return outcome.comparison.match ? 0 : 1;
}

function jsonResult({ file, plan, result, comparison }: ReproOutcome): Record<string, unknown> {
  return {
    match: comparison.match,
    scenario: {
      file,
      name: plan.name,
      provider: plan.provider,
      tenant: plan.tenant,
      faults: plan.faults,
      ...(plan.permissions ? { permissions: plan.permissions } : {}),
      connector: plan.connector,
    },
    report: plan.report,
    run: {
      outcome: result.outcome,
      error: result.error ?? null,
      errorClass: comparison.errorClass.run,
      findings: comparison.findings.run,
      met: result.met,
      unmet: result.unmet,
      runDir: result.runDir,
    },
    errorClass: comparison.errorClass,
    outcome: comparison.outcome,
    missing: comparison.findings.missing,
    extra: comparison.findings.extra,
    notes: notes(plan),
  };
}

/** Caveats worth repeating outside the file: symptoms left out, conflicts met while merging. */
function notes(plan: ReproOutcome['plan']): string[] {
  return [...plan.skipped.map((s) => `${s.id}: not reproduced: ${s.why}`), ...plan.notes];
}

async function printConsole(io: CommandIO, { file, plan, result, comparison }: ReproOutcome): Promise<void> {
  const out = io.stdout;
  const tenant = Object.entries(plan.tenant)
    .filter(([k]) => k !== 'seed')
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  await out.line(
    `Wrote ${shown(file)}: ${plan.provider}, ${tenant}${plan.faults.length ? `, faults ${plan.faults.join(' ')}` : ''}${plan.permissions ? `, permissions [${plan.permissions.join(', ')}]` : ''}`,
  );
  await out.line(`Ran it: ${result.outcome}${result.error ? `: ${oneLine(result.error)}` : ''} (${shown(result.runDir)})`);
  const c = comparison;
  const findings = (ids: readonly string[]) => (ids.length ? ids.join(', ') : 'none');
  if (c.match) {
    await out.line(
      `Reproduced: error class ${c.errorClass.run}; the report's findings ${findings(c.findings.report)} are all in the run's (${findings(c.findings.run)})`,
    );
  } else {
    await out.line('Not reproduced:');
    if (c.errorClass.report !== c.errorClass.run)
      await out.line(`  error class: the report shows ${c.errorClass.report}, the run ${c.errorClass.run}`);
    if (c.outcome.report && c.outcome.report !== c.outcome.run)
      await out.line(`  outcome: the report's sync ${c.outcome.report}, the run ${c.outcome.run}`);
    if (c.findings.missing.length) await out.line(`  findings missing from the run: ${c.findings.missing.join(', ')}`);
  }
  if (c.findings.extra.length) await out.line(`  findings the run adds: ${c.findings.extra.join(', ')}`);
  if (!result.met) for (const u of result.unmet) await out.line(`  scenario expectation not met: ${u}`);
  for (const note of notes(plan)) await out.line(`  note: ${note}`);
}

/** Paths inside the working directory relative to it, others as given. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The error in one line; a connector process's exit message is shortened to the last error it logged. */
function oneLine(text: string): string {
  const logged = [...text.matchAll(/"error":"((?:[^"\\]|\\.)*)"/g)].at(-1)?.[1];
  const exit = /^(.*?exited with code \d+)/.exec(text)?.[1];
  const flat = (logged && exit ? `${exit}: ${JSON.parse(`"${logged}"`) as string}` : text).replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
