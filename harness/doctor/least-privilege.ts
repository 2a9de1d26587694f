/**
 * The least-privileged permission each simulated route needs, per provider, as the provider's descriptor
 * declares it (mocks/<provider>/descriptor.ts): a route's kind of data and the permission tables listing
 * the permissions opening each kind, least privileged first. Nothing is built to find out.
 */
import { descriptorOf, isProviderName } from '../../mocks/providers.js';
import type { RunEvidence } from '../../reports/evidence.js';

/** `iam:ListUsers` for `iam.ListUsers`; undefined for routes that need none or no simulated route. */
export function leastPrivilege(provider: RunEvidence['provider'], route: string | undefined): string | undefined {
  if (!route) return undefined;
  const { routes } = descriptorOf(provider);
  return routes.permissions[route] ?? routes.permissionOf?.(route);
}

/** The permission a journal entry's route needs, judged by the provider that answered it. */
export function entryPermission(entry: { provider: string; route?: string }, fallback: RunEvidence['provider']): string | undefined {
  return leastPrivilege(isProviderName(entry.provider) ? entry.provider : fallback, entry.route);
}

/** Every permission that opens some directory read, where the provider has such a table (Entra, Google, AWS). */
export function readPermissions(provider: RunEvidence['provider']): readonly string[] | undefined {
  return descriptorOf(provider).routes.readPermissions;
}
