/**
 * Traits: the annotations that say what kind of principal or object a Resource is (user, group, role, app,
 * secret); generated from c1/connector/v2/traits.proto, with the nested names aliased as the code knew them.
 */
export * from './c1/connector/v2/traits_pb.js';
export {
  UserTrait_Status_Status as UserStatus,
  UserTrait_AccountType as AccountType,
  UserTrait_EmailSchema as UserTraitEmailSchema,
  UserTrait_StatusSchema as UserTraitStatusSchema,
} from './c1/connector/v2/traits_pb.js';
export type { UserTrait_Email as UserTraitEmail, UserTrait_Status as UserTraitStatus } from './c1/connector/v2/traits_pb.js';
