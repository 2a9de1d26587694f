/**
 * Which permission a refused read was short of, and the `partial-consent` fault that takes exactly that
 * away: from the permission the log names, else from the refused URL, else from the first listing the
 * log never reported. Each provider's descriptor makes the plan from its own permission tables (on Graph
 * any one of several permissions opens users, so removing only the least privileged one would not refuse).
 */
import type { PermissionClues, PermissionPlan } from '../../mocks/core/provider-descriptor.js';
import { descriptorOf } from '../../mocks/providers.js';
import type { ReproProvider } from './symptom-list.js';

export type { PermissionClues, PermissionPlan };

/** Undefined where the provider has no permissions to take away (SCIM's bearer token). */
export function permissionPlan(provider: ReproProvider, clues: PermissionClues): PermissionPlan | undefined {
  return descriptorOf(provider).repro.consentPlan?.(clues);
}
