import { describe, expect, it } from 'vitest';
import { URN } from '../schema/urns.js';
import { ScimFailure } from '../wire/errors.js';
import { readMemberOps } from './member-ops.js';

const body = (...Operations: unknown[]) => ({ schemas: [URN.patchOp], Operations });

function failure(b: unknown): ScimFailure {
  try {
    readMemberOps(b);
  } catch (error) {
    if (error instanceof ScimFailure) return error;
    throw error;
  }
  throw new Error('expected a ScimFailure');
}

describe('readMemberOps', () => {
  it("reads Entra's capitalised ops, with and without a path", () => {
    expect(
      readMemberOps(
        body(
          { op: 'Add', path: 'members', value: [{ value: 'u1' }, { value: 'g2' }] },
          { op: 'Remove', path: 'members', value: [{ value: 'u3' }] },
          { op: 'add', value: { Members: [{ value: 'u4' }] } },
          { op: 'REPLACE', path: 'members', value: [] },
        ),
      ),
    ).toEqual([
      { kind: 'add', values: ['u1', 'g2'] },
      { kind: 'remove', values: ['u3'] },
      { kind: 'add', values: ['u4'] },
      { kind: 'replace', values: [] },
    ]);
  });

  it('reads a filtered remove and a remove of every member', () => {
    const [where, all] = readMemberOps(body({ op: 'remove', path: 'members[value eq "u1"]' }, { op: 'remove', path: 'members' }));
    expect(where).toMatchObject({ kind: 'removeWhere', path: 'members[value eq "u1"]', filter: { kind: 'test' } });
    expect(all).toEqual({ kind: 'removeAll' });
  });

  it.each([
    ['no PatchOp schema', { Operations: [{ op: 'add', path: 'members', value: [] }] }, 400, 'invalidSyntax'],
    ['empty Operations', body(), 400, 'invalidSyntax'],
    ['unknown op', body({ op: 'move', path: 'members' }), 400, 'invalidSyntax'],
    ['remove without path', body({ op: 'remove' }), 400, 'noTarget'],
    ['member without value', body({ op: 'add', path: 'members', value: [{ display: 'x' }] }), 400, 'invalidValue'],
    ['unknown attribute', body({ op: 'add', path: 'owners', value: [] }), 400, 'invalidPath'],
    ['broken path', body({ op: 'remove', path: 'members[value eq "x"' }), 400, 'invalidPath'],
    ['a rename', body({ op: 'replace', path: 'displayName', value: 'x' }), 501, undefined],
    ['a rename without path', body({ op: 'replace', value: { displayName: 'x' } }), 501, undefined],
  ])('refuses %s', (_name, b, status, scimType) => {
    const error = failure(b);
    expect(error.status).toBe(status);
    expect(error.scimType).toBe(scimType);
  });
});
