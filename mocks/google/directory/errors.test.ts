import { describe, expect, it } from 'vitest';
import { directoryErrorBody, directoryErrors } from './errors.js';

describe('Directory API error bodies', () => {
  it('puts the reason in errors[0] with the canonical status', () => {
    expect(directoryErrorBody(directoryErrors.forbidden())).toEqual({
      error: {
        code: 403,
        message: 'Not Authorized to access this resource/api',
        errors: [{ message: 'Not Authorized to access this resource/api', domain: 'global', reason: 'forbidden' }],
        status: 'PERMISSION_DENIED',
      },
    });
  });

  it('locates a 401 in the Authorization header', () => {
    const body = directoryErrorBody(directoryErrors.authError()) as { error: { errors: Array<Record<string, string>>; status: string } };
    expect(body.error.errors[0]).toEqual({
      message: 'Invalid Credentials',
      domain: 'global',
      reason: 'authError',
      location: 'Authorization',
      locationType: 'header',
    });
    expect(body.error.status).toBe('UNAUTHENTICATED');
  });

  it('renders quota reasons with their documented statuses', () => {
    expect(directoryErrors.quota('userRateLimitExceeded').status).toBe(403);
    expect(directoryErrors.quota('quotaExceeded').status).toBe(403);
    const rate = directoryErrorBody(directoryErrors.quota('rateLimitExceeded')) as {
      error: { code: number; errors: Array<Record<string, string>>; status: string };
    };
    expect(rate.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED', errors: [{ reason: 'rateLimitExceeded', domain: 'usageLimits' }] });
  });

  it('names the offending parameter of a range error', () => {
    const body = directoryErrorBody(directoryErrors.invalidValue('maxResults', '501', 'Values must be within the range: [1, 500]')) as {
      error: { message: string; errors: Array<Record<string, string>> };
    };
    expect(body.error.message).toBe("Invalid value '501'. Values must be within the range: [1, 500]");
    expect(body.error.errors[0]).toMatchObject({ reason: 'invalid', location: 'maxResults', locationType: 'parameter' });
  });
});
