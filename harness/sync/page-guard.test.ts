import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { ResourceIdSchema } from '../../c1z/proto/connector.js';
import { SyncError } from '../../c1z/contract/sync-errors.js';
import { PageGuard, unchangedText } from './page-guard.js';

const users = { kind: 'resources', resourceTypeId: 'user' } as const;

describe('PageGuard', () => {
  it('lets a listing that moves forward and ends pass', () => {
    const guard = new PageGuard(users);
    expect(() => {
      guard.check('', 'a');
      guard.check('a', 'b');
      guard.check('b', '');
    }).not.toThrow();
  });

  it('accepts an empty first token answered by an empty next token (one page)', () => {
    expect(() => new PageGuard(users).check('', '')).not.toThrow();
  });

  it('fails an unchanged token with the SDK text and code Internal', () => {
    const guard = new PageGuard(users);
    let caught: unknown;
    try {
      guard.check('tok', 'tok');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SyncError);
    expect((caught as SyncError).code).toBe('Internal');
    expect((caught as SyncError).message).toBe(
      'listing resources failed: next page token unchanged (token=tok, type=user, parent=<nil>) - likely a connector bug',
    );
  });

  it('catches a cycle the SDK would follow forever', () => {
    const guard = new PageGuard(users);
    guard.check('', 'A');
    guard.check('A', 'B');
    expect(() => guard.check('B', 'A')).toThrow(
      'listing resources failed: pagination cycle detected (token=A was returned earlier in this listing, type=user, parent=<nil>)',
    );
  });

  it('stops an endless listing at the page budget', () => {
    const guard = new PageGuard({ kind: 'grants', resourceTypeId: 'group', resourceId: 'g1' }, { pageBudget: 3 });
    guard.check('', '1');
    guard.check('1', '2');
    expect(() => guard.check('2', '3')).toThrow('listing grants for resource group/g1 failed: page budget exceeded (3 pages, last token=3)');
  });

  it('lets a listing end on exactly its last budgeted page', () => {
    const guard = new PageGuard(users, { pageBudget: 2 });
    guard.check('', '1');
    expect(() => guard.check('1', '')).not.toThrow();
  });
});

describe('unchangedText', () => {
  const parent = create(ResourceIdSchema, { resourceType: 'org', resource: 'o1' });

  it('gives the current texts (SDK ≥ v0.7.0)', () => {
    expect(unchangedText({ kind: 'entitlements', resourceTypeId: 'group', resourceId: 'g1' }, 't', 'current')).toBe(
      'listing entitlements failed: next page token unchanged - likely a connector bug',
    );
    expect(unchangedText({ kind: 'grants', resourceTypeId: 'group', resourceId: 'g1' }, 't', 'current')).toBe(
      'listing grants for resource group/g1 failed: next page token unchanged - likely a connector bug',
    );
    expect(unchangedText({ kind: 'resources', resourceTypeId: 'team', parent }, 't', 'current')).toBe(
      'listing resources failed: next page token unchanged (token=t, type=team, parent=resource_type:"org" resource:"o1") - likely a connector bug',
    );
  });

  it('gives the legacy texts (SDK v0.1.27 … v0.6.x), double space included', () => {
    expect(unchangedText(users, 't', 'legacy')).toBe(
      'error: listing resources failed: next page token is the same as the current page token  with page token t resource type id user and resource parent id: <nil> this is most likely a connector bug',
    );
    expect(unchangedText({ kind: 'entitlements', resourceTypeId: 'group', resourceId: 'g1' }, 't', 'legacy')).toBe(
      'error: listing entitlements failed: next page token is the same as the current page token. this is most likely a connector bug',
    );
    expect(unchangedText({ kind: 'grants', resourceTypeId: 'group', resourceId: 'g1' }, 't', 'legacy')).toBe(
      'error: listing grants for resource group/g1 failed: next page token is the same as the current page token. this is most likely a connector bug',
    );
  });
});
