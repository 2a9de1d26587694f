import { describe, expect, it } from 'vitest';
import { errorClass } from './error-class.js';

describe('errorClass', () => {
  it('is decided by the most telling finding', () => {
    expect(errorClass({ findings: ['throttled', 'expired-secret'] })).toBe('auth-failure');
    expect(errorClass({ findings: ['throttled', 'permission-missing'] })).toBe('permission-denied');
    expect(errorClass({ findings: ['page-token-unchanged'] })).toBe('pagination-loop');
    expect(errorClass({ findings: ['throttled'], outcome: 'succeeded' })).toBe('throttled');
    expect(errorClass({ findings: ['tls-untrusted'] })).toBe('network');
  });

  it('falls back to the error text when no finding names a cause', () => {
    expect(errorClass({ findings: [], outcome: 'failed', error: 'fetch failed: connection reset (network-error fault)' })).toBe('network');
    expect(errorClass({ findings: ['duplicate-identities'], outcome: 'failed', error: 'GET /v1.0/users: 403: Authorization_RequestDenied' })).toBe(
      'permission-denied',
    );
    expect(errorClass({ findings: [], outcome: 'failed', error: 'something odd' })).toBe('other-failure');
    expect(errorClass({ findings: [], outcome: 'succeeded' })).toBe('none');
  });
});
