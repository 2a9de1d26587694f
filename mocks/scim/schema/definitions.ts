/**
 * The attributes this simulator serves, as RFC 7643 schema definitions. One source for three uses: the
 * `/Schemas` endpoint, `caseExact` when filters compare strings (userName is case-insensitive, id and
 * externalId are not), and `returned: always` when `attributes=`/`excludedAttributes=` project. Only what
 * the simulator renders is defined, so `/Schemas` never advertises an attribute no resource carries.
 */
import { URN } from './urns.js';

type AttributeType = 'string' | 'boolean' | 'dateTime' | 'reference' | 'complex';

export interface AttributeDef {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  subAttributes?: AttributeDef[];
  canonicalValues?: string[];
  referenceTypes?: string[];
}

export interface SchemaDef {
  id: string;
  name: string;
  description: string;
  attributes: AttributeDef[];
}

/** A resource type's attributes: its core schema, its extensions (nested under their URN), the common ones. */
export interface ResourceSchema {
  resourceType: 'User' | 'Group';
  endpoint: '/Users' | '/Groups';
  core: SchemaDef;
  extensions: SchemaDef[];
}

type Options = Partial<Omit<AttributeDef, 'name' | 'type' | 'description'>>;

function attr(name: string, type: AttributeType, description: string, options: Options = {}): AttributeDef {
  return {
    name,
    type,
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  };
}

/** RFC 7643 §3.1: on every resource, but defined outside any schema (so `/Schemas` does not list them). */
export const COMMON_ATTRIBUTES: AttributeDef[] = [
  attr('id', 'string', 'Unique identifier for the resource, assigned by the service provider.', {
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
  }),
  attr('externalId', 'string', 'Identifier of the resource as defined by the provisioning client.', { caseExact: true }),
  attr('meta', 'complex', 'Resource metadata.', {
    mutability: 'readOnly',
    subAttributes: [
      attr('resourceType', 'string', 'Name of the resource type.', { caseExact: true, mutability: 'readOnly' }),
      attr('created', 'dateTime', 'When the resource was added.', { mutability: 'readOnly' }),
      attr('lastModified', 'dateTime', 'When the resource was last changed.', { mutability: 'readOnly' }),
      attr('location', 'reference', 'URI of the resource.', { caseExact: true, mutability: 'readOnly', referenceTypes: ['uri'] }),
      attr('version', 'string', 'Version (weak entity tag) of the resource.', { caseExact: true, mutability: 'readOnly' }),
    ],
  }),
];

const memberType = (values: string[]) =>
  attr('type', 'string', 'The type of the referenced resource.', { mutability: 'immutable', canonicalValues: values });

const USER: SchemaDef = {
  id: URN.user,
  name: 'User',
  description: 'User Account',
  attributes: [
    attr('userName', 'string', 'Unique identifier for the user, here the user principal name.', { required: true, uniqueness: 'server' }),
    attr('name', 'complex', "The components of the user's name.", {
      subAttributes: [
        attr('formatted', 'string', 'The full name, formatted for display.'),
        attr('familyName', 'string', 'The family name.'),
        attr('givenName', 'string', 'The given name.'),
      ],
    }),
    attr('displayName', 'string', 'The name of the user, suitable for display.'),
    attr('title', 'string', "The user's title, such as 'Vice President'."),
    attr('active', 'boolean', "The user's administrative status."),
    attr('emails', 'complex', 'Email addresses for the user.', {
      multiValued: true,
      subAttributes: [
        attr('value', 'string', 'Email address.'),
        attr('type', 'string', "A label indicating the email's function.", { canonicalValues: ['work', 'home', 'other'] }),
        attr('primary', 'boolean', 'Whether this is the primary address.'),
      ],
    }),
    // `request`, not the RFC's `default`: a provider's own schema may say so, and it spares every user page
    // a membership lookup per user (as AWS Identity Center and Okta's SCIM servers do without groups at all).
    attr('groups', 'complex', 'Groups the user is a direct member of (returned only when asked for in attributes=).', {
      multiValued: true,
      mutability: 'readOnly',
      returned: 'request',
      subAttributes: [
        attr('value', 'string', 'The id of the group.', { caseExact: true, mutability: 'readOnly' }),
        attr('$ref', 'reference', 'The URI of the group.', { caseExact: true, mutability: 'readOnly', referenceTypes: ['Group'] }),
        attr('display', 'string', 'The display name of the group.', { mutability: 'readOnly' }),
        attr('type', 'string', 'direct or indirect membership.', { mutability: 'readOnly', canonicalValues: ['direct', 'indirect'] }),
      ],
    }),
  ],
};

const ENTERPRISE_USER: SchemaDef = {
  id: URN.enterpriseUser,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [attr('department', 'string', 'Name of a department.')],
};

const GROUP: SchemaDef = {
  id: URN.group,
  name: 'Group',
  description: 'Group',
  attributes: [
    attr('displayName', 'string', 'A human-readable name for the group.', { required: true }),
    attr('members', 'complex', 'A list of members of the group.', {
      multiValued: true,
      subAttributes: [
        attr('value', 'string', 'Identifier of the member.', { caseExact: true, mutability: 'immutable' }),
        attr('$ref', 'reference', 'The URI of the member.', { caseExact: true, mutability: 'immutable', referenceTypes: ['User', 'Group'] }),
        attr('display', 'string', 'The display name of the member.', { mutability: 'readOnly' }),
        memberType(['User', 'Group']),
      ],
    }),
  ],
};

export const SCHEMAS: readonly SchemaDef[] = [USER, ENTERPRISE_USER, GROUP];

export const USER_SCHEMA: ResourceSchema = { resourceType: 'User', endpoint: '/Users', core: USER, extensions: [ENTERPRISE_USER] };
export const GROUP_SCHEMA: ResourceSchema = { resourceType: 'Group', endpoint: '/Groups', core: GROUP, extensions: [] };
