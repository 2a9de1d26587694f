/**
 * Runs the engine into a throwaway .c1z and reads back what a user of the file would see, so behaviour
 * tests assert on the file, not on engine internals. Time is a stepping clock; sleeping only records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSyncFile } from '../../c1z/open.js';
import { steppingClock } from '../../c1z/synthetic/stepping-clock.js';
import type { SyncFile, SyncRun, SyncStats } from '../../c1z/types.js';
import { C1zWriter } from '../../c1z/writer/c1z-writer.js';
import type { Connector } from '../../c1z/contract/connector.js';
import { runSync, type SyncOptions, type SyncResult } from './engine.js';
import type { ProgressEvent, SyncLogEvent } from './progress.js';

export interface SyncFileOptions extends Partial<Omit<SyncOptions, 'writer'>> {
  /** Seeds the writer's ids; only the sync id and the like depend on it. */
  seed?: string;
}

/** One finished engine run, with its file still open: `read` takes what it needs before the file goes. */
export interface SyncedRun {
  result: SyncResult;
  /** Every wait the engine asked for, in ms. */
  sleeps: number[];
  logs: SyncLogEvent[];
  progress: ProgressEvent[];
  path: string;
  file: SyncFile;
  scope: { syncId: string };
}

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

const T0 = new Date('2026-05-01T12:00:00Z');

/** Syncs `connector` into a temporary file, hands the open file to `read`, then removes it. */
export async function readSyncedRun<T>(connector: Connector, options: SyncFileOptions, read: (run: SyncedRun) => T): Promise<T> {
  const { seed = 'engine-test', ...overrides } = options;
  const dir = mkdtempSync(join(tmpdir(), 'sync-test-'));
  try {
    const path = join(dir, 'out.c1z');
    // The writer stamps rows with the engine's clock, so an injected clock serves both.
    const clock = overrides.clock ?? steppingClock(T0, 10);
    const sleeps: number[] = [];
    const logs: SyncLogEvent[] = [];
    const progress: ProgressEvent[] = [];
    const result = await runSync(connector, {
      sleep: async (ms) => void sleeps.push(ms),
      log: (event) => logs.push(event),
      progress: (event) => progress.push(event),
      ...overrides,
      writer: new C1zWriter(path, { clock, seed }),
      clock,
    });
    const file = await openSyncFile(path);
    try {
      return read({ result, sleeps, logs, progress, path, file, scope: { syncId: result.syncId } });
    } finally {
      file.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The run plus the file's raw rows: external ids and counts, readable even where a message is malformed. */
export function syncToFile(connector: Connector, options: SyncFileOptions = {}): Promise<SyncedFile> {
  return readSyncedRun(connector, options, ({ result, sleeps, logs, progress, file, scope }) => ({
    result,
    sleeps,
    logs,
    progress,
    syncs: file.syncs(),
    stats: file.stats(scope.syncId, { recount: true }),
    resourceIds: [...file.rows().resources(scope)].map((r) => r.externalId),
    grantIds: [...file.rows().grants(scope)].map((g) => g.externalId),
  }));
}
