/**
 * A sync against the tenant's ground truth: which resources and grants the tenant exposes that the sync
 * lacks, and which it has that the tenant does not (including the same id twice, which the file's upsert
 * hides, so only a wrong id shows as extra).
 */
import type { GroundTruth } from '../ground-truth/index.js';
import type { SyncContents } from '../../reports/evidence.js';

export interface Completeness {
  missing: string[];
  extra: string[];
}

export function compareWithTruth(sync: SyncContents, truth: GroundTruth): Completeness {
  const have = [...sync.resources.map((r) => `${r.type}:${r.id}`), ...sync.grants.map((g) => g.id)];
  const want = [...truth.resources, ...truth.grants];
  const haveSet = new Set(have);
  const wantSet = new Set(want);
  return {
    missing: [...wantSet].filter((id) => !haveSet.has(id)).sort(),
    extra: [...haveSet].filter((id) => !wantSet.has(id)).sort(),
  };
}
