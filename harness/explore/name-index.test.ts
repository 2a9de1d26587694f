import { describe, expect, it } from 'vitest';
import { NameIndex } from './name-index.js';

function index(): NameIndex {
  const names = new NameIndex();
  names.add({ resourceTypeId: 'user', resourceId: 'u-1', displayName: 'Ada Lovelace' });
  names.add({ resourceTypeId: 'user', resourceId: 'u-2', displayName: 'Alan Turing' });
  names.add({ resourceTypeId: 'group', resourceId: 'g-ada', displayName: 'Engineering' });
  names.add({ resourceTypeId: 'user', resourceId: 'u-1', displayName: 'a duplicate is ignored' });
  return names;
}

describe('NameIndex', () => {
  it('finds by id or display name, in any case, in file order', () => {
    expect(
      index()
        .search('ADA')
        .items.map((r) => r.resourceId),
    ).toEqual(['u-1', 'g-ada']);
    expect(
      index()
        .search('turing')
        .items.map((r) => r.resourceId),
    ).toEqual(['u-2']);
  });

  it('filters by type and pages with the total of all matches', () => {
    const page = index().search('', { resourceTypeId: 'user', offset: 1, limit: 1 });
    expect(page).toEqual({ items: [{ resourceTypeId: 'user', resourceId: 'u-2', displayName: 'Alan Turing' }], total: 2 });
  });

  it('does not match across the id and name boundary', () => {
    expect(index().search('1ada').total).toBe(0);
  });

  it('names a resource by type and id', () => {
    expect(index().displayName('group', 'g-ada')).toBe('Engineering');
    expect(index().displayName('group', 'u-1')).toBeUndefined();
    expect(index().size).toBe(3);
  });
});
