/**
 * What a field holds, judged by its name, the same way wherever the name appears: a JSON key, an XML
 * element, a query or form parameter, the attribute of a filter literal. Names of fields are compared
 * without case, dashes or underscores (`client_secret`, `ClientSecret` and `client-secret` are one field).
 * Which fields are credentials is the secrets module's one list.
 */
import { normalizeField, secretFieldKind } from '../../lib/secrets/index.js';
import type { MappedKind } from './identity-map.js';

export { normalizeField };

export type FieldRule =
  | { kind: 'secret'; placeholder: string }
  | { kind: 'name'; as: Extract<MappedKind, 'name' | 'given-name' | 'family-name' | 'account-name'> }
  | { kind: 'id' }
  | { kind: 'page-token' }
  | { kind: 'filter' }
  | { kind: 'plain' };

/** Every placeholder starts with this, so matching on replay can tell a redacted value from a real one. */
export const REDACTED = 'sync-harness-redacted';

export const PLACEHOLDERS = {
  secret: `${REDACTED}-secret`,
  token: `${REDACTED}-token`,
  jwt: `${REDACTED}-jwt`,
  password: `${REDACTED}-password`,
  /** Temporary AWS key ids keep their shape so SDKs still accept them. */
  awsTemporaryKeyId: 'ASIAREDACTEDREDACTED',
} as const;

const NAME_FIELDS: Record<string, Extract<MappedKind, 'name' | 'given-name' | 'family-name' | 'account-name'>> = {
  displayname: 'name',
  name: 'name',
  fullname: 'name',
  formatted: 'name',
  nickname: 'name',
  givenname: 'given-name',
  firstname: 'given-name',
  surname: 'family-name',
  familyname: 'family-name',
  lastname: 'family-name',
  middlename: 'given-name',
  username: 'account-name',
  mailnickname: 'account-name',
  onpremisessamaccountname: 'account-name',
  groupname: 'account-name',
  rolename: 'account-name',
  policyname: 'account-name',
  instanceprofilename: 'account-name',
  login: 'account-name',
};

const PAGE_TOKEN_FIELDS = new Set(['skiptoken', 'pagetoken', 'nextpagetoken', 'nexttoken', 'marker', 'cursor', 'continuationtoken', 'deltatoken']);

const FILTER_FIELDS = new Set(['filter', 'search', 'query']);

/** Fields that hold a kind or a type, never an identifier, though their names end in `id`. */
const NOT_ID = new Set(['valid', 'paid', 'grid', 'void', 'android', 'requestid', 'clientrequestid', 'correlationid', 'traceid']);

export function fieldRule(name: string | undefined): FieldRule {
  if (name === undefined) return { kind: 'plain' };
  const field = normalizeField(name);
  const secret = secretFieldKind(name);
  if (secret) return { kind: 'secret', placeholder: PLACEHOLDERS[secret] };
  // `principalDisplayName`, `resourceDisplayName`, `app_displayname`...
  if (field.endsWith('displayname')) return { kind: 'name', as: 'name' };
  const as = NAME_FIELDS[field];
  if (as) return { kind: 'name', as };
  if (PAGE_TOKEN_FIELDS.has(field)) return { kind: 'page-token' };
  if (FILTER_FIELDS.has(field)) return { kind: 'filter' };
  if (isIdField(name, field)) return { kind: 'id' };
  return { kind: 'plain' };
}

/** `id`, `objectId`, `principalId`, `UserId`, `customerId`, `IdentityStoreId`... (camel or Pascal case). */
function isIdField(raw: string, field: string): boolean {
  if (NOT_ID.has(field)) return false;
  if (field === 'id' || field === 'objectid' || field === 'uid' || field === 'externalid' || field === 'immutableid') return true;
  return /[a-z0-9]Id$|[a-z0-9]ID$|_id$/.test(raw.replace(/^[@$]+/, ''));
}
