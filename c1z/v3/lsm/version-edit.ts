/**
 * One MANIFEST record: a version edit (pebble internal/manifest/version_edit.go). A sequence of
 * uvarint tags, each followed by its fields. Only what decides which tables are live is kept: new and
 * deleted tables with their key bounds, sequence-number range (an ingested table whose range is a single
 * number has every key at that number) and, for a virtual table, its backing table; and the comparer name.
 * Blob files and key transforms are recognised so the reader can refuse them rather than misread.
 */
import { readUvarint } from '../codec/varint.js';

export interface NewTable {
  level: number;
  fileNum: number;
  size: number;
  smallestSeq: number;
  largestSeq: number;
  /** Encoded internal keys (user key + 8-byte trailer) bounding the table's point keys. */
  smallest: Uint8Array;
  largest: Uint8Array;
  /** For a virtual table: the physical table it is a key range of. */
  backingFileNum?: number;
}

export interface VersionEdit {
  comparer?: string;
  newTables: NewTable[];
  deletedTables: Array<{ level: number; fileNum: number }>;
  blobFiles: boolean;
  lastSequence?: number;
}

export class EditCorruption extends Error {}
/** A valid edit using a Pebble feature Baton does not use and this reader does not interpret. */
export class EditUnsupported extends Error {}

const TAG = {
  Comparator: 1,
  LogNumber: 2,
  NextFileNumber: 3,
  LastSequence: 4,
  CompactPointer: 5,
  DeletedFile: 6,
  NewFile: 7,
  PrevLogNumber: 9,
  ExciseBounds: 10,
  MarkedForCompaction: 11,
  NewFile2: 100,
  NewFile3: 102,
  NewFile4: 103,
  NewFile5: 104,
  CreatedBackingTable: 105,
  RemovedBackingTable: 106,
  NewBlobFile: 107,
  DeletedBlobFile: 108,
} as const;

const CUSTOM_TERMINATE = 1;
const CUSTOM_VIRTUAL = 66;
const CUSTOM_BLOB_REFERENCES = 69;
const CUSTOM_BLOB_REFERENCES_2 = 70;
/** Custom tags at or above this bit must be understood; below it they are a skippable bytes field. */
const CUSTOM_NOT_SAFE_TO_IGNORE = 1 << 6;

export function decodeVersionEdit(bytes: Uint8Array): VersionEdit {
  const edit: VersionEdit = { newTables: [], deletedTables: [], blobFiles: false };
  let at = 0;
  const uv = (): number => {
    if (at >= bytes.length) throw new EditCorruption('version edit cut short');
    const [value, next] = readUvarint(bytes, at);
    at = next;
    return value;
  };
  const field = (): Uint8Array => {
    const length = uv();
    if (at + length > bytes.length) throw new EditCorruption('version edit field runs past the record');
    const value = bytes.subarray(at, at + length);
    at += length;
    return value;
  };
  while (at < bytes.length) {
    const tag = uv();
    switch (tag) {
      case TAG.Comparator:
        edit.comparer = Buffer.from(field()).toString('latin1');
        break;
      case TAG.LogNumber:
      case TAG.NextFileNumber:
      case TAG.PrevLogNumber:
      case TAG.RemovedBackingTable:
        uv();
        break;
      case TAG.LastSequence:
        edit.lastSequence = uv();
        break;
      case TAG.CompactPointer:
        uv();
        field();
        break;
      case TAG.CreatedBackingTable:
        uv();
        uv();
        break;
      case TAG.DeletedFile:
        edit.deletedTables.push({ level: uv(), fileNum: uv() });
        break;
      case TAG.NewFile:
      case TAG.NewFile2:
      case TAG.NewFile3:
      case TAG.NewFile4:
      case TAG.NewFile5: {
        const level = uv();
        const fileNum = uv();
        if (tag === TAG.NewFile3) uv(); // path id
        const size = uv();
        let smallest: Uint8Array;
        let largest: Uint8Array;
        if (tag === TAG.NewFile5) {
          // Marker bit 0: point-key bounds follow; range-key bounds always follow.
          const marker = bytes[at++]!;
          const points = marker & 1 ? [field(), field()] : undefined;
          const ranges = [field(), field()];
          [smallest, largest] = (points ?? ranges) as [Uint8Array, Uint8Array];
        } else {
          smallest = field();
          largest = field();
        }
        let smallestSeq = 0;
        let largestSeq = 0;
        if (tag !== TAG.NewFile) {
          smallestSeq = uv();
          largestSeq = uv();
        }
        let backingFileNum: number | undefined;
        if (tag === TAG.NewFile4 || tag === TAG.NewFile5) {
          for (;;) {
            const custom = uv();
            if (custom === CUSTOM_TERMINATE) break;
            if (custom === CUSTOM_VIRTUAL) {
              backingFileNum = uv();
            } else if (custom === CUSTOM_BLOB_REFERENCES || custom === CUSTOM_BLOB_REFERENCES_2) {
              edit.blobFiles = true;
              uv();
              const n = uv();
              for (let i = 0; i < n; i++) {
                uv();
                uv();
                if (custom === CUSTOM_BLOB_REFERENCES_2) uv();
              }
            } else if (custom & CUSTOM_NOT_SAFE_TO_IGNORE) {
              // Synthetic prefixes/suffixes (67, 68) and suffix masks (71) rewrite keys at read time.
              throw new EditUnsupported(`table ${fileNum} carries Pebble key transform ${custom}`);
            } else {
              field();
            }
          }
        }
        edit.newTables.push({ level, fileNum, size, smallestSeq, largestSeq, smallest, largest, backingFileNum });
        break;
      }
      case TAG.ExciseBounds:
        field();
        field();
        uv();
        uv();
        break;
      case TAG.MarkedForCompaction:
        uv();
        uv();
        break;
      case TAG.NewBlobFile:
        edit.blobFiles = true;
        for (let i = 0; i < 5; i++) uv();
        break;
      case TAG.DeletedBlobFile:
        uv();
        uv();
        break;
      default:
        throw new EditCorruption(`unknown MANIFEST tag ${tag}`);
    }
  }
  return edit;
}
