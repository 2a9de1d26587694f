/**
 * Where an unfinished sync stopped, from its `sync_token`. Three shapes are read: the Go SDK's action
 * stack (`current_action` + `actions`, pkg/sync/state.go), its newer map form (`actions_map`,
 * `action_order`, `current_action_id`), and this harness's engine checkpoint (harness/sync/checkpoint.ts,
 * `op` instead of `operation`).
 */

export interface StoppedAt {
  /** The SDK's operation name (`list-grants`) or the engine's (`grants`). */
  operation: string;
  /** resource-types, resources, entitlements, grants, grant-expansion...: the step in plain words. */
  step: string;
  resourceType?: string;
  resourceId?: string;
  parent?: string;
  pageToken?: string;
  completedActions?: number;
  /** Actions still queued behind the current one, as `step type/id`. */
  pending: string[];
}

const STEPS: Record<string, string> = {
  'list-resource-types': 'resource-types',
  resource_types: 'resource-types',
  'list-resources': 'resources',
  resources: 'resources',
  'list-entitlements': 'entitlements',
  'list-static-entitlements': 'entitlements',
  entitlements: 'entitlements',
  'list-grants': 'grants',
  grants: 'grants',
  'grant-expansion': 'grant-expansion',
  'fetch-assets': 'assets',
  'list-external-resources': 'external-resources',
  'targeted-resource-sync': 'resources',
};

type RawAction = Record<string, unknown>;

/** Undefined when the token is empty or not a token this reader knows. */
export function decodeSyncToken(token: string): StoppedAt | undefined {
  if (!token.trim()) return undefined;
  let state: Record<string, unknown>;
  try {
    state = JSON.parse(token) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!state || typeof state !== 'object') return undefined;
  const { current, pending } = actions(state);
  if (!current) return undefined;
  const completed = Number(state.completed_actions_count ?? 0);
  return { ...describe(current), completedActions: Number.isFinite(completed) ? completed : undefined, pending: pending.map(label) };
}

function actions(state: Record<string, unknown>): { current?: RawAction; pending: RawAction[] } {
  if (state.actions_map && typeof state.actions_map === 'object') {
    const map = state.actions_map as Record<string, RawAction>;
    const order = Array.isArray(state.action_order) ? (state.action_order as string[]) : Object.keys(map);
    const currentId = String(state.current_action_id ?? order.at(-1) ?? '');
    return {
      current: map[currentId],
      pending: order
        .filter((id) => id !== currentId)
        .map((id) => map[id]!)
        .filter(Boolean)
        .reverse(),
    };
  }
  const stack = Array.isArray(state.actions) ? (state.actions as RawAction[]) : [];
  // The SDK pushes onto the end and pops from it: what runs next is the last entry.
  return { current: state.current_action as RawAction | undefined, pending: [...stack].reverse() };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function describe(action: RawAction): Omit<StoppedAt, 'pending' | 'completedActions'> {
  const operation = text(action.operation) ?? text(action.op) ?? 'unknown';
  const parentType = text(action.parent_resource_type_id);
  const parentId = text(action.parent_resource_id);
  const parent = text(action.parent) ?? (parentType && parentId ? `${parentType}/${parentId}` : undefined);
  const result: Omit<StoppedAt, 'pending' | 'completedActions'> = { operation, step: STEPS[operation] ?? operation };
  const resourceType = text(action.resource_type_id);
  const resourceId = text(action.resource_id);
  const pageToken = text(action.page_token);
  if (resourceType) result.resourceType = resourceType;
  if (resourceId) result.resourceId = resourceId;
  if (parent) result.parent = parent;
  if (pageToken) result.pageToken = pageToken;
  return result;
}

function label(action: RawAction): string {
  const d = describe(action);
  const target = d.resourceId ? `${d.resourceType}/${d.resourceId}` : d.resourceType;
  return target ? `${d.step} ${target}` : d.step;
}

/** `grants of group/g1 (page token abc)`: one line for a person. */
export function stoppedAtLine(s: StoppedAt): string {
  const target = s.resourceId ? `${s.resourceType}/${s.resourceId}` : s.resourceType ? `every ${s.resourceType}` : 'every resource type';
  const scope = s.step === 'resource-types' || s.step === 'grant-expansion' ? '' : ` of ${target}`;
  return `${s.step}${scope}${s.parent ? ` (parent ${s.parent})` : ''}${s.pageToken ? ` at page token ${s.pageToken}` : ''}`;
}
