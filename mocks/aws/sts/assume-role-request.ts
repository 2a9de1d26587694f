/**
 * AssumeRole's parameters, validated as STS validates them: RoleArn 20 to 2048 characters,
 * RoleSessionName 2 to 64 of `[\w+=,.@-]`, DurationSeconds 900 to 43200 (default 3600), ExternalId
 * 2 to 1224 when given. Failures are ValidationError with Smithy's wording.
 */
import { AwsFailure, constraintMessage } from '../failure.js';

export interface AssumeRoleAsk {
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  externalId?: string;
}

const MIN_DURATION = 900;
const MAX_DURATION = 43_200;
const DEFAULT_DURATION = 3600;

export function assumeRoleRequest(params: URLSearchParams): AssumeRoleAsk {
  const invalid = (value: unknown, member: string, constraint: string) =>
    new AwsFailure(400, 'ValidationError', constraintMessage(value, member, constraint));
  const roleArn = params.get('RoleArn');
  if (roleArn === null) throw invalid(undefined, 'roleArn', 'Member must not be null');
  if (roleArn.length < 20) throw invalid(roleArn, 'roleArn', 'Member must have length greater than or equal to 20');
  if (roleArn.length > 2048) throw invalid(roleArn, 'roleArn', 'Member must have length less than or equal to 2048');
  const sessionName = params.get('RoleSessionName');
  if (sessionName === null) throw invalid(undefined, 'roleSessionName', 'Member must not be null');
  if (sessionName.length < 2) throw invalid(sessionName, 'roleSessionName', 'Member must have length greater than or equal to 2');
  if (sessionName.length > 64) throw invalid(sessionName, 'roleSessionName', 'Member must have length less than or equal to 64');
  if (!/^[\w+=,.@-]*$/.test(sessionName))
    throw invalid(sessionName, 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
  const durationText = params.get('DurationSeconds');
  const durationSeconds = durationText === null ? DEFAULT_DURATION : Number(durationText);
  if (!Number.isInteger(durationSeconds) || durationSeconds < MIN_DURATION) {
    throw invalid(durationText, 'durationSeconds', `Member must have value greater than or equal to ${MIN_DURATION}`);
  }
  if (durationSeconds > MAX_DURATION) throw invalid(durationText, 'durationSeconds', `Member must have value less than or equal to ${MAX_DURATION}`);
  const externalId = params.get('ExternalId') ?? undefined;
  if (externalId !== undefined && (externalId.length < 2 || externalId.length > 1224)) {
    throw invalid(
      externalId,
      'externalId',
      externalId.length < 2 ? 'Member must have length greater than or equal to 2' : 'Member must have length less than or equal to 1224',
    );
  }
  return { roleArn, sessionName, durationSeconds, ...(externalId !== undefined ? { externalId } : {}) };
}
