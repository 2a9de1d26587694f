import { describe, expect, it } from 'vitest';
import { closest } from './suggest.js';

describe('closest', () => {
  it('suggests a near key and nothing for a far one', () => {
    expect(closest('tmeout', ['timeout', 'command', 'env'])).toBe('timeout');
    expect(closest('Provider', ['provider', 'name'])).toBe('provider');
    expect(closest('banana', ['timeout', 'command', 'env'])).toBeUndefined();
  });
});
