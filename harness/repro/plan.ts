/**
 * A reproduction plan: the symptoms of a report, each turned into scenario ingredients, merged into one
 * scenario (faults add up; a granted set, a variant or an action is taken from the first symptom that
 * has one), plus what the report itself shows, to compare the run with.
 */
import { pickAction, type PlannedAction } from './actions.js';
import { classOfFinding, errorClass, type ErrorClass } from './error-class.js';
import { recipe, type Ingredients, type RecipeInput } from './recipes.js';
import type { ReproProvider } from './symptom-list.js';
import { sizeTenant, type SizeInput } from './tenant-size.js';

interface PlannedSymptom {
  id: string;
  /** Log lines that show it (empty for flags). */
  lines: number[];
  ingredients: Ingredients;
}

/** `builtin:<provider>[:<variant>]`, or the same reference connector as its own process. */
type PlannedConnector = string | { command: string[]; timeout: string };

export interface ReproPlan {
  name: string;
  provider: ReproProvider;
  /** The log's file name, or what stood in for a log, for the description. */
  source: string;
  /** Where the report came from and how the provider was told, for the comment. */
  origin: string[];
  symptoms: PlannedSymptom[];
  /** Symptoms of the report a scenario cannot reproduce, with why. */
  skipped: { id: string; why: string }[];
  /** Quoted log lines (redacted), for the comment. */
  evidence: string[];
  tenant: Record<string, number>;
  tenantNotes: string[];
  faults: string[];
  permissions?: string[];
  connector: PlannedConnector;
  actions: PlannedAction[];
  writeBack?: boolean;
  timeout: string;
  expect: { outcome: 'succeeded' | 'failed'; error?: string; findings: string[] };
  /** What the report shows: the run must show the same to reproduce it. */
  report: { errorClass: ErrorClass; outcome?: 'succeeded' | 'failed'; findings: string[] };
  /** Other conflicts and caveats met while merging. */
  notes: string[];
}

export interface PlanInput {
  name: string;
  provider: ReproProvider;
  source: string;
  origin: string[];
  /** The report's symptoms, each with the lines showing it. */
  symptoms: { id: string; lines: number[] }[];
  recipeInput: Omit<RecipeInput, 'provider'>;
  sizes: Omit<SizeInput, 'needs'>;
  evidence: string[];
  skipped: { id: string; why: string }[];
  report: { outcome?: 'succeeded' | 'failed'; error?: string };
}

/** The plan, or the reasons none of the symptoms can be reproduced (one per symptom). */
export function planRepro(input: PlanInput): ReproPlan | { impossible: { id: string; why: string }[] } {
  const planned: PlannedSymptom[] = [];
  const skipped = [...input.skipped];
  for (const s of input.symptoms) {
    const made = recipe(s.id, { ...input.recipeInput, provider: input.provider });
    if (typeof made === 'string') skipped.push({ id: s.id, why: `cannot be reproduced for ${input.provider}: ${made}` });
    else planned.push({ id: s.id, lines: s.lines, ingredients: made });
  }
  if (planned.length === 0) return { impossible: skipped };
  // The most telling symptom gives the expected error: an expired secret explains the throttling around it, not the reverse.
  planned.sort((a, b) => rank(a.id) - rank(b.id));
  const notes: string[] = [];
  const sizing = sizeTenant({ ...input.sizes, needs: planned.flatMap((p) => (p.ingredients.tenant ? [p.ingredients.tenant] : [])) });
  const first = <K extends keyof Ingredients>(key: K): Ingredients[K] | undefined => {
    const having = planned.filter((p) => p.ingredients[key] !== undefined);
    if (having.length > 1) notes.push(`${having.map((p) => p.id).join(' and ')} each set ${key}; ${having[0]!.id}'s is used`);
    return having[0]?.ingredients[key];
  };
  const permissions = first('permissions');
  const variant = first('variant');
  const need = first('action');
  const writeBack = first('writeBack');
  const asProcess = planned.some((p) => p.ingredients.process);
  if (need && asProcess)
    notes.push(
      `${planned.find((p) => p.ingredients.action)!.id} needs a grant or revoke, which only an in-process connector makes; the run only syncs`,
    );
  const action = need && !asProcess ? pickAction(sizing.tenant, need) : undefined;
  if (need && !asProcess && !action)
    notes.push(
      `the tenant has no ${need === 'revoke-member' ? 'user who is a direct member of a group' : 'user outside the first group'} to ${need === 'revoke-member' ? 'revoke' : 'grant'}; add users`,
    );
  const failing = planned.find((p) => p.ingredients.outcome === 'failed');
  const findings = [...new Set(planned.flatMap((p) => [p.id, ...(p.ingredients.alsoFindings ?? [])]))].sort();
  const reportFindings = [...new Set(input.symptoms.map((s) => s.id))].sort();
  return {
    name: input.name,
    provider: input.provider,
    source: input.source,
    origin: input.origin,
    symptoms: planned,
    skipped,
    evidence: input.evidence,
    tenant: sizing.tenant,
    tenantNotes: sizing.notes,
    faults: planned.flatMap((p) => p.ingredients.faults),
    ...(permissions ? { permissions } : {}),
    connector: asProcess ? processConnector(input.provider, variant) : `builtin:${input.provider}${variant ? `:${variant}` : ''}`,
    actions: action ? [action] : [],
    ...(writeBack !== undefined ? { writeBack } : {}),
    timeout: longest(planned.map((p) => p.ingredients.timeout)),
    expect: { outcome: failing ? 'failed' : 'succeeded', ...(failing?.ingredients.error ? { error: failing.ingredients.error } : {}), findings },
    report: {
      errorClass: errorClass({ findings: reportFindings, ...input.report }),
      ...(input.report.outcome ? { outcome: input.report.outcome } : {}),
      findings: reportFindings,
    },
    notes,
  };
}

/** The reference connector as a process: `sync-harness` is first on a scenario command's PATH. */
function processConnector(provider: ReproProvider, variant: string | undefined): PlannedConnector {
  return {
    command: [
      'sync-harness',
      'connector',
      provider,
      '--credentials',
      '{credentialsFile}',
      '--file',
      '{output}',
      '--log-format',
      'json',
      ...(variant ? ['--variant', variant] : []),
    ],
    timeout: '30s',
  };
}

const ORDER = ['auth-failure', 'permission-denied', 'pagination-loop', 'network', 'provisioning', 'throttled', 'empty-sync'];
function rank(id: string): number {
  const i = ORDER.indexOf(classOfFinding(id) ?? '');
  return i < 0 ? ORDER.length : i;
}

function longest(timeouts: readonly string[]): string {
  const minutes = (t: string) => Number(t.replace(/m$/, ''));
  return timeouts.reduce((a, b) => (minutes(b) > minutes(a) ? b : a), '1m');
}
