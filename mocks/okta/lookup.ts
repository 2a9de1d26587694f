/** Tenant objects by the ids (or, for users, the login) Okta paths carry; a 404 E0000007 when none. */
import type { TenantApp, TenantGroup, TenantUser } from '../tenant/model.js';
import type { OktaEnv } from './env.js';
import { seqOfOktaId } from './ids.js';
import { oktaErrors } from './wire/errors.js';

export function userByIdOrLogin(env: OktaEnv, key: string): TenantUser {
  const seq = seqOfOktaId(env.ctx.seed, 'user', key);
  const user = seq === undefined ? (key.includes('@') ? env.ctx.tenant.findUser(key) : undefined) : env.ctx.tenant.user(seq);
  if (!user) throw oktaErrors.notFound(key, 'User');
  return user;
}

export function groupById(env: OktaEnv, id: string): TenantGroup {
  const seq = seqOfOktaId(env.ctx.seed, 'group', id);
  const group = seq === undefined ? undefined : env.ctx.tenant.group(seq);
  if (!group) throw oktaErrors.notFound(id, 'UserGroup');
  return group;
}

export function appById(env: OktaEnv, id: string): TenantApp {
  const seq = seqOfOktaId(env.ctx.seed, 'app', id);
  // Apps are listed, not looked up, by the store: page to the seq (apps are few).
  const app = seq === undefined ? undefined : env.ctx.tenant.apps({ after: seq - 1, limit: 1 }).items.find((a) => a.seq === seq);
  if (!app) throw oktaErrors.notFound(id, 'AppInstance');
  return app;
}
