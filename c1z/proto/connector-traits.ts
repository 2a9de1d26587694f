/**
 * Traits: the annotations that say what kind of principal or object a Resource is (user, group, role, app,
 * secret); generated from c1/connector/v2/traits.proto. The user's two nested enums keep the short names
 * callers knew them by before the schema was generated.
 */
export * from './c1/connector/v2/traits_pb.js';
export { UserTrait_Status_Status as UserStatus, UserTrait_AccountType as AccountType } from './c1/connector/v2/traits_pb.js';
