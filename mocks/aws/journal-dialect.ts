/**
 * How AWS calls read in a journal. The Query and JSON protocols name the action in the body (every call
 * is `POST /`), so the route (`iam.ListUsers`) names the request; an action reads by its verb; the grant is
 * an IAM policy of action patterns; and IAM answers both a refused action and a key it does not accept with
 * 403 (Identity Store refuses an action with 400 AccessDeniedException), so the policy tells them apart.
 */
import type { Grant, ItemRead, JournalDialect } from '../core/journal-dialect.js';
import { ActionPolicy } from './auth/action-policy.js';

/** `iam.ListUsers` -> `ListUsers`. */
const actionName = (route: string): string => route.slice(route.indexOf('.') + 1);

/** `iam.ListUsers` -> `iam:ListUsers`, as a policy names it. */
const policyAction = (route: string): string => `${route.split('.')[0]}:${actionName(route)}`;

const READ = /^(List|Get|Describe)/;

/** Per-item reads (IAM GetGroup lists members, so it is a listing, not an item read). */
const ITEM = /^(GetUser|GetRole|GetPolicy|DescribeUser|DescribeGroup)$/;

function itemRead(route: string): ItemRead | null {
  const action = actionName(route);
  if (!ITEM.test(action)) return null;
  const noun = action.replace(/^(Get|Describe)/, '');
  return { list: `${route.split('.')[0]}.List${noun}s`, kind: noun === 'User' ? 'user' : noun === 'Group' ? 'group' : 'other' };
}

export const AWS_JOURNAL: JournalDialect = {
  operationInBody: true,
  reads: (route) => READ.test(actionName(route)),
  grant: (granted): Grant => new ActionPolicy(granted),
  refusal(route, status, grant) {
    const allowed = grant.allows(policyAction(route));
    if (status === 403) return allowed ? 'credential' : 'permission';
    return route.startsWith('identitystore.') && status === 400 && !allowed ? 'permission' : undefined;
  },
  itemRead,
};
