/**
 * `repro`: a customer report (a Baton debug log, or provider and symptom flags) -> a scenario file
 * under `scenarios/customers/`, checked by the scenario loader before it is written, then run once with
 * the provider's reference connector and compared with the report.
 */
import { basename, join } from 'node:path';
import { UserError } from '../../lib/errors.js';
import { runScenario } from '../run/run-scenario.js';
import type { ScenarioResult } from '../../reports/run/result.js';
import { loadScenario, parseScenario } from '../scenario/load.js';
import { providerProblem } from '../scenario/fields.js';
import { compareRun, type Comparison } from './compare.js';
import { planInputFromFlags, parseSymptoms } from './from-flags.js';
import { planInputFromLog, readLogReport } from './from-log.js';
import { planRepro, type ReproPlan } from './plan.js';
import { renderScenario } from './render.js';
import { REPRO_PROVIDERS, type ReproProvider } from './symptom-list.js';
import { writeScenarioFile } from './write.js';

const DEFAULT_OUT = 'scenarios/customers';

export interface ReproOptions {
  log?: string;
  provider?: string;
  symptom?: string;
  users?: string;
  groups?: string;
  missing?: string;
  ticket?: string;
  out?: string;
  force?: boolean;
  runsDir?: string;
}

export interface ReproOutcome {
  file: string;
  plan: ReproPlan;
  result: ScenarioResult;
  comparison: Comparison;
}

/** Writes the scenario and returns its plan, without running it. */
function writeRepro(options: ReproOptions): { file: string; plan: ReproPlan } {
  const plan = makePlan(options);
  const text = renderScenario(plan);
  const file = join(options.out ?? DEFAULT_OUT, `${plan.name}.yaml`);
  try {
    parseScenario(text, file);
  } catch (error) {
    // What repro writes must load; a refusal here is a bug in repro, not in the user's input.
    throw new Error(`repro wrote a scenario the loader refuses: ${(error as Error).message}`, { cause: error });
  }
  writeScenarioFile(file, text, options.force ?? false);
  return { file, plan };
}

export async function repro(options: ReproOptions): Promise<ReproOutcome> {
  const { file, plan } = writeRepro(options);
  const result = await runScenario(await loadScenario(file), { runsDir: options.runsDir ?? 'runs' });
  return { file, plan, result, comparison: compareRun(plan.report, result) };
}

function makePlan(options: ReproOptions): ReproPlan {
  const flagOnly = (['symptom', 'users', 'groups', 'missing'] as const).filter((k) => options[k] !== undefined);
  if (options.log && flagOnly.length) {
    throw new UserError(
      `repro: --${flagOnly[0]} describes a report without a log; with --log the log's own lines decide (edit the written scenario to change it)`,
    );
  }
  if (!options.log && options.symptom === undefined)
    throw new UserError(
      'repro: nothing to reproduce (give --log FILE with a Baton debug log, or --provider NAME --symptom ID; see --help for the symptoms)',
    );
  const input = options.log
    ? planInputFromLog({ file: options.log, name: scenarioName(options), ...givenProvider(options.provider) }, readLogReport(options.log))
    : planInputFromFlags({ ...options, name: scenarioName(options) });
  const plan = planRepro(input);
  if ('impossible' in plan) {
    const where = options.log ?? 'repro';
    throw new UserError(
      `${where}: ${plan.impossible.map((s) => `${s.id} ${s.why}`).join('; ')} (nothing left for a scenario to reproduce; name another symptom with --symptom)`,
    );
  }
  return plan;
}

function givenProvider(name: string | undefined): { provider?: ReproProvider } {
  if (name === undefined) return {};
  const problem = providerProblem(name);
  if (problem || !(REPRO_PROVIDERS as readonly string[]).includes(name))
    throw new UserError(`repro: --provider: ${problem ?? `unknown provider "${name}"`}`);
  return { provider: name as ReproProvider };
}

/** `--ticket`, made a scenario name; else one from the log's file name or the flags. */
function scenarioName(options: ReproOptions): string {
  if (options.ticket !== undefined) {
    const name = slug(options.ticket);
    if (!name)
      throw new UserError(
        `repro: --ticket ${JSON.stringify(options.ticket)} has no letters or digits to name the scenario by (e.g. --ticket acme-1234)`,
      );
    return name;
  }
  if (options.log) return `repro-${slug(basename(options.log).replace(/(\.(log|json|txt|console))+$/i, '')) || 'log'}`;
  const provider =
    options.provider && (REPRO_PROVIDERS as readonly string[]).includes(options.provider) ? (options.provider as ReproProvider) : undefined;
  const symptoms = provider ? parseSymptoms(options.symptom, provider) : [];
  return slug(['repro', options.provider ?? '', ...symptoms].filter(Boolean).join('-'));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+|[-._]+$/g, '')
    .slice(0, 80);
}
