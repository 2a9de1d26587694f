/**
 * What each Graph type accepts in `$select`, `$filter` and `$orderby`, and which properties a response
 * carries when nothing is selected. Filter support is split the way the directory splits it: basic
 * clauses work on any request; the rest need an advanced query (ConsistencyLevel: eventual + $count=true).
 */
export interface ResourceSchema {
  /** `microsoft.graph.user`, for "Could not find a property named ..." */
  type: string;
  /** `User`, for "Unsupported or invalid query filter clause ... of resource 'User'" */
  resource: string;
  /** Every property `$select` accepts; those not rendered come back null. */
  properties: readonly string[];
  /** Properties of a response without `$select`. */
  defaults: readonly string[];
  /** Filterable on any request. */
  basicFilter: readonly string[];
  /** Filterable only in an advanced query. */
  advancedFilter: readonly string[];
  /** `$orderby` on its own (no `$filter`) is a basic query for these. */
  basicOrderBy: readonly string[];
}

const USER_DEFAULTS = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];
const USER_RENDERED = [
  'id',
  'accountEnabled',
  'businessPhones',
  'city',
  'companyName',
  'country',
  'createdDateTime',
  'creationType',
  'deletedDateTime',
  'department',
  'displayName',
  'employeeId',
  'employeeType',
  'externalUserState',
  'givenName',
  'jobTitle',
  'mail',
  'mailNickname',
  'mobilePhone',
  'officeLocation',
  'onPremisesImmutableId',
  'onPremisesSamAccountName',
  'onPremisesSyncEnabled',
  'onPremisesUserPrincipalName',
  'otherMails',
  'preferredLanguage',
  'proxyAddresses',
  'surname',
  'usageLocation',
  'userPrincipalName',
  'userType',
];
/** Real user properties the simulator does not model: selectable, always null. */
const USER_UNMODELLED = [
  'ageGroup',
  'assignedLicenses',
  'assignedPlans',
  'consentProvidedForMinor',
  'employeeHireDate',
  'employeeLeaveDateTime',
  'employeeOrgData',
  'externalUserStateChangeDateTime',
  'faxNumber',
  'identities',
  'imAddresses',
  'isResourceAccount',
  'lastPasswordChangeDateTime',
  'legalAgeGroupClassification',
  'licenseAssignmentStates',
  'onPremisesDistinguishedName',
  'onPremisesDomainName',
  'onPremisesExtensionAttributes',
  'onPremisesLastSyncDateTime',
  'onPremisesProvisioningErrors',
  'onPremisesSecurityIdentifier',
  'passwordPolicies',
  'passwordProfile',
  'postalCode',
  'preferredDataLocation',
  'provisionedPlans',
  'securityIdentifier',
  'showInAddressList',
  'signInActivity',
  'signInSessionsValidFromDateTime',
  'state',
  'streetAddress',
  'aboutMe',
  'birthday',
  'hireDate',
  'interests',
  'mySite',
  'pastProjects',
  'preferredName',
  'responsibilities',
  'schools',
  'skills',
  'mailboxSettings',
  'manager',
  'memberOf',
];

const GROUP_RENDERED = [
  'id',
  'deletedDateTime',
  'classification',
  'createdDateTime',
  'description',
  'displayName',
  'expirationDateTime',
  'groupTypes',
  'isAssignableToRole',
  'mail',
  'mailEnabled',
  'mailNickname',
  'membershipRule',
  'membershipRuleProcessingState',
  'onPremisesDomainName',
  'onPremisesLastSyncDateTime',
  'onPremisesNetBiosName',
  'onPremisesSamAccountName',
  'onPremisesSecurityIdentifier',
  'onPremisesSyncEnabled',
  'preferredDataLocation',
  'preferredLanguage',
  'proxyAddresses',
  'renewedDateTime',
  'securityEnabled',
  'securityIdentifier',
  'theme',
  'visibility',
  'onPremisesProvisioningErrors',
  'serviceProvisioningErrors',
];
const GROUP_UNMODELLED = [
  'assignedLabels',
  'assignedLicenses',
  'licenseProcessingState',
  'hasMembersWithLicenseErrors',
  'isArchived',
  'allowExternalSenders',
  'autoSubscribeNewMembers',
  'hideFromAddressLists',
  'hideFromOutlookClients',
  'isSubscribedByMail',
  'unseenCount',
  'members',
  'owners',
  'memberOf',
];

export const userSchema: ResourceSchema = {
  type: 'microsoft.graph.user',
  resource: 'User',
  properties: [...USER_RENDERED, ...USER_UNMODELLED],
  defaults: USER_DEFAULTS,
  basicFilter: [
    'id',
    'displayName',
    'givenName',
    'surname',
    'mail',
    'userPrincipalName',
    'userType',
    'accountEnabled',
    'jobTitle',
    'mailNickname',
    'otherMails',
    'proxyAddresses',
    'creationType',
    'externalUserState',
  ],
  advancedFilter: [
    'department',
    'employeeId',
    'employeeType',
    'companyName',
    'createdDateTime',
    'onPremisesSyncEnabled',
    'onPremisesSamAccountName',
    'onPremisesImmutableId',
    'city',
    'country',
    'officeLocation',
    'usageLocation',
    'mobilePhone',
    'businessPhones',
    'preferredLanguage',
  ],
  basicOrderBy: ['displayName', 'userPrincipalName'],
};

export const groupSchema: ResourceSchema = {
  type: 'microsoft.graph.group',
  resource: 'Group',
  properties: [...GROUP_RENDERED, ...GROUP_UNMODELLED],
  defaults: GROUP_RENDERED,
  basicFilter: [
    'id',
    'displayName',
    'mail',
    'mailEnabled',
    'mailNickname',
    'securityEnabled',
    'groupTypes',
    'onPremisesSyncEnabled',
    'isAssignableToRole',
    'proxyAddresses',
    'securityIdentifier',
    'onPremisesSecurityIdentifier',
  ],
  advancedFilter: [
    'description',
    'createdDateTime',
    'classification',
    'expirationDateTime',
    'renewedDateTime',
    'membershipRuleProcessingState',
    'preferredLanguage',
    'visibility',
  ],
  basicOrderBy: ['displayName'],
};

/** Members, owners, role members: users and groups mixed; each keeps its own type's defaults. */
export const directoryObjectSchema: ResourceSchema = {
  type: 'microsoft.graph.directoryObject',
  resource: 'DirectoryObject',
  properties: [...new Set([...userSchema.properties, ...groupSchema.properties])],
  defaults: [],
  basicFilter: [],
  advancedFilter: [...new Set([...userSchema.basicFilter, ...userSchema.advancedFilter, ...groupSchema.basicFilter, ...groupSchema.advancedFilter])],
  basicOrderBy: [],
};

export const directoryRoleSchema: ResourceSchema = {
  type: 'microsoft.graph.directoryRole',
  resource: 'DirectoryRole',
  properties: ['id', 'deletedDateTime', 'description', 'displayName', 'roleTemplateId', 'members', 'scopedMembers'],
  defaults: ['id', 'deletedDateTime', 'description', 'displayName', 'roleTemplateId'],
  basicFilter: ['id', 'displayName', 'roleTemplateId'],
  advancedFilter: [],
  basicOrderBy: [],
};

export const roleAssignmentSchema: ResourceSchema = {
  type: 'microsoft.graph.unifiedRoleAssignment',
  resource: 'UnifiedRoleAssignment',
  properties: ['id', 'principalId', 'roleDefinitionId', 'directoryScopeId', 'appScopeId', 'condition', 'principal', 'roleDefinition'],
  defaults: ['id', 'principalId', 'roleDefinitionId', 'directoryScopeId'],
  basicFilter: ['id', 'principalId', 'roleDefinitionId', 'directoryScopeId', 'appScopeId'],
  advancedFilter: [],
  basicOrderBy: [],
};

const SP_RENDERED = [
  'id',
  'deletedDateTime',
  'accountEnabled',
  'appDisplayName',
  'appDescription',
  'appId',
  'appOwnerOrganizationId',
  'appRoleAssignmentRequired',
  'appRoles',
  'description',
  'displayName',
  'homepage',
  'loginUrl',
  'logoutUrl',
  'notes',
  'preferredSingleSignOnMode',
  'replyUrls',
  'servicePrincipalNames',
  'servicePrincipalType',
  'signInAudience',
  'tags',
];
export const servicePrincipalSchema: ResourceSchema = {
  type: 'microsoft.graph.servicePrincipal',
  resource: 'ServicePrincipal',
  properties: [
    ...SP_RENDERED,
    'addIns',
    'alternativeNames',
    'info',
    'keyCredentials',
    'passwordCredentials',
    'oauth2PermissionScopes',
    'resourceSpecificApplicationPermissions',
    'verifiedPublisher',
    'owners',
    'appRoleAssignedTo',
  ],
  defaults: SP_RENDERED,
  basicFilter: [
    'id',
    'appId',
    'displayName',
    'servicePrincipalType',
    'accountEnabled',
    'tags',
    'appOwnerOrganizationId',
    'servicePrincipalNames',
    'preferredSingleSignOnMode',
  ],
  advancedFilter: ['appDisplayName', 'appRoleAssignmentRequired', 'createdDateTime'],
  basicOrderBy: ['displayName'],
};

export const appRoleAssignmentSchema: ResourceSchema = {
  type: 'microsoft.graph.appRoleAssignment',
  resource: 'AppRoleAssignment',
  properties: [
    'id',
    'deletedDateTime',
    'appRoleId',
    'createdDateTime',
    'principalDisplayName',
    'principalId',
    'principalType',
    'resourceDisplayName',
    'resourceId',
  ],
  defaults: [
    'id',
    'deletedDateTime',
    'appRoleId',
    'createdDateTime',
    'principalDisplayName',
    'principalId',
    'principalType',
    'resourceDisplayName',
    'resourceId',
  ],
  basicFilter: ['principalId', 'principalType', 'appRoleId', 'resourceId'],
  advancedFilter: ['principalDisplayName'],
  basicOrderBy: [],
};

/** Case-insensitive lookup of a property name as the schema spells it. */
export function canonicalProperty(schema: ResourceSchema, name: string): string | undefined {
  const lower = name.toLowerCase();
  return schema.properties.find((p) => p.toLowerCase() === lower);
}
