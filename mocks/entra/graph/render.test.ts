import { describe, expect, it } from 'vitest';
import type { GroupKind, TenantGroup, TenantUser, UserKind } from '../../tenant/model.js';
import { renderGroup, renderUser, roleAssignmentId, securityIdentifier } from './render.js';

const ids = { objectId: '00000001-0002-0003-0405-060708090a0b', googleId: '1', awsId: 'AIDA', scimId: 's' };
const user = (kind: UserKind): TenantUser => ({
  ...ids,
  seq: 1,
  kind,
  enabled: true,
  givenName: 'Ada',
  surname: 'Avery',
  displayName: 'Ada Avery',
  userPrincipalName: kind === 'guest' ? 'ada_partner.test#EXT#@contoso.test' : 'ada@contoso.test',
  mail: 'ada@partner.test',
  jobTitle: 'Engineer',
  department: 'R&D',
  createdAt: '2024-01-01T00:00:00Z',
});
const group = (kind: GroupKind): TenantGroup => ({
  ...ids,
  seq: 1,
  kind,
  displayName: 'G',
  mail: 'g@contoso.test',
  description: 'd',
  createdAt: '2024-01-01T00:00:00Z',
});

describe('render', () => {
  it('renders guests and externals as userType Guest, others as Member', () => {
    expect(renderUser(user('guest'))).toMatchObject({
      userType: 'Guest',
      creationType: 'Invitation',
      externalUserState: 'Accepted',
      mailNickname: 'ada_partner.test',
    });
    expect(renderUser(user('external')).userType).toBe('Guest');
    expect(renderUser(user('member'))).toMatchObject({ userType: 'Member', creationType: null });
    expect(renderUser(user('service')).userType).toBe('Member');
  });

  it('renders group kinds with the right mail/security flags and groupTypes', () => {
    expect(renderGroup(group('security'))).toMatchObject({ securityEnabled: true, mailEnabled: false, mail: null, groupTypes: [] });
    expect(renderGroup(group('microsoft365'))).toMatchObject({
      securityEnabled: false,
      mailEnabled: true,
      mail: 'g@contoso.test',
      groupTypes: ['Unified'],
    });
    expect(renderGroup(group('distribution'))).toMatchObject({ securityEnabled: false, mailEnabled: true, groupTypes: [] });
  });

  it('derives a group SID from its object id the way Entra does', () => {
    // .NET GUID byte order (first three groups reversed), then four little-endian uint32.
    expect(securityIdentifier('00000001-0002-0003-0405-060708090a0b')).toBe('S-1-12-1-1-196610-117835012-185207048');
  });

  it('builds unified role assignment ids from the definition and principal', () => {
    const id = roleAssignmentId('62e90394-69f5-4237-9190-012177145e10', 'b36fb6cb-89a1-4a64-9e68-1d0b0a1dcb7b');
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}-1$/);
    // Graph's docs show ids for this role definition starting `lAPpYvVpN0KRkAEhdxReE`.
    expect(id.startsWith('lAPpYvVpN0KRkAEhdxReE')).toBe(true);
  });
});
