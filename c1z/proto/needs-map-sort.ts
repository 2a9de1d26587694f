/**
 * Whether encoding a message could put map entries out of Go's order, decided from the message object
 * rather than its bytes. Re-parsing the encoded bytes to sort maps costs about a third of `toBinary` itself,
 * yet almost no stored record needs it: a grant's only map (`sources`) is usually empty, and the Structs in
 * trait profiles sit inside Any annotations, which are already bytes. Only a map of two or more entries (or
 * a Struct object of two or more keys) can come out in a different order, so only then is sorting needed.
 */
import type { DescField, DescMessage } from '@bufbuild/protobuf';
import { hasMaps } from './sort-map-entries.js';

type Fields = Record<string, unknown>;

export function needsMapSort(desc: DescMessage, message: object): boolean {
  if (!hasMaps(desc)) return false;
  for (const field of desc.fields) {
    const value = fieldValue(message as Fields, field);
    if (value === undefined || value === null) continue;
    switch (field.fieldKind) {
      case 'map': {
        const keys = Object.keys(value as Fields);
        if (keys.length > 1) return true;
        if (keys.length === 1 && field.mapKind === 'message' && childNeedsSort(field, (value as Fields)[keys[0]!])) return true;
        break;
      }
      case 'message':
        if (childNeedsSort(field, value)) return true;
        break;
      case 'list':
        if (field.listKind === 'message' && hasMaps(field.message)) {
          for (const item of value as unknown[]) if (childNeedsSort(field, item)) return true;
        }
        break;
      default:
        break;
    }
  }
  return false;
}

/** Oneof members live under the oneof's name as `{ case, value }`, not under their own. */
function fieldValue(message: Fields, field: DescField): unknown {
  if (!field.oneof) return message[field.localName];
  const selected = message[field.oneof.localName] as { case?: string; value?: unknown } | undefined;
  return selected?.case === field.localName ? selected.value : undefined;
}

function childNeedsSort(field: DescField & { message: DescMessage }, value: unknown): boolean {
  if (value === undefined || value === null || !hasMaps(field.message)) return false;
  if (holdsJsonStruct(field) && !isMessageObject(value)) return jsonNeedsSort(value);
  return needsMapSort(field.message, value as object);
}

/**
 * protobuf-es keeps a google.protobuf.Struct field as a plain JSON object (except inside google.protobuf.Value,
 * where it stays a message); each object of it is a map on the wire, and so is every object nested in it.
 */
function holdsJsonStruct(field: DescField & { message: DescMessage }): boolean {
  return field.message.typeName === 'google.protobuf.Struct' && field.parent.typeName !== 'google.protobuf.Value';
}

function isMessageObject(value: unknown): boolean {
  return typeof (value as { $typeName?: unknown }).$typeName === 'string';
}

function jsonNeedsSort(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(jsonNeedsSort);
  const keys = Object.keys(value);
  return keys.length > 1 || (keys.length === 1 && jsonNeedsSort((value as Fields)[keys[0]!]));
}
