/**
 * protojson-style JSON (camelCase names, int64 as strings, Any as `{"@type": ...}`), the shape `baton -o json`
 * prints. Unlike protojson, an Any of a type we do not know does not fail: it shows as
 * `{"@type": url, "@value": "<base64 of its bytes>"}`, so two unknown annotations still compare by content.
 */
import { clone, toJson, type DescField, type DescMessage, type JsonValue, type MessageShape } from '@bufbuild/protobuf';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import type { Any } from '@bufbuild/protobuf/wkt';
import { UserError } from '../../lib/errors.js';
import { RAW_VALUE_FIELD, withPlaceholders } from './placeholder-registry.js';
import { registry } from './registry.js';

const jsonRegistry = withPlaceholders(registry);

export function messageToJson<Desc extends DescMessage>(schema: Desc, message: MessageShape<Desc>): JsonValue {
  let prepared = message;
  if (someAny(schema, message, isUnknownAny)) {
    // Wrap the raw bytes in the placeholder's one field, on a copy: the caller's message must not change.
    prepared = clone(schema, message);
    forEachAny(schema, prepared, (any) => {
      if (isUnknownAny(any)) any.value = new BinaryWriter().tag(RAW_VALUE_FIELD, WireType.LengthDelimited).bytes(any.value).finish();
    });
  }
  try {
    return toJson(schema, prepared, { registry: jsonRegistry });
  } catch (error) {
    // Left: an Any whose type URL names no valid message (e.g. ends in "/"), or a Timestamp out of range.
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`cannot show ${schema.typeName} as JSON: ${reason}`, { cause: error });
  }
}

function isUnknownAny(any: Any): boolean {
  return any.typeUrl !== '' && jsonRegistry.isPlaceholder(any.typeUrl.slice(any.typeUrl.lastIndexOf('/') + 1));
}

function someAny(desc: DescMessage, message: object, test: (any: Any) => boolean): boolean {
  let found = false;
  forEachAny(desc, message, (any) => {
    found ||= test(any);
  });
  return found;
}

/** Visits every Any in the message tree (not inside Any values: those are still bytes here). */
function forEachAny(desc: DescMessage, message: object, visit: (any: Any) => void): void {
  if (desc.typeName === 'google.protobuf.Any') {
    visit(message as Any);
    return;
  }
  for (const field of desc.fields) {
    const child = childMessageType(field);
    if (!child) continue;
    const value = fieldValue(message as Record<string, unknown>, field);
    if (value === undefined) continue;
    if (field.fieldKind === 'message') forEachAny(child, value as object, visit);
    else if (field.fieldKind === 'list') for (const item of value as object[]) forEachAny(child, item, visit);
    else if (field.fieldKind === 'map') for (const item of Object.values(value as object)) forEachAny(child, item as object, visit);
  }
}

/** The message type a field holds, if it can hold an Any. Other well-known types cannot, and some (Struct,
 * wrappers) are not even stored as messages by protobuf-es. */
function childMessageType(field: DescField): DescMessage | undefined {
  const type =
    field.fieldKind === 'message' ||
    (field.fieldKind === 'list' && field.listKind === 'message') ||
    (field.fieldKind === 'map' && field.mapKind === 'message')
      ? field.message
      : undefined;
  if (!type) return undefined;
  if (type.typeName.startsWith('google.protobuf.') && type.typeName !== 'google.protobuf.Any') return undefined;
  return type;
}

function fieldValue(message: Record<string, unknown>, field: DescField): unknown {
  if (field.oneof) {
    const selected = message[field.oneof.localName] as { case?: string; value?: unknown };
    return selected.case === field.localName ? selected.value : undefined;
  }
  return message[field.localName];
}
