/**
 * Traits: the annotations that say what kind of principal or object a Resource is (user, group, role, app,
 * secret). Only fields the reference names (with a known type) are declared; the rest (user icon, MFA/SSO
 * status, app icon/logo) stay unknown fields: kept on round trips, absent from JSON.
 */
import type { JsonObject, Message } from '@bufbuild/protobuf';
import { file_google_protobuf_struct, file_google_protobuf_timestamp, type Timestamp } from '@bufbuild/protobuf/wkt';
import { connectorFile, type AssetRef } from './connector.js';
import { defineFile, enm, enumType, field, message, messageSchema, msg, repeated, STRUCT, TIMESTAMP } from './dsl.js';

export const traitsFile = defineFile(
  {
    name: 'c1/connector/v2/traits.proto',
    package: 'c1.connector.v2',
    dependencies: ['c1/connector/v2/connector.proto', 'google/protobuf/struct.proto', 'google/protobuf/timestamp.proto'],
    types: [
      message(
        'UserTrait',
        [
          repeated(1, 'emails', msg('UserTrait.Email')),
          field(2, 'status', msg('UserTrait.Status')),
          field(3, 'profile', STRUCT),
          field(5, 'account_type', enm('UserTrait.AccountType')),
          field(6, 'login', 'string'),
          repeated(7, 'login_aliases', 'string'),
          field(8, 'created_at', TIMESTAMP),
          field(9, 'last_login', TIMESTAMP),
          // The reference gives no type; the SDK samples hold UTF-8 ids here ("user-0000000"), one per entry.
          repeated(13, 'employee_ids', 'string'),
        ],
        [
          message('Email', [field(1, 'address', 'string'), field(2, 'is_primary', 'bool')]),
          message(
            'Status',
            [field(1, 'status', enm('UserTrait.Status.Status')), field(2, 'details', 'string')],
            [enumType('Status', { STATUS_UNSPECIFIED: 0, STATUS_ENABLED: 1, STATUS_DISABLED: 2, STATUS_DELETED: 3 })],
          ),
          enumType('AccountType', {
            ACCOUNT_TYPE_UNSPECIFIED: 0,
            ACCOUNT_TYPE_HUMAN: 1,
            ACCOUNT_TYPE_SERVICE: 2,
            ACCOUNT_TYPE_SYSTEM: 3,
          }),
        ],
      ),
      message('GroupTrait', [field(1, 'icon', msg('AssetRef')), field(2, 'profile', STRUCT)]),
      message('RoleTrait', [field(1, 'profile', STRUCT)]),
      message(
        'AppTrait',
        [field(1, 'help_url', 'string'), field(4, 'profile', STRUCT), repeated(5, 'flags', enm('AppTrait.AppFlag'))],
        [
          enumType('AppFlag', {
            APP_FLAG_UNSPECIFIED: 0,
            APP_FLAG_HIDDEN: 1,
            APP_FLAG_INACTIVE: 2,
            APP_FLAG_SAML: 3,
            APP_FLAG_OIDC: 4,
            APP_FLAG_BOOKMARK: 5,
          }),
        ],
      ),
      // Best effort: the reference gives only `1 profile`; its other fields pass through as unknown.
      message('SecretTrait', [field(1, 'profile', STRUCT)]),
    ],
  },
  [connectorFile, file_google_protobuf_struct, file_google_protobuf_timestamp],
);

export enum UserStatus {
  UNSPECIFIED = 0,
  ENABLED = 1,
  DISABLED = 2,
  DELETED = 3,
}

export enum AccountType {
  UNSPECIFIED = 0,
  HUMAN = 1,
  SERVICE = 2,
  SYSTEM = 3,
}

export type UserTraitEmail = Message<'c1.connector.v2.UserTrait.Email'> & { address: string; isPrimary: boolean };
export type UserTraitStatus = Message<'c1.connector.v2.UserTrait.Status'> & { status: UserStatus; details: string };
export type UserTrait = Message<'c1.connector.v2.UserTrait'> & {
  emails: UserTraitEmail[];
  status?: UserTraitStatus;
  profile?: JsonObject;
  accountType: AccountType;
  login: string;
  loginAliases: string[];
  createdAt?: Timestamp;
  lastLogin?: Timestamp;
  employeeIds: string[];
};
export type GroupTrait = Message<'c1.connector.v2.GroupTrait'> & { icon?: AssetRef; profile?: JsonObject };
export type RoleTrait = Message<'c1.connector.v2.RoleTrait'> & { profile?: JsonObject };
export type AppTrait = Message<'c1.connector.v2.AppTrait'> & { helpUrl: string; profile?: JsonObject; flags: number[] };
export type SecretTrait = Message<'c1.connector.v2.SecretTrait'> & { profile?: JsonObject };

const f = traitsFile;
export const UserTraitSchema = messageSchema<UserTrait>(f, 'c1.connector.v2.UserTrait');
export const UserTraitEmailSchema = messageSchema<UserTraitEmail>(f, 'c1.connector.v2.UserTrait.Email');
export const UserTraitStatusSchema = messageSchema<UserTraitStatus>(f, 'c1.connector.v2.UserTrait.Status');
export const GroupTraitSchema = messageSchema<GroupTrait>(f, 'c1.connector.v2.GroupTrait');
export const RoleTraitSchema = messageSchema<RoleTrait>(f, 'c1.connector.v2.RoleTrait');
export const AppTraitSchema = messageSchema<AppTrait>(f, 'c1.connector.v2.AppTrait');
export const SecretTraitSchema = messageSchema<SecretTrait>(f, 'c1.connector.v2.SecretTrait');
