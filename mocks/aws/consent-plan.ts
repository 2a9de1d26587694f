/**
 * Repro's `partial-consent` fault for a refused AWS read: the IAM action the refusal names, else the first
 * listing the log never reported, else iam:ListGroups.
 */
import type { PermissionClues, PermissionPlan } from '../core/provider-descriptor.js';

/** The reference connector's listing order, each type with the action it needs. */
const TYPES: [string, string][] = [
  ['iam_user', 'iam:ListUsers'],
  ['group', 'iam:ListGroups'],
  ['role', 'iam:ListRoles'],
  ['sso_user', 'identitystore:ListUsers'],
  ['sso_group', 'identitystore:ListGroups'],
];

export function awsConsentPlan(clues: PermissionClues): PermissionPlan {
  const named = clues.named ?? clues.refusal?.permission;
  if (named && /^(iam|identitystore):\w+$/.test(named))
    return {
      fault: `partial-consent:missing=${named}`,
      permission: named,
      how: clues.named ? 'given with --missing' : `named by the refusal (line ${clues.refusal!.line})`,
    };
  const unlisted = TYPES.find(([type]) => clues.listed && !clues.listed.includes(type));
  const [type, action] = clues.listed && unlisted ? unlisted : TYPES[1]!;
  const how =
    clues.listed && unlisted
      ? `the first listing the log never reported (${type})`
      : 'not named in the report: iam:ListGroups assumed (edit missing=)';
  return { fault: `partial-consent:missing=${action}`, permission: action, how };
}
