/**
 * Runs the engine into a throwaway .c1z and reads back what a user of the file would see, so behaviour
 * tests assert on the file, not on engine internals. Time is a stepping clock; sleeping only records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSyncFile } from '../c1z/open.js';
import { steppingClock } from '../c1z/synthetic/stepping-clock.js';
import type { SyncRun, SyncStats } from '../c1z/types.js';
import { C1zWriter } from '../c1z/writer/c1z-writer.js';
import type { Connector } from './contract.js';
import { runSync, type SyncOptions, type SyncResult } from './engine.js';
import type { ProgressEvent, SyncLogEvent } from './progress.js';

export interface SyncedFile {
  result: SyncResult;
  /** Every wait the engine asked for, in ms. */
  sleeps: number[];
  logs: SyncLogEvent[];
  progress: ProgressEvent[];
  syncs: SyncRun[];
  stats: SyncStats;
  /** `<type>:<id>` of every resource row, and the external ids of grant rows. */
  resourceIds: string[];
  grantIds: string[];
}

export const T0 = new Date('2026-05-01T12:00:00Z');

export async function syncToFile(connector: Connector, options: Partial<Omit<SyncOptions, 'writer'>> = {}): Promise<SyncedFile> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-engine-test-'));
  try {
    const path = join(dir, 'out.c1z');
    const clock = steppingClock(T0, 10);
    const sleeps: number[] = [];
    const logs: SyncLogEvent[] = [];
    const progress: ProgressEvent[] = [];
    const result = await runSync(connector, {
      writer: new C1zWriter(path, { clock, seed: 'engine-test' }),
      clock,
      sleep: async (ms) => void sleeps.push(ms),
      log: (event) => logs.push(event),
      progress: (event) => progress.push(event),
      ...options,
    });
    const file = await openSyncFile(path);
    try {
      const scope = { syncId: result.syncId };
      return {
        result,
        sleeps,
        logs,
        progress,
        syncs: file.syncs(),
        stats: file.stats(result.syncId, { recount: true }),
        resourceIds: [...file.rows().resources(scope)].map((r) => r.externalId),
        grantIds: [...file.rows().grants(scope)].map((g) => g.externalId),
      };
    } finally {
      file.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
