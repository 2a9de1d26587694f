import { describe, expect, it } from 'vitest';
import { checkpointToken, describeAction } from './checkpoint.js';

describe('checkpoint', () => {
  it('serializes the checkpoint as compact JSON with snake_case keys', () => {
    expect(
      checkpointToken({
        completed_actions_count: 3,
        current_action: { op: 'grants', resource_type_id: 'group', resource_id: 'g1', page_token: 'p2' },
      }),
    ).toBe('{"completed_actions_count":3,"current_action":{"op":"grants","resource_type_id":"group","resource_id":"g1","page_token":"p2"}}');
  });

  it('names actions for warnings', () => {
    expect(describeAction({ op: 'entitlements', resource_type_id: 'user', resource_id: 'u1' })).toBe('entitlements user/u1');
    expect(describeAction({ op: 'resources', resource_type_id: 'team', parent: 'org/o1' })).toBe('resources team (parent org/o1)');
    expect(describeAction({ op: 'resource_types' })).toBe('resource_types');
  });
});
