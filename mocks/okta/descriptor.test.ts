import { describe, expect, it } from 'vitest';
import { entryPermission, leastPrivilege } from '../../harness/doctor/least-privilege.js';
import { createContext } from '../core/context.js';
import { Scrubber } from '../../lib/secrets/scrubber.js';
import { providerOfHost } from '../providers.js';
import { createTenant } from '../tenant/store.js';
import type { ProviderDescriptor } from '../core/provider-descriptor.js';
import { okta as registered } from './descriptor.js';

/** Read through the interface the rest of the tool uses. */
const okta: ProviderDescriptor = registered;

describe('the Okta descriptor', () => {
  it('makes SSWS a credential shape for every scrubber once the registry loads', () => {
    expect(new Scrubber().scrub('Authorization: SSWS 00abcdEFGH1234-token_value')).toBe('Authorization: SSWS [redacted]');
  });

  it('owns every org host on okta.com, oktapreview.com and okta-emea.com, and records its own org', () => {
    for (const host of ['acme.okta.com', 'acme-admin.okta.com', 'dev-123.oktapreview.com', 'acme.okta-emea.com'])
      expect(providerOfHost(host).name, host).toBe('okta');
    expect(okta.hosts.owns('okta.com.evil.test')).toBe(false);
    expect(okta.hosts.real({ region: 'us-east-1' })).toEqual(['sync-harness.okta.com']);
  });

  it("answers a fault on a recorded Okta call in Okta's dialect", async () => {
    const ctx = createContext({ tenant: createTenant({ users: 1, groups: 0 }), clock: () => new Date('2026-05-04T10:20:30Z') });
    const runtime = okta.replayRuntime(ctx, 'acme.okta.com', []);
    const call = {
      provider: 'okta',
      route: 'okta.users.list',
      method: 'GET',
      url: new URL('https://acme.okta.com/api/v1/users'),
      headers: new Headers(),
    };
    const response = runtime.dialect.throttle(call, { 'retry-after': '4' });
    expect(response.status).toBe(429);
    expect(((await response.json()) as Record<string, unknown>).errorCode).toBe('E0000047');
    expect(runtime.dialect.waitSeconds?.(response, ctx.clock())).toBe(4);
    ctx.tenant.close();
  });

  it('plans partial consent for a refused read by its scope, path or listing', () => {
    expect(okta.repro.consentPlan!({ named: 'okta.groups.read' }).fault).toBe(
      'partial-consent:missing=okta.groups.read|okta.groups.manage,route=okta.groups.list',
    );
    expect(okta.repro.consentPlan!({ refusal: { line: 3, url: 'https://acme.okta.com/api/v1/users/00u1/roles' } }).permission).toBe(
      'okta.roles.read',
    );
    expect(okta.repro.consentPlan!({ listed: ['user'] }).permission).toBe('okta.groups.read');
  });

  it("names each route's least-privileged scope for the doctor", () => {
    expect(okta.routes.permissions['okta.members.list']).toBe('okta.groups.read');
    expect(okta.routes.permissions['okta.appUsers.list']).toBe('okta.apps.read');
    expect(okta.routes.readPermissions).toContain('okta.users.manage');
    // As the doctor's least-privilege report reads them.
    expect(leastPrivilege('okta', 'okta.userRoles.list')).toBe('okta.roles.read');
    expect(entryPermission({ provider: 'okta', route: 'okta.members.remove' }, 'okta')).toBe('okta.groups.manage');
    expect(leastPrivilege('okta', 'okta.token')).toBeUndefined();
  });
});
