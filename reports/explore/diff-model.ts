/** What the diff view shows, as harness/explore/diff-explorer.ts and object-versions.ts answer it and diff-pages.ts renders it. */
import type { Table } from '../diff/report.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface ChangeList {
  table: Table;
  resourceType: string;
  kind: ChangeKind;
  offset: number;
  limit: number;
  /** From the report's per-type counts. */
  total: number;
  items: Array<{ id: string; fields?: string[] }>;
}

export interface ObjectDiff {
  table: Table;
  id: string;
  resourceType: string;
  state: 'added' | 'removed' | 'changed' | 'unchanged';
  /** Top-level fields that differ (protojson names), for a changed object. */
  fields: string[];
  base?: unknown;
  compare?: unknown;
}
