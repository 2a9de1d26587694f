/**
 * Seeded identifiers for everything a simulator invents at run time (request ids, trace and correlation
 * ids, page tokens): the same seed and the same requests give the same ids, so two runs' journals compare.
 */
import { createHash } from 'node:crypto';

export class IdSource {
  private readonly counters = new Map<string, number>();

  constructor(private readonly seed: number | string) {}

  /** The n-th GUID of this kind (`request`, `trace`, ...), formatted as a version-4 UUID. */
  uuid(kind: string): string {
    return formatUuid(this.bytes(kind));
  }

  /** The n-th opaque token of this kind, URL-safe. */
  token(kind: string, length = 24): string {
    return this.bytes(kind).toString('base64url').slice(0, length);
  }

  private bytes(kind: string): Buffer {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return createHash('sha256').update(`sync-harness:${this.seed}:${kind}:${n}`).digest();
  }
}

/** A stable GUID for a name (tenant objects, app ids): the same name and seed always give the same GUID. */
export function stableUuid(seed: number | string, name: string): string {
  return formatUuid(createHash('sha256').update(`sync-harness:${seed}:${name}`).digest());
}

function formatUuid(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
