import { describe, expect, it } from 'vitest';
import { ConnectorHttpError, SyncError, dispositionOf, grpcCodeForStatus } from './sync-errors.js';

describe('grpcCodeForStatus (uhttp mapping)', () => {
  it.each([
    [400, 'InvalidArgument'],
    [401, 'Unauthenticated'],
    [403, 'PermissionDenied'],
    [404, 'NotFound'],
    [408, 'DeadlineExceeded'],
    [409, 'AlreadyExists'],
    [418, 'InvalidArgument'],
    [429, 'Unavailable'],
    [500, 'Unavailable'],
    [501, 'Unimplemented'],
    [502, 'Unavailable'],
    [503, 'Unavailable'],
    [504, 'Unavailable'],
    [599, 'Unavailable'],
  ])('%i ⇒ %s', (status, code) => {
    expect(grpcCodeForStatus(status)).toBe(code);
  });
});

describe('dispositionOf', () => {
  it('retries rate limits and server errors, warns on 404, aborts on auth failures', () => {
    expect(dispositionOf(new ConnectorHttpError(429))).toBe('retry');
    expect(dispositionOf(new ConnectorHttpError(503))).toBe('retry');
    expect(dispositionOf(new ConnectorHttpError(408))).toBe('retry');
    expect(dispositionOf(new ConnectorHttpError(404))).toBe('warn');
    expect(dispositionOf(new ConnectorHttpError(401))).toBe('abort');
    expect(dispositionOf(new ConnectorHttpError(403))).toBe('abort');
    expect(dispositionOf(new ConnectorHttpError(400))).toBe('abort');
  });

  it('aborts on errors without a code, as the SDK does on an unknown gRPC status', () => {
    expect(dispositionOf(new Error('boom'))).toBe('abort');
    expect(dispositionOf(new SyncError('Internal', 'x'))).toBe('abort');
  });

  it('gives the HTTP status line as the message unless told otherwise', () => {
    expect(new ConnectorHttpError(503).message).toBe('503 Service Unavailable');
    expect(new ConnectorHttpError(401, { message: 'token expired' }).message).toBe('token expired');
  });
});
