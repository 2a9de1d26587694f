/**
 * Placeholders in an external connector's command, env and working directory: `{baseUrl}`, `{output}`,
 * `{credentials.clientSecret}`... Only `{name}` with a name made of letters, digits, `_` and `.` is a
 * placeholder, so JSON in an argument (`{"a":1}`) passes through untouched.
 * Checked when the scenario is loaded (so a typo fails before any tenant is built) and expanded when run.
 */
import { PROVIDERS } from '../../mocks/providers.js';
import { UserError } from '../../lib/errors.js';
import { closest } from './suggest.js';

/** Values every run provides, whatever the provider. */
const RUN_PLACEHOLDERS = [
  'baseUrl', // where the mock is served (loopback), or the real provider URL when mode is proxy
  'output', // the c1z file the connector must write
  'runDir', // the run's folder, for anything else the connector wants to leave behind
  'tenantId',
  'seed',
  'provider',
  'proxyUrl', // mode: proxy only, like HTTPS_PROXY
  'caFile', // the per-run CA certificate (PEM) to trust in proxy mode
  'credentialsFile', // the provider's credentials as one JSON file (e.g. a Google service-account key)
] as const;

/**
 * What each provider's simulator hands a connector (the `credentials` of `ServedProvider`), reachable as
 * `{credentials.<name>}`, as each provider's descriptor lists them, so a scenario is checked without
 * building a tenant; `placeholders.test.ts` keeps the keys in step with what the simulators hand out.
 */
export const CREDENTIAL_NAMES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(PROVIDERS.map((p) => [p.name, p.credentials]));

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_.]*)\}/g;

/** Every placeholder name a command for this provider may use. */
export function knownPlaceholders(provider: string): string[] {
  return [...RUN_PLACEHOLDERS, ...(CREDENTIAL_NAMES[provider] ?? []).map((name) => `credentials.${name}`)];
}

/** The placeholder names used in a text, in order. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/** "unknown placeholder {x} (did you mean {y}? known: ...)" for the first name not known, else undefined. */
export function unknownPlaceholderProblem(text: string, known: readonly string[]): string | undefined {
  const unknown = placeholdersIn(text).find((name) => !known.includes(name));
  if (unknown === undefined) return undefined;
  const near = closest(unknown, known);
  const list = known.map((name) => `{${name}}`).join(', ');
  return `unknown placeholder {${unknown}} (${near ? `did you mean {${near}}? ` : ''}known: ${list})`;
}

export function expandText(text: string, values: Readonly<Record<string, string>>, where = 'command'): string {
  const problem = unknownPlaceholderProblem(text, Object.keys(values));
  if (problem) throw new UserError(`${where}: ${problem}`);
  return text.replace(PLACEHOLDER, (_, name: string) => values[name]!);
}

/**
 * The command with every placeholder replaced. A list stays a list (one argument per item, nothing
 * re-split, so a value with spaces stays one argument); a single string stays a string for a shell.
 */
export function expandCommand<C extends string | readonly string[]>(
  command: C,
  values: Readonly<Record<string, string>>,
): C extends string ? string : string[];
export function expandCommand(command: string | readonly string[], values: Readonly<Record<string, string>>): string | string[] {
  if (typeof command === 'string') return expandText(command, values);
  return command.map((arg, i) => expandText(arg, values, `command[${i}]`));
}
