/**
 * Choosing which kind of data a refused read was short of, from what a report or log shows: the permission
 * it names, else the refused URL, else the first listing the log never reported, else a provider's default.
 * Each provider's descriptor turns the choice into its own `partial-consent` fault.
 */
import type { PermissionClues } from './provider-descriptor.js';

export interface ChosenAccess<A extends string> {
  access: A;
  how: string;
}

export interface PickRules<A extends string> {
  byName: (name: string) => A | undefined;
  paths: [RegExp, A][];
  types: [string, A][];
  fallback: A;
}

/** The refused access: the named permission, the refused URL, the first unlisted type, or the fallback. */
export function pickAccess<A extends string>(clues: PermissionClues, rules: PickRules<A>): ChosenAccess<A> {
  const named = clues.named ?? clues.refusal?.permission;
  const byName = named ? rules.byName(named) : undefined;
  if (byName)
    return { access: byName, how: clues.named ? `given with --missing ${named}` : `named by the refusal (line ${clues.refusal!.line}: ${named})` };
  const path = clues.refusal?.url ? pathOf(clues.refusal.url) : undefined;
  const byPath = path ? rules.paths.find(([pattern]) => pattern.test(path))?.[1] : undefined;
  if (byPath)
    return {
      access: byPath,
      how: `the refused call (line ${clues.refusal!.line}: ${clues.refusal!.method ? `${clues.refusal!.method} ` : ''}${path})`,
    };
  const unlisted = clues.listed ? rules.types.find(([type]) => !clues.listed!.includes(type)) : undefined;
  if (unlisted) return { access: unlisted[1], how: `the first listing the log never reported (${unlisted[0]})` };
  return { access: rules.fallback, how: `not named in the report: ${rules.fallback} assumed (edit missing=)` };
}

/** The read access whose least-privileged permission this is, else the first one it opens. */
export function readAccessOf<A extends string>(table: Record<A, readonly string[]>, permission: string): Exclude<A, 'write-members'> | undefined {
  const reads = (Object.keys(table) as A[]).filter((a): a is Exclude<A, 'write-members'> => a !== 'write-members');
  return reads.find((a) => table[a][0] === permission) ?? reads.find((a) => table[a].includes(permission));
}

/** Every permission that opens some read, from a permission table keyed by access. */
export function readPermissionsOf(table: Readonly<Record<string, readonly string[]>>): string[] {
  return Object.entries(table).flatMap(([access, permissions]) => (access.startsWith('write') ? [] : permissions));
}

/** Each route's least-privileged permission, from its access and the table of permissions opening each access. */
export function leastPermissions<A extends string>(
  routes: Readonly<Record<string, A>>,
  table: Readonly<Record<A, readonly string[]>>,
): Record<string, string> {
  return Object.fromEntries(Object.entries<A>(routes).map(([route, access]) => [route, table[access][0]!]));
}

function pathOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
}
