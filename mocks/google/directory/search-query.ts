/**
 * A small part of the `query` language of users.list ("Search for users") and groups.list ("Search for
 * groups"): space-separated terms, all of which must hold. `field:value` matches a whole value (any
 * case), `field:value*` a prefix, `field=value` exactly; values may be single-quoted to hold spaces; a bare
 * word matches the start of any text field. Fields outside the tables below are refused (400 `invalid`)
 * rather than silently ignored, so a connector relying on an unsimulated field finds out.
 */
import type { admin_directory_v1 } from '@googleapis/admin';
import { directoryErrors } from './errors.js';

type User = admin_directory_v1.Schema$User;
type Group = admin_directory_v1.Schema$Group;

export interface QueryFields<T> {
  /** Lower-case field name → the values a term may match. */
  text: Record<string, (item: T) => string[]>;
  flags: Record<string, (item: T) => boolean>;
}

export const USER_QUERY: QueryFields<User> = {
  text: {
    email: (u) => [u.primaryEmail ?? '', ...((u.emails as Array<{ address?: string }> | undefined) ?? []).map((e) => e.address ?? '')],
    givenname: (u) => [u.name?.givenName ?? ''],
    familyname: (u) => [u.name?.familyName ?? ''],
    name: (u) => [u.name?.fullName ?? ''],
    orgunitpath: (u) => [u.orgUnitPath ?? ''],
  },
  flags: {
    isadmin: (u) => u.isAdmin === true,
    isdelegatedadmin: (u) => u.isDelegatedAdmin === true,
    issuspended: (u) => u.suspended === true,
    isguestuser: (u) => u.isGuestUser === true,
  },
};

export const GROUP_QUERY: QueryFields<Group> = {
  text: { email: (g) => [g.email ?? ''], name: (g) => [g.name ?? ''] },
  flags: {},
};

export function parseQuery<T>(query: string, fields: QueryFields<T>): (item: T) => boolean {
  const terms = tokenize(query).map((term) => parseTerm(term, query, fields));
  return (item) => terms.every((t) => t(item));
}

function parseTerm<T>(term: string, query: string, fields: QueryFields<T>): (item: T) => boolean {
  const match = term.match(/^([A-Za-z]+)([:=])(.*)$/);
  if (!match) {
    const word = unquote(term).toLowerCase().replace(/\*$/, '');
    return (item) => Object.values(fields.text).some((values) => values(item).some((v) => v.toLowerCase().startsWith(word)));
  }
  const field = match[1]!.toLowerCase();
  const op = match[2]!;
  const value = unquote(match[3]!);
  const flag = fields.flags[field];
  if (flag) {
    if (value !== 'true' && value !== 'false') throw directoryErrors.invalidInput(query);
    const want = value === 'true';
    return (item) => flag(item) === want;
  }
  const text = fields.text[field];
  if (!text) throw directoryErrors.invalidInput(query);
  const prefix = op === ':' && value.endsWith('*');
  const wanted = (prefix ? value.slice(0, -1) : value).toLowerCase();
  return (item) => text(item).some((v) => (prefix ? v.toLowerCase().startsWith(wanted) : v.toLowerCase() === wanted));
}

/** Splits on spaces outside single quotes. */
function tokenize(query: string): string[] {
  return query.match(/(?:[^\s']+|'[^']*')+/g) ?? [];
}

function unquote(value: string): string {
  return value.replace(/'/g, '');
}
