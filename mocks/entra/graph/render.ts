/**
 * Tenant entities as Graph shows them, type-checked against @microsoft/microsoft-graph-types so a field
 * name or type that drifts from the real schema fails the build. Each renderer gives the full object;
 * `$select` and default property sets are applied afterwards (select.ts).
 */
import { createHash } from 'node:crypto';
import type {
  AppRole,
  AppRoleAssignment,
  DirectoryRole,
  Group,
  ServicePrincipal,
  UnifiedRoleAssignment,
  User,
} from '@microsoft/microsoft-graph-types';
import type { AppRole as TenantAppRole, TenantApp, TenantGroup, TenantRole, TenantUser } from '../../tenant/model.js';

export const ODATA_TYPE = {
  user: '#microsoft.graph.user',
  group: '#microsoft.graph.group',
  servicePrincipal: '#microsoft.graph.servicePrincipal',
} as const;

/** The default access role every app has; Graph never lists it among `appRoles`. */
const DEFAULT_ACCESS_ROLE = '00000000-0000-0000-0000-000000000000';

/**
 * Rendered users by tenant object. Tenant user pages are cached and frozen, so a page read again renders
 * from here; the rendering is a pure function of the user. Frozen too: every caller shares it.
 */
const renderedUsers = new WeakMap<TenantUser, User>();

export function renderUser(u: TenantUser): User {
  let rendered = renderedUsers.get(u);
  if (!rendered) renderedUsers.set(u, (rendered = Object.freeze(buildUser(u))));
  return rendered;
}

function buildUser(u: TenantUser): User {
  const guest = u.kind === 'guest' || u.kind === 'external';
  return {
    id: u.objectId,
    accountEnabled: u.enabled,
    businessPhones: [],
    city: null,
    companyName: null,
    country: null,
    createdDateTime: u.createdAt,
    creationType: guest ? 'Invitation' : null,
    deletedDateTime: null,
    department: u.department,
    displayName: u.displayName,
    employeeId: null,
    employeeType: null,
    externalUserState: guest ? 'Accepted' : null,
    givenName: u.givenName,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mailNickname: u.userPrincipalName.split('@')[0]!.replace(/#EXT#$/, ''),
    mobilePhone: null,
    officeLocation: null,
    onPremisesImmutableId: null,
    onPremisesSamAccountName: null,
    onPremisesSyncEnabled: null,
    onPremisesUserPrincipalName: null,
    otherMails: [],
    preferredLanguage: null,
    proxyAddresses: u.mail ? [`SMTP:${u.mail}`] : [],
    surname: u.surname,
    usageLocation: null,
    userPrincipalName: u.userPrincipalName,
    userType: guest ? 'Guest' : 'Member',
  };
}

export function renderGroup(g: TenantGroup): Group {
  const unified = g.kind === 'microsoft365';
  const mailEnabled = g.kind !== 'security';
  return {
    id: g.objectId,
    deletedDateTime: null,
    classification: null,
    createdDateTime: g.createdAt,
    description: g.description,
    displayName: g.displayName,
    expirationDateTime: null,
    groupTypes: unified ? ['Unified'] : [],
    isAssignableToRole: null,
    mail: mailEnabled ? g.mail : null,
    mailEnabled,
    mailNickname: g.mail.split('@')[0]!,
    membershipRule: null,
    membershipRuleProcessingState: null,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: null,
    onPremisesNetBiosName: null,
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: mailEnabled ? [`SMTP:${g.mail}`] : [],
    renewedDateTime: g.createdAt,
    securityEnabled: g.kind === 'security',
    securityIdentifier: securityIdentifier(g.objectId),
    theme: null,
    visibility: unified ? 'Private' : null,
    onPremisesProvisioningErrors: [],
    serviceProvisioningErrors: [],
  };
}

export function renderDirectoryRole(r: TenantRole): DirectoryRole {
  return { id: r.objectId, deletedDateTime: null, description: r.description, displayName: r.displayName, roleTemplateId: r.templateId };
}

export function renderRoleAssignment(role: TenantRole, principalId: string): UnifiedRoleAssignment {
  return { id: roleAssignmentId(role.templateId, principalId), principalId, roleDefinitionId: role.templateId, directoryScopeId: '/' };
}

export function renderServicePrincipal(app: TenantApp, roles: TenantAppRole[], tenantId: string): ServicePrincipal {
  return {
    id: app.objectId,
    deletedDateTime: null,
    accountEnabled: true,
    appDisplayName: app.displayName,
    appDescription: null,
    appId: app.appId,
    appOwnerOrganizationId: tenantId,
    appRoleAssignmentRequired: false,
    appRoles: roles.filter((r) => r.id !== DEFAULT_ACCESS_ROLE).map(renderAppRole),
    description: null,
    displayName: app.displayName,
    homepage: null,
    loginUrl: null,
    logoutUrl: null,
    notes: null,
    preferredSingleSignOnMode: null,
    replyUrls: [],
    servicePrincipalNames: [app.appId],
    servicePrincipalType: 'Application',
    signInAudience: 'AzureADMyOrg',
    tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
  };
}

function renderAppRole(r: TenantAppRole): AppRole {
  return {
    allowedMemberTypes: ['User'],
    description: r.displayName,
    displayName: r.displayName,
    id: r.id,
    isEnabled: true,
    origin: 'Application',
    value: r.value || null,
  };
}

export function renderAppRoleAssignment(
  role: TenantAppRole,
  app: TenantApp,
  principal: { type: 'User' | 'Group'; id: string; displayName: string },
  createdAt: string,
): AppRoleAssignment {
  return {
    id: opaqueId(`${app.objectId}:${principal.id}:${role.id}`),
    deletedDateTime: null,
    appRoleId: role.id,
    createdDateTime: createdAt,
    principalDisplayName: principal.displayName,
    principalId: principal.id,
    principalType: principal.type,
    resourceDisplayName: app.displayName,
    resourceId: app.objectId,
  };
}

/** Entra's unified role assignment ids: the role definition and principal GUIDs, base64url, then `-1`. */
export function roleAssignmentId(roleDefinitionId: string, principalId: string): string {
  return `${Buffer.concat([guidBytes(roleDefinitionId), guidBytes(principalId)]).toString('base64url')}-1`;
}

/** appRoleAssignment ids are 43 base64url characters. */
function opaqueId(seed: string): string {
  return createHash('sha256').update(seed).digest('base64url').slice(0, 43);
}

/** Group `securityIdentifier`: `S-1-12-1-` + the GUID's .NET byte layout read as four little-endian uint32. */
export function securityIdentifier(objectId: string): string {
  const b = guidBytes(objectId);
  return `S-1-12-1-${[0, 4, 8, 12].map((o) => b.readUInt32LE(o)).join('-')}`;
}

/** A GUID's bytes in .NET order (first three groups little-endian), as Entra encodes them. */
function guidBytes(guid: string): Buffer {
  const hex = guid.replace(/-/g, '');
  const b = Buffer.from(hex, 'hex');
  return Buffer.concat([
    Buffer.from(b.subarray(0, 4)).reverse(),
    Buffer.from(b.subarray(4, 6)).reverse(),
    Buffer.from(b.subarray(6, 8)).reverse(),
    b.subarray(8),
  ]);
}
