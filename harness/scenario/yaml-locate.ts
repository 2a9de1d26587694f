/**
 * Where a field path is in the YAML source: walks the document's nodes (which keep their offsets) along the
 * path and gives 1-based line and column. A missing field points at the nearest enclosing node that exists.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Path } from './issue-message.js';

export interface Position {
  line: number;
  col: number;
}

export function locate(doc: Document, lines: LineCounter, path: Path, at: 'key' | 'value' = 'value'): Position {
  let node: unknown = doc.contents;
  let found: Node | undefined = isNode(node) ? node : undefined;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === String(segment));
      if (!pair) break;
      const key = isNode(pair.key) ? pair.key : undefined;
      const value = isNode(pair.value) ? pair.value : undefined;
      if (last && at === 'key') {
        found = key ?? found;
        break;
      }
      found = value ?? key ?? found;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!isNode(item)) break;
      found = item;
      node = item;
    } else {
      break;
    }
  }
  const offset = found?.range?.[0] ?? 0;
  return lines.linePos(offset);
}

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && 'range' in value;
}
