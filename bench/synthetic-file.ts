/** Builds (once, then reuses) the synthetic sync files the benchmarks read. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeDirectory, type DirectoryShape, steppingClock, C1zWriter } from '../c1z/index.js';

/** 100k resources (95k users, 4k groups, 1k roles) and 1M grants (memberships, role assignments, nesting). */
export const LARGE: DirectoryShape = { users: 95_000, groups: 4_000, roles: 1_000, memberships: 899_800, roleAssignments: 100_000, seed: 42 };

/** The diff benchmark's later sync: the same directory a day on: 4% of the resources and entitlements added, removed or changed, and with the grants of removed users and groups gone, about 5% of all objects. */
export const LARGE_LATER: DirectoryShape = { ...LARGE, mutate: { rate: 0.04, seed: 7 } };

export async function syntheticFile(
  dir: string,
  name: string,
  shape: DirectoryShape,
  startedAt = new Date('2026-01-05T09:00:00Z'),
): Promise<{ path: string; seconds?: number }> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.c1z`);
  if (existsSync(path)) return { path };
  const started = performance.now();
  const writer = new C1zWriter(path, { seed: shape.seed, clock: steppingClock(startedAt, 0) });
  const syncId = writer.startSync();
  const counts = writeDirectory(writer, syncId, shape);
  writer.endSync(syncId);
  await writer.finish();
  const seconds = (performance.now() - started) / 1000;
  console.error(`wrote ${path}: ${counts.resources} resources, ${counts.grants} grants in ${seconds.toFixed(1)} s`);
  return { path, seconds };
}
