import { describe, expect, it } from 'vitest';
import { OktaFailure, oktaErrorResponse, oktaErrors } from './errors.js';

describe('Okta error answers', () => {
  it('carry errorLink equal to errorCode, the errorId and an empty errorCauses array', async () => {
    const response = oktaErrorResponse(oktaErrors.invalidToken(), 'oaeABC');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      errorCode: 'E0000011',
      errorSummary: 'Invalid token provided',
      errorLink: 'E0000011',
      errorId: 'oaeABC',
      errorCauses: [],
    });
  });

  it('list causes as objects with their own errorSummary', async () => {
    const body = (await oktaErrorResponse(oktaErrors.invalidFilter('Invalid operator: xx'), 'oae1').json()) as Record<string, unknown>;
    expect(body.errorCauses).toEqual([{ errorSummary: 'Invalid operator: xx' }]);
  });

  it('answer an empty-body failure with no body and its headers only', async () => {
    const response = oktaErrorResponse(new OktaFailure(403, '', '', [], { 'www-authenticate': 'Bearer error="insufficient_scope"' }, true), 'oae1');
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('');
    expect(response.headers.get('content-type')).toBeNull();
    expect(response.headers.get('www-authenticate')).toContain('insufficient_scope');
  });
});
