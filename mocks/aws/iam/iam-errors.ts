/** The IAM errors actions raise, worded as IAM words them (API reference; marker wording see list-page.ts). */
import { AwsFailure, constraintMessage } from '../failure.js';

export const iamErrors = {
  noSuchUser: (name: string) => new AwsFailure(404, 'NoSuchEntity', `The user with name ${name} cannot be found.`),
  noSuchGroup: (name: string) => new AwsFailure(404, 'NoSuchEntity', `The group with name ${name} cannot be found.`),
  noSuchRole: (name: string) => new AwsFailure(404, 'NoSuchEntity', `The role with name ${name} cannot be found.`),
  validation: (message: string) => new AwsFailure(400, 'ValidationError', message),
  /**
   * A Marker IAM cannot use. Wording not verified on the wire: clients report an "Invalid Marker" error
   * (trek10inc/awsets#21, a ListUsers marker sent to ListAccessKeys) and emulators answer ValidationError
   * "Invalid Marker.".
   */
  invalidMarker: () => new AwsFailure(400, 'ValidationError', 'Invalid Marker.'),
};

/** Names IAM accepts (`[\w+=,.@-]+`, 1 to `max` characters). */
const NAME = /^[\w+=,.@-]+$/;

/** A required name parameter, validated the way IAM validates it. */
export function requiredName(params: URLSearchParams, param: string, max = 128): string {
  const value = params.get(param);
  const member = param.charAt(0).toLowerCase() + param.slice(1);
  if (value === null) throw iamErrors.validation(constraintMessage(undefined, member, 'Member must not be null'));
  if (value.length < 1 || value.length > max)
    throw iamErrors.validation(constraintMessage(value, member, `Member must have length less than or equal to ${max}`));
  if (!NAME.test(value)) throw iamErrors.validation(constraintMessage(value, member, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+'));
  return value;
}
