/**
 * Small sync files written with the project's writer, for CLI tests that need several syncs, unfinished
 * ones, or a valid file to damage. Each sync is a directory whose size sets every count, so the counts a
 * command prints say which sync it showed. Resource types too: a sync of size n also declares n marker
 * types `sync-<n>-<k>`, which name the sync in a `resource-types` listing.
 */
import { create } from '@bufbuild/protobuf';
import { ResourceTypeSchema } from '../../c1z/proto/connector.js';
import { writeDirectory, type DirectoryShape } from '../../c1z/synthetic/directory.js';
import { steppingClock } from '../../c1z/synthetic/stepping-clock.js';
import { C1zWriter } from '../../c1z/writer/c1z-writer.js';

export interface SyncPlan {
  /** 1, 2, 3...: different sizes give different resource, entitlement and grant counts. */
  size: number;
  type?: 'full' | 'partial';
  /** `unfinished`: started, never ended; `no-run`: rows under a sync id with no sync run at all. */
  state?: 'finished' | 'unfinished' | 'no-run';
}

export interface WrittenSync {
  id: string;
  size: number;
  type: string;
  finished: boolean;
  counts: { resourceTypes: number; resources: number; entitlements: number; grants: number };
  markers: string[];
}

/** Users 10n, groups n+1, roles n: resources 12n+1, entitlements 2n+1, grants 7n+1. */
export function shapeOf(size: number): DirectoryShape {
  return { users: 10 * size, groups: size + 1, roles: size, memberships: 5 * size, roleAssignments: 2 * size, seed: size };
}

/** Writes the syncs in order, each later than the one before (a stepping clock), and says what each holds. */
export async function writeSyncFile(path: string, plans: SyncPlan[]): Promise<WrittenSync[]> {
  const writer = new C1zWriter(path, { seed: 7, clock: steppingClock(new Date('2026-02-02T10:00:00Z'), 1000) });
  try {
    const written = plans.map((plan) => {
      const state = plan.state ?? 'finished';
      const type = plan.type ?? 'full';
      const id = state === 'no-run' ? `rows-without-a-sync-run-${plan.size}` : writer.startSync({ type });
      const markers = Array.from({ length: plan.size }, (_, k) => `sync-${plan.size}-${k + 1}`);
      for (const marker of markers)
        writer.addResourceType(id, create(ResourceTypeSchema, { id: marker, displayName: `Marker of sync size ${plan.size}` }));
      const counts = writeDirectory(writer, id, shapeOf(plan.size));
      if (state === 'finished') writer.endSync(id);
      const resourceTypes = counts.resourceTypes + markers.length;
      return { id, size: plan.size, type, finished: state === 'finished', counts: { ...counts, resourceTypes }, markers };
    });
    await writer.finish();
    return written;
  } catch (error) {
    writer.abort();
    throw error;
  }
}
