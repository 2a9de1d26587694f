/** Column lists that read rows straight into the model's shapes, and the few conversions SQLite needs. */
import type { Policy, TenantRole, TenantUser } from './model.js';

const IDS = `object_id AS objectId, google_id AS googleId, aws_id AS awsId, scim_id AS scimId`;

/** `alias` qualifies every column (`u.`) for joins. */
export function userColumns(alias = ''): string {
  const a = alias;
  return `${a}seq AS seq, ${a}kind AS kind, ${a}enabled AS enabled, ${a}given_name AS givenName, ${a}surname AS surname,
    ${a}display_name AS displayName, ${a}upn AS userPrincipalName, ${a}mail AS mail, ${a}job_title AS jobTitle,
    ${a}department AS department, ${a}created_at AS createdAt, ${a}object_id AS objectId, ${a}google_id AS googleId,
    ${a}aws_id AS awsId, ${a}scim_id AS scimId`;
}

export const USER_COLUMNS = userColumns();
export const GROUP_COLUMNS = `seq, kind, display_name AS displayName, mail, description, created_at AS createdAt, ${IDS}`;
export const ROLE_COLUMNS = `seq, display_name AS displayName, description, template_id AS templateId, activated, ${IDS}`;
export const APP_COLUMNS = `seq, display_name AS displayName, app_id AS appId, ${IDS}`;
export const APP_ROLE_COLUMNS = `seq, app_seq AS appSeq, id, value, display_name AS displayName`;
export const POLICY_COLUMNS = `seq, name, aws_managed AS awsManaged, description, ${IDS}`;

/** SQLite has no booleans: these are the 0/1 columns as they come out of a query. */
type Raw<T, K extends keyof T> = Omit<T, K> & { [P in K]: number };

export const toUser = (row: Raw<TenantUser, 'enabled'>): TenantUser => ({ ...row, enabled: row.enabled === 1 });

/**
 * A user from a row read in array mode, columns in {@link userColumns} order. Pages of users are the
 * simulators' hottest query: array rows and one object literal cost half of named rows plus a spread.
 */
export const userFromArray = (r: unknown[]): TenantUser => ({
  seq: r[0] as number,
  kind: r[1] as TenantUser['kind'],
  enabled: r[2] === 1,
  givenName: r[3] as string,
  surname: r[4] as string,
  displayName: r[5] as string,
  userPrincipalName: r[6] as string,
  mail: r[7] as string,
  jobTitle: r[8] as string,
  department: r[9] as string,
  createdAt: r[10] as string,
  objectId: r[11] as string,
  googleId: r[12] as string,
  awsId: r[13] as string,
  scimId: r[14] as string,
});
export const toRole = (row: Raw<TenantRole, 'activated'>): TenantRole => ({ ...row, activated: row.activated === 1 });
export const toPolicy = (row: Raw<Policy, 'awsManaged'>): Policy => ({ ...row, awsManaged: row.awsManaged === 1 });

export type RawUser = Raw<TenantUser, 'enabled'>;
export type RawRole = Raw<TenantRole, 'activated'>;
export type RawPolicy = Raw<Policy, 'awsManaged'>;
