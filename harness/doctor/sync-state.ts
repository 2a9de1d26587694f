/**
 * State findings about one sync on its own, shared by the run doctor (from a run's evidence) and the file
 * doctor (from a customer's .c1z, row by row): grants whose principal the sync does not hold under that
 * type (`resource-type-mismatch`), and user and group resources without a RawId (`missing-raw-id`).
 * Fed one resource and one grant at a time, so a large file is never held in memory; all resources come first.
 */
import { isGroupType, isUserType } from './context.js';
import type { Finding } from '../../reports/evidence.js';

const SHOWN = 4;

export class SyncStateCheck {
  private readonly keys = new Set<string>();
  private readonly types = new Set<string>();
  private readonly typeOfId = new Map<string, string>();
  private readonly lacking: string[] = [];
  private lackingCount = 0;
  private readonly orphans: string[] = [];
  private orphanCount = 0;

  resource(type: string, id: string, hasRawId: boolean): void {
    this.keys.add(`${type}:${id}`);
    this.types.add(type);
    this.typeOfId.set(id, type);
    if ((isUserType(type) || isGroupType(type)) && !hasRawId && this.lackingCount++ < SHOWN) this.lacking.push(`${type}:${id}`);
  }

  grant(grantId: string, principalType: string, principalId: string): void {
    if (this.keys.has(`${principalType}:${principalId}`)) return;
    // A principal of a synced type that is merely absent is a missing identity (filtered, unpaged...), told
    // by those findings; a mismatch is a principal type no resource has, or an id synced under another type.
    const other = this.typeOfId.get(principalId);
    if (this.types.has(principalType) && !(other && other !== principalType)) return;
    if (this.orphanCount++ >= SHOWN) return;
    const near = [...this.types].find((t) => t !== principalType && t.toLowerCase() === principalType.toLowerCase()) ?? other;
    this.orphans.push(
      `grant ${grantId}: principal ${principalType}:${principalId} is not a synced resource${near ? ` (resource type is "${near}", not "${principalType}")` : ''}`,
    );
  }

  findings(): Finding[] {
    const out: Finding[] = [];
    if (this.lackingCount > 0) {
      out.push({
        id: 'missing-raw-id',
        title: `Missing RawId: ${this.lackingCount} user/group resource(s) carry no RawId annotation`,
        evidence: more(this.lacking, this.lackingCount),
        fix: [
          "Add a RawId annotation with the provider's own id to every user and group resource (the SDK's resource builders take WithRawID / RawId), so grants and access reviews can link back to the source object.",
        ],
      });
    }
    if (this.orphanCount > 0) {
      out.push({
        id: 'resource-type-mismatch',
        title: `Resource type mismatch: ${this.orphanCount} grant(s) name a principal the sync does not hold`,
        evidence: more(this.orphans, this.orphanCount),
        fix: [
          'Build grant principals with the same resource type id and resource id the resource syncer uses (the exact string, case included).',
          `Resource types in this sync: ${[...this.types].sort().join(', ') || 'none'}.`,
        ],
      });
    }
    return out;
  }
}

/** The lines kept, and how many more there were. */
function more(shown: string[], count: number): string[] {
  return count > shown.length ? [...shown, `... and ${count - shown.length} more`] : shown;
}
