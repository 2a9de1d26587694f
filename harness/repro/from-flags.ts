/**
 * A ticket with no log: the provider, the symptoms (doctor finding ids) and the tenant's size as flags.
 * Everything is checked before anything is written: an unknown provider or symptom gets the closest
 * known one, a symptom that does not apply to the provider says why.
 */
import { UserError } from '../../lib/errors.js';
import { providerProblem } from '../scenario/fields.js';
import { closest } from '../scenario/suggest.js';
import type { PlanInput } from './plan.js';
import { REPRO_PROVIDERS, SYMPTOMS, symptomInfo, type ReproProvider } from './symptom-list.js';

export interface FlagReport {
  provider?: string;
  symptom?: string;
  users?: string;
  groups?: string;
  missing?: string;
  name: string;
}

export function planInputFromFlags(flags: FlagReport): PlanInput {
  if (!flags.provider) throw new UserError('repro: --symptom needs --provider (e.g. --provider entra --symptom expired-secret)');
  const problem = providerProblem(flags.provider);
  if (problem || !(REPRO_PROVIDERS as readonly string[]).includes(flags.provider))
    throw new UserError(`repro: --provider: ${problem ?? `unknown provider "${flags.provider}" (known: ${REPRO_PROVIDERS.join(', ')})`}`);
  const provider = flags.provider as ReproProvider;
  const ids = parseSymptoms(flags.symptom, provider);
  if (flags.missing && !ids.includes('permission-missing'))
    throw new UserError(
      'repro: --missing names the permission of a permission-missing report (add --symptom permission-missing, or leave --missing out)',
    );
  const users = count('--users', flags.users);
  const groups = count('--groups', flags.groups);
  return {
    name: flags.name,
    provider,
    source: 'a ticket without a log',
    origin: [
      `From flags: --provider ${provider} --symptom ${ids.join(',')}${users !== undefined ? ` --users ${users}` : ''}${groups !== undefined ? ` --groups ${groups}` : ''}${flags.missing ? ` --missing ${flags.missing}` : ''} (no log).`,
    ],
    symptoms: ids.map((id) => ({ id, lines: [] })),
    recipeInput: flags.missing ? { missing: flags.missing } : {},
    sizes: { ...(users !== undefined ? { users } : {}), ...(groups !== undefined ? { groups } : {}) },
    evidence: [],
    skipped: [],
    report: {},
  };
}

/** `expired-secret,throttled` -> ids, each known and applicable to the provider. */
export function parseSymptoms(text: string | undefined, provider: ReproProvider): string[] {
  const ids = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = SYMPTOMS.map((s) => s.id);
  if (ids.length === 0) throw new UserError(`repro: --symptom is empty (give one or more of: ${known.join(', ')})`);
  for (const id of ids) {
    const info = symptomInfo(id);
    if (!info) {
      const near = closest(id, known);
      throw new UserError(`repro: --symptom: unknown symptom "${id}" (${near ? `did you mean "${near}"? ` : ''}known: ${known.join(', ')})`);
    }
    const why = info.notFor?.[provider];
    if (why) {
      const usable = SYMPTOMS.filter((s) => !s.notFor?.[provider]).map((s) => s.id);
      throw new UserError(`repro: --symptom ${id} does not apply to ${provider}: ${why} (symptoms for ${provider}: ${usable.join(', ')})`);
    }
  }
  return [...new Set(ids)];
}

function count(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) throw new UserError(`repro: ${flag} ${JSON.stringify(text)} is not a whole number (e.g. ${flag} 500)`);
  return Number(text);
}
