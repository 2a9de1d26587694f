/**
 * The shape `diff -o json` prints (DESIGN.md, "Diff JSON"); every renderer reads this one value. Counts are
 * plain numbers: every side, v1 or v3, is compared object by object.
 */
export const TABLES = ['resources', 'entitlements', 'grants'] as const;
export type Table = (typeof TABLES)[number];

export interface Counts {
  base: number;
  compare: number;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

export interface TypeCounts {
  resourceType: string;
  resources: Counts;
  entitlements: Counts;
  /** Grants by the resource type of their entitlement, as the SDK's stats count them. */
  grants: Counts;
}

interface ChangedObject {
  id: string;
  resourceType: string;
  /** Top-level fields whose values differ (protojson names: `displayName`, `annotations`, `sources`). */
  fields: string[];
}

export interface ChangeDetail {
  /** How many changed objects differ in each field. */
  fields: Record<string, number>;
  /** The first changed objects, in external-id order; `more` says how many were left out. */
  objects: ChangedObject[];
  more: number;
}

export interface Finding {
  id: string;
  /** `change`: between the two syncs (makes them differ); `state`: about one sync on its own. */
  kind: 'change' | 'state';
  /** For state findings, the sync they are about. */
  side?: 'base' | 'compare';
  resourceType?: string;
  message: string;
  /** How many objects the finding covers. */
  count: number;
  examples: string[];
}

export interface GateFailure {
  rule: string;
  message: string;
}

export interface SideInfo {
  file: string;
  syncId: string;
  syncType: string;
  finished: boolean;
}

export interface DiffReport {
  base: SideInfo;
  compare: SideInfo;
  /** Rows joined on external_id (the one way two syncs are compared; kept so readers of the JSON can tell). */
  comparison: 'objects';
  /** What the comparison could not look at (a v1 side against a v3 one: fields v3 does not keep). */
  note?: string;
  totals: Record<Table, Counts>;
  byResourceType: TypeCounts[];
  changes?: Record<Table, ChangeDetail>;
  findings: Finding[];
  /** True when an object was added, removed or changed, or a change finding was raised. */
  differ: boolean;
  gate: { passed: boolean; failures: GateFailure[] };
}
