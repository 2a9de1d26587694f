/**
 * Where the SDK keeps each record type in its Pebble store (baton-sdk pkg/dotc1z/engine/pebble/keys.go,
 * codec/tuple.go): every key starts 0x03 (key layout v3) and a type byte; primary keys then hold 0x00 and
 * tuple-encoded strings separated by 0x00 (inside a string, 0x00 is written 01 01 and 0x01 is 01 02).
 *   resource type: 03 01 00 id
 *   resource:      03 02 00 type 00 id
 *   entitlement:   03 03 00 resource-type 00 resource 00 flag 00 tail
 *   grant:         03 04 00 <entitlement tail as above> 00 principal-type 00 principal
 *   sync run:      03 06 ...;   engine metadata: 03 ff name (keyspace_version: u32 BE)
 */

export const KEYSPACE_VERSION_KEY = Buffer.from('\x03\xffkeyspace_version', 'latin1');
/** The layout above; a file stamped otherwise is refused rather than misread. */
export const KNOWN_KEYSPACE_VERSIONS = new Set([2]);

export const PREFIX = {
  resourceType: Buffer.from([3, 1]),
  resource: Buffer.from([3, 2]),
  entitlement: Buffer.from([3, 3]),
  grant: Buffer.from([3, 4]),
  syncRun: Buffer.from([3, 6]),
} as const;

function escapeSegment(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  if (!bytes.includes(0) && !bytes.includes(1)) return bytes;
  const out: number[] = [];
  for (const b of bytes) {
    if (b === 0) out.push(1, 1);
    else if (b === 1) out.push(1, 2);
    else out.push(b);
  }
  return Buffer.from(out);
}

/** `head 00 e1 00 e2 ...`, plus a trailing 00 when `open` (a prefix for every key whose tuple continues). */
export function tupleKey(head: Uint8Array, parts: string[], open = false): Buffer {
  const pieces: Uint8Array[] = [head];
  for (const part of parts) pieces.push(Buffer.from([0]), escapeSegment(part));
  if (open) pieces.push(Buffer.from([0]));
  return Buffer.concat(pieces);
}
