import { describe, expect, it } from 'vitest';
import { stsDescription, stsErrorBody, stsTimestamp } from './sts-error.js';
import { stsErrors } from './sts-errors.js';

describe('STS error bodies', () => {
  const ids = { traceId: 'trace-1', correlationId: 'corr-1', at: new Date('2030-01-02T03:04:05.678Z') };

  it('formats the timestamp as eSTS does', () => {
    expect(stsTimestamp(ids.at)).toBe('2030-01-02 03:04:05Z');
  });

  it('ends the description with the trace, correlation and timestamp lines', () => {
    expect(stsDescription({ code: 7000222, message: 'expired.' }, ids)).toBe(
      'AADSTS7000222: expired.\r\nTrace ID: trace-1\r\nCorrelation ID: corr-1\r\nTimestamp: 2030-01-02 03:04:05Z',
    );
  });

  it('fills every field @azure/identity builds its message from', () => {
    const body = stsErrorBody(stsErrors.expiredSecret('app-1'), ids, 'https://login.microsoftonline.com');
    expect(body).toEqual({
      error: 'invalid_client',
      error_description: expect.stringMatching(/^AADSTS7000222: The provided client secret keys for app 'app-1' are expired\. /) as unknown,
      error_codes: [7000222],
      timestamp: '2030-01-02 03:04:05Z',
      trace_id: 'trace-1',
      correlation_id: 'corr-1',
      error_uri: 'https://login.microsoftonline.com/error?code=7000222',
    });
  });

  it('uses 401 for client credential failures and 400 for request problems', () => {
    expect(stsErrors.invalidSecret('a').status).toBe(401);
    expect(stsErrors.expiredSecret('a').status).toBe(401);
    expect(stsErrors.unknownTenant('t').status).toBe(400);
    expect(stsErrors.unknownClient('a', 't')).toMatchObject({ status: 400, error: 'unauthorized_client', code: 700016 });
  });
});
