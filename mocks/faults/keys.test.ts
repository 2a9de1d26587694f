import { describe, expect, it } from 'vitest';
import { BAD_PAGINATION_MODES } from '../core/paging/pager.js';
import { QUOTA_REASONS as GOOGLE_QUOTA_REASONS } from '../google/directory/errors.js';
import { SCIM_BAD_PAGINATION_MODES } from '../scim/listing/bad-pagination.js';
import { OKTA_THROTTLE_REASONS } from '../okta/index.js';
import { PAGINATION_MODES, providerValues } from './keys.js';
import { parseFaultSpec } from './spec.js';

// keys.ts sits below the providers, so it spells their value lists out; these keep the copies true.
describe('the value lists keys.ts checks against', () => {
  it("bad-pagination modes are every provider's modes", () => {
    expect([...PAGINATION_MODES].sort()).toEqual([...new Set([...BAD_PAGINATION_MODES, ...SCIM_BAD_PAGINATION_MODES])].sort());
  });

  it("throttle reasons are every provider's, read from their descriptors", () => {
    expect(providerValues('throttle.reason')).toEqual([...GOOGLE_QUOTA_REASONS, ...OKTA_THROTTLE_REASONS]);
    expect(providerValues('revoked-credential.reason')).toEqual(['secret-deleted', 'app-disabled', 'app-deleted']);
    expect(providerValues('nosuch.key')).toEqual([]);
  });

  it("the spec parser takes a provider's own value and names all of them for an unknown one", () => {
    expect(parseFaultSpec('throttle:reason=concurrent,provider=okta').params.reason).toBe('concurrent');
    expect(() => parseFaultSpec('throttle:reason=sideways')).toThrow(/userRateLimitExceeded.*concurrent/);
  });
});
