/**
 * IAM entities as list members and result elements, with the fields and order IAM's answers use
 * (reference C2). List operations leave Tags and PermissionsBoundary out, as IAM does.
 */
import type { Policy, TenantGroup, TenantUser } from '../../tenant/model.js';
import type { ConnectorUser } from '../credentials.js';
import { x, type Xml } from '../query/xml.js';
import type { IamDirectory, IamRole } from './directory.js';

export type Fields = Array<Xml | undefined>;

export function userFields(dir: IamDirectory, u: TenantUser): Fields {
  return [x('Path', dir.userPath(u)), x('UserName', dir.userName(u)), x('UserId', u.awsId), x('Arn', dir.userArn(u)), x('CreateDate', dir.createDate(u))];
}

export function connectorUserFields(u: ConnectorUser): Fields {
  return [x('Path', u.path), x('UserName', u.userName), x('UserId', u.userId), x('Arn', u.arn), x('CreateDate', u.createDate)];
}

export function groupFields(dir: IamDirectory, g: TenantGroup): Fields {
  return [x('Path', '/'), x('GroupName', dir.groupName(g)), x('GroupId', g.awsId), x('Arn', dir.groupArn(g)), x('CreateDate', dir.createDate(g))];
}

/** The trust policy goes out URL-encoded, as IAM sends it (clients must decodeURIComponent it). */
export function roleFields(r: IamRole): Fields {
  return [
    x('Path', r.path),
    x('RoleName', r.roleName),
    x('RoleId', r.roleId),
    x('Arn', r.arn),
    x('CreateDate', r.createDate),
    x('AssumeRolePolicyDocument', encodeURIComponent(r.trustPolicy)),
    x('Description', r.description),
    x('MaxSessionDuration', r.maxSessionDuration),
  ];
}

export function policyFields(dir: IamDirectory, p: Policy): Fields {
  const created = dir.policyCreateDate(p);
  return [
    x('PolicyName', dir.policyName(p)),
    x('PolicyId', p.awsId),
    x('Arn', dir.policyArn(p)),
    x('Path', dir.policyPath(p)),
    x('DefaultVersionId', 'v1'),
    x('AttachmentCount', dir.attachmentCount(p.seq)),
    x('PermissionsBoundaryUsageCount', 0),
    x('IsAttachable', true),
    x('CreateDate', created),
    x('UpdateDate', created),
  ];
}

export function attachedPolicyFields(dir: IamDirectory, p: Policy): Fields {
  return [x('PolicyName', dir.policyName(p)), x('PolicyArn', dir.policyArn(p))];
}
