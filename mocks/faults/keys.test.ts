import { describe, expect, it } from 'vitest';
import { BAD_PAGINATION_MODES } from '../core/paging/pager.js';
import { QUOTA_REASONS as GOOGLE_QUOTA_REASONS } from '../google/directory/errors.js';
import { SCIM_BAD_PAGINATION_MODES } from '../scim/listing/bad-pagination.js';
import { PAGINATION_MODES, QUOTA_REASONS } from './keys.js';

// keys.ts sits below the providers, so it spells their value lists out; these keep the copies true.
describe('the value lists keys.ts checks against', () => {
  it('bad-pagination modes are every provider\'s modes', () => {
    expect([...PAGINATION_MODES].sort()).toEqual([...new Set([...BAD_PAGINATION_MODES, ...SCIM_BAD_PAGINATION_MODES])].sort());
  });

  it('throttle reasons are Google\'s quota reasons', () => {
    expect([...QUOTA_REASONS]).toEqual([...GOOGLE_QUOTA_REASONS]);
  });
});
