/**
 * What the connector's identity-based policy allows, as action patterns (`iam:List*`, `sts:AssumeRole`),
 * matched like IAM matches them: case-insensitive, `*` and `?` wildcards. A `partial-consent` fault's
 * `missing=` takes actions away (an explicit deny, in effect).
 */

/** Every read a sync connector makes (baton-aws asks for the iam List and Get actions, identitystore List, sts:AssumeRole). */
export const DEFAULT_READ_ACTIONS = [
  'iam:List*',
  'iam:Get*',
  'identitystore:List*',
  'identitystore:Describe*',
  'identitystore:Get*',
  'sts:AssumeRole',
] as const;

/** The writes membership provisioning makes; allowed by default only with `writeBack`. */
export const WRITE_ACTIONS = ['iam:AddUserToGroup', 'iam:RemoveUserFromGroup'] as const;

export class ActionPolicy {
  private readonly allow: RegExp[];
  private readonly deny: RegExp[];

  constructor(
    readonly patterns: readonly string[],
    readonly denied: readonly string[] = [],
  ) {
    this.allow = patterns.map(toRegExp);
    this.deny = denied.map(toRegExp);
  }

  without(actions: Iterable<string>): ActionPolicy {
    return new ActionPolicy(this.patterns, [...this.denied, ...actions]);
  }

  allows(action: string): boolean {
    return this.allow.some((re) => re.test(action)) && !this.deny.some((re) => re.test(action));
  }
}

export function defaultAllowedActions(writeBack: boolean): string[] {
  return [...DEFAULT_READ_ACTIONS, ...(writeBack ? WRITE_ACTIONS : [])];
}

/** `missing=iam:ListGroups|iam:GetGroup` (also `+` or space separated; `,` separates fault keys). */
export function parseMissing(value: string | undefined): string[] {
  return (value ?? '').split(/[|+\s]+/).filter(Boolean);
}

/**
 * IAM's denial wording (reference C3): `User: <arn> is not authorized to perform: iam:ListUsers on
 * resource: <arn> because no identity-based policy allows the iam:ListUsers action`.
 */
export function notAuthorizedMessage(callerArn: string, action: string, resource: string): string {
  return `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}

function toRegExp(pattern: string): RegExp {
  const body = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}
