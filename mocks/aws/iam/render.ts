/**
 * IAM entities as list members and result elements, with the fields and order IAM's answers use
 * (reference C2). List operations leave Tags and PermissionsBoundary out, as IAM does.
 */
import type { AttachedPolicy, Group, Policy as IamPolicy, Role, User } from '@aws-sdk/client-iam';
import type { Policy, TenantGroup, TenantUser } from '../../tenant/model.js';
import type { ConnectorUser } from '../credentials.js';
import { x, type Xml } from '../query/xml.js';
import type { OnQueryWire } from '../sdk-shapes.js';
import type { IamDirectory, IamRole } from './directory.js';

export type Fields = Array<Xml | undefined>;

/** A shape's members as XML elements, in the order written (IAM's own order). */
function fields<T>(members: OnQueryWire<T>): Fields {
  return Object.entries(members).map(([name, value]) => x(name, value as string | number | boolean | undefined));
}

export function userFields(dir: IamDirectory, u: TenantUser): Fields {
  return fields<User>({ Path: dir.userPath(u), UserName: dir.userName(u), UserId: u.awsId, Arn: dir.userArn(u), CreateDate: dir.createDate(u) });
}

export function connectorUserFields(u: ConnectorUser): Fields {
  return fields<User>({ Path: u.path, UserName: u.userName, UserId: u.userId, Arn: u.arn, CreateDate: u.createDate });
}

export function groupFields(dir: IamDirectory, g: TenantGroup): Fields {
  return fields<Group>({ Path: '/', GroupName: dir.groupName(g), GroupId: g.awsId, Arn: dir.groupArn(g), CreateDate: dir.createDate(g) });
}

/** The trust policy goes out URL-encoded, as IAM sends it (clients must decodeURIComponent it). */
export function roleFields(r: IamRole): Fields {
  return fields<Role>({
    Path: r.path,
    RoleName: r.roleName,
    RoleId: r.roleId,
    Arn: r.arn,
    CreateDate: r.createDate,
    AssumeRolePolicyDocument: encodeURIComponent(r.trustPolicy),
    Description: r.description,
    MaxSessionDuration: r.maxSessionDuration,
  });
}

export function policyFields(dir: IamDirectory, p: Policy): Fields {
  const created = dir.policyCreateDate(p);
  return fields<IamPolicy>({
    PolicyName: dir.policyName(p),
    PolicyId: p.awsId,
    Arn: dir.policyArn(p),
    Path: dir.policyPath(p),
    DefaultVersionId: 'v1',
    AttachmentCount: dir.attachmentCount(p.seq),
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: created,
    UpdateDate: created,
  });
}

export function attachedPolicyFields(dir: IamDirectory, p: Policy): Fields {
  return fields<AttachedPolicy>({ PolicyName: dir.policyName(p), PolicyArn: dir.policyArn(p) });
}
