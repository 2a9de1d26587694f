import { describe, expect, it } from 'vitest';
import { AwsFailure } from '../failure.js';
import { assumeRoleRequest } from './assume-role-request.js';

const ARN = 'arn:aws:iam::123456789012:role/Demo';

function message(params: Record<string, string>): string {
  try {
    assumeRoleRequest(new URLSearchParams(params));
  } catch (error) {
    if (error instanceof AwsFailure) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'ok';
}

describe('assumeRoleRequest', () => {
  it('defaults DurationSeconds to 3600 and keeps an ExternalId', () => {
    expect(assumeRoleRequest(new URLSearchParams({ RoleArn: ARN, RoleSessionName: 'run', ExternalId: 'x-123' }))).toEqual({
      roleArn: ARN,
      sessionName: 'run',
      durationSeconds: 3600,
      externalId: 'x-123',
    });
  });

  it('validates with Smithy wording', () => {
    expect(message({ RoleSessionName: 'run' })).toBe(
      "ValidationError: 1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    );
    expect(message({ RoleArn: ARN, RoleSessionName: 'bad name' })).toBe(
      "ValidationError: 1 validation error detected: Value 'bad name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
    expect(message({ RoleArn: ARN, RoleSessionName: 'run', DurationSeconds: '43201' })).toBe(
      "ValidationError: 1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    );
    expect(message({ RoleArn: ARN, RoleSessionName: 'run', DurationSeconds: '43200' })).toBe('ok');
  });
});
