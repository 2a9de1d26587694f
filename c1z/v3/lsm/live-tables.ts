/**
 * Which tables make up the store: replay every version edit of the current MANIFEST (named by the
 * `marker.manifest.*` file Pebble keeps, or by CURRENT in older stores) and keep the tables added and not
 * deleted since. A table's sequence-number range matters when it is a single number: Pebble then reads
 * every key in it at that number (ingested tables are written with zeros; internal/manifest
 * TableMetadata.SyntheticSeqNum).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogCorruption, readLogRecords } from './record-log.js';
import { decodeVersionEdit, EditCorruption, EditUnsupported, type NewTable } from './version-edit.js';

export interface LiveTable {
  fileNum: number;
  level: number;
  /** The physical file: `000123.sst`, the backing table's for a virtual table. */
  fileName: string;
  /** Set when every key of the table is read at this sequence number. */
  syntheticSeq?: number;
  /** The table's user-key range; a virtual table sees only the backing table's keys within it. */
  bounds: KeyBounds;
  virtual: boolean;
}

interface KeyBounds {
  smallest: Uint8Array;
  largest: Uint8Array;
  /** The largest bound is an exclusive sentinel (sequence number all ones), not a key of the table. */
  largestExclusive: boolean;
}

export interface LsmState {
  manifest: string;
  tables: LiveTable[];
}

export class ManifestError extends Error {
  constructor(
    message: string,
    readonly unsupported = false,
  ) {
    super(message);
  }
}

const BYTEWISE = 'leveldb.BytewiseComparator';

export function readLiveTables(dir: string): LsmState {
  const manifest = currentManifest(dir);
  const bytes = readFileSync(join(dir, manifest));
  const live = new Map<number, NewTable>();
  let blobFiles = false;
  try {
    for (const record of readLogRecords(bytes)) {
      const edit = decodeVersionEdit(record);
      if (edit.comparer && edit.comparer !== BYTEWISE) {
        throw new ManifestError(`${manifest}: keys ordered by comparer "${edit.comparer}", not ${BYTEWISE}`, true);
      }
      blobFiles ||= edit.blobFiles;
      for (const deleted of edit.deletedTables) live.delete(deleted.fileNum);
      for (const added of edit.newTables) live.set(added.fileNum, added);
    }
  } catch (error) {
    if (error instanceof ManifestError) throw error;
    if (error instanceof LogCorruption || error instanceof EditCorruption) throw new ManifestError(`${manifest}: ${error.message}`);
    if (error instanceof EditUnsupported) throw new ManifestError(`${manifest}: ${error.message}`, true);
    throw error;
  }
  if (blobFiles) throw new ManifestError(`${manifest}: the store keeps values in blob files`, true);
  const tables = [...live.values()].map(
    (t): LiveTable => ({
      fileNum: t.fileNum,
      level: t.level,
      fileName: `${String(t.backingFileNum ?? t.fileNum).padStart(6, '0')}.sst`,
      ...(t.smallestSeq === t.largestSeq ? { syntheticSeq: t.smallestSeq } : {}),
      bounds: bounds(t),
      virtual: t.backingFileNum !== undefined,
    }),
  );
  return { manifest, tables };
}

function bounds(table: NewTable): KeyBounds {
  const userKey = (k: Uint8Array) => k.subarray(0, Math.max(0, k.length - 8));
  const trailer = table.largest.subarray(table.largest.length - 8);
  // Bytes 1-7 of the little-endian trailer are the sequence number; all ones marks an exclusive end.
  const largestExclusive = table.largest.length >= 8 && trailer.subarray(1).every((b) => b === 0xff);
  return { smallest: userKey(table.smallest), largest: userKey(table.largest), largestExclusive };
}

function currentManifest(dir: string): string {
  const names = readdirSync(dir);
  // marker.manifest.<iteration>.<MANIFEST-nnnnnn>; the highest iteration is current (vfs/atomicfs marker).
  const markers = names
    .map((n) => /^marker\.manifest\.(\d+)\.(MANIFEST-\d+)$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  const fromMarker = markers[0]?.[2];
  if (fromMarker) return fromMarker;
  if (existsSync(join(dir, 'CURRENT'))) {
    const name = readFileSync(join(dir, 'CURRENT'), 'utf8').trim();
    if (name) return name;
  }
  const manifests = names.filter((n) => /^MANIFEST-\d+$/.test(n)).sort();
  const last = manifests.at(-1);
  if (!last) throw new ManifestError('no MANIFEST file in the Pebble payload');
  return last;
}
