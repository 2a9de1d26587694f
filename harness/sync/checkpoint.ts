/**
 * The sync token the engine stores in `v1_sync_runs.sync_token` as it goes. The SDK stores its own
 * action-stack JSON there; this is a smaller, readable stand-in holding what a resume needs: how many
 * actions are done and which listing, at which page, was running.
 */
type ActionKind = 'resource_types' | 'resources' | 'entitlements' | 'grants';

export interface Action {
  op: ActionKind;
  resource_type_id?: string;
  resource_id?: string;
  /** The parent of a child-resource listing, `<type>/<id>`. */
  parent?: string;
}

export interface Checkpoint {
  completed_actions_count: number;
  current_action?: Action & { page_token: string };
}

export function checkpointToken(checkpoint: Checkpoint): string {
  return JSON.stringify(checkpoint);
}

/** `entitlements user/u1`: an action as warning messages name it. */
export function describeAction(action: Action): string {
  const target = action.resource_id ? `${action.resource_type_id}/${action.resource_id}` : (action.resource_type_id ?? '');
  return [action.op, target, action.parent ? `(parent ${action.parent})` : ''].filter(Boolean).join(' ');
}
