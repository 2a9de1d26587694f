import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { locate } from './yaml-locate.js';

const text = 'name: t\nexpect:\n  counts:\n    user: { min: 10, max: 5 }\nconnectors:\n  - builtin:entra\n  - command: [x, "{nope}"]\n';
const lines = new LineCounter();
const doc = parseDocument(text, { lineCounter: lines });

describe('locate', () => {
  it('finds values through maps, flow maps and lists', () => {
    expect(locate(doc, lines, ['expect', 'counts', 'user', 'max'])).toEqual({ line: 4, col: 27 });
    expect(locate(doc, lines, ['connectors', 1, 'command', 1])).toEqual({ line: 7, col: 18 });
  });

  it('points at the key itself when asked', () => {
    expect(locate(doc, lines, ['expect', 'counts'], 'key')).toEqual({ line: 3, col: 3 });
  });

  it('falls back to the nearest enclosing node for a missing field', () => {
    expect(locate(doc, lines, ['expect', 'outcome'])).toEqual({ line: 3, col: 3 });
    expect(locate(doc, lines, ['connectors', 9])).toEqual({ line: 6, col: 3 });
  });
});
