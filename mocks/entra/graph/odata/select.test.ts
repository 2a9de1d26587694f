import { describe, expect, it } from 'vitest';
import { contextProjection, project } from './select.js';

describe('$select projection', () => {
  const obj = { '@odata.type': '#microsoft.graph.user', id: 'u1', displayName: 'Ada', mail: null, secret: 'x' };

  it('keeps only the selected properties, null for unset ones, and the member type', () => {
    expect(project(obj, ['displayName', 'jobTitle'], ['id'])).toEqual({ '@odata.type': '#microsoft.graph.user', displayName: 'Ada', jobTitle: null });
  });

  it('falls back to the type defaults without $select', () => {
    expect(project(obj, undefined, ['id', 'mail'])).toEqual({ '@odata.type': '#microsoft.graph.user', id: 'u1', mail: null });
  });

  it('names select and expand in the context fragment', () => {
    expect(contextProjection(['id', 'displayName'])).toBe('(id,displayName)');
    expect(contextProjection(undefined, ['principal'])).toBe('(principal())');
    expect(contextProjection(undefined)).toBe('');
  });
});
