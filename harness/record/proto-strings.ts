/**
 * Every string in a protobuf message, rewritten in place: scalar and repeated strings, map keys and
 * values, oneof members, nested messages, and the messages packed in `google.protobuf.Any` annotations
 * (traits carry emails and logins) when the registry knows their type. Bytes and unknown fields are left
 * as they are, so re-encoding changes nothing but the strings.
 */
import { ScalarType, type DescMessage, type Registry } from '@bufbuild/protobuf';
import type { Any } from '@bufbuild/protobuf/wkt';
import { decodeMessage, encodeMessage } from '../../c1z/index.js';

type Message = Record<string, unknown>;

export function mapStrings(schema: DescMessage, message: Message, map: (value: string) => string, registry: Registry): void {
  if (schema.typeName === 'google.protobuf.Any') {
    mapAny(message as unknown as Any, map, registry);
    return;
  }
  for (const field of schema.fields) {
    const holder = field.oneof ? (message[field.oneof.localName] as { case?: string; value?: unknown } | undefined) : undefined;
    if (field.oneof && holder?.case !== field.localName) continue;
    const get = () => (holder ? holder.value : message[field.localName]);
    const set = (value: unknown) => {
      if (holder) holder.value = value;
      else message[field.localName] = value;
    };
    switch (field.fieldKind) {
      case 'scalar':
        if (field.scalar === ScalarType.STRING && typeof get() === 'string') set(map(get() as string));
        break;
      case 'message': {
        const value = get();
        if (value !== undefined && value !== null) set(mapField(field.message, value, map, registry));
        break;
      }
      case 'list': {
        const list = message[field.localName] as unknown[];
        if (field.listKind === 'scalar' && field.scalar === ScalarType.STRING) message[field.localName] = list.map((v) => map(v as string));
        else if (field.listKind === 'message') message[field.localName] = list.map((item) => mapField(field.message, item, map, registry));
        break;
      }
      case 'map': {
        const entries = message[field.localName] as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(entries)) {
          const k = field.mapKey === ScalarType.STRING ? map(key) : key;
          if (field.mapKind === 'scalar' && field.scalar === ScalarType.STRING) out[k] = map(value as string);
          else {
            out[k] = field.mapKind === 'message' ? mapField(field.message, value, map, registry) : value;
          }
        }
        message[field.localName] = out;
        break;
      }
      default:
        break;
    }
  }
}

/**
 * A message-typed field's value. protobuf-es unboxes some well-known types: wrappers become primitives
 * (`StringValue` a string) and `Struct`/`Value`/`ListValue` plain JSON, which carry no `$typeName`.
 */
function mapField(schema: DescMessage, value: unknown, map: (value: string) => string, registry: Registry): unknown {
  if (value !== null && typeof value === 'object' && '$typeName' in value) {
    mapStrings(schema, value as Message, map, registry);
    return value;
  }
  return mapJson(value, map);
}

function mapJson(value: unknown, map: (value: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((v) => mapJson(v, map));
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [map(k), mapJson(v, map)]));
  }
  return value;
}

function mapAny(any: Any, map: (value: string) => string, registry: Registry): void {
  const name = any.typeUrl.slice(any.typeUrl.lastIndexOf('/') + 1);
  const schema = registry.getMessage(name);
  if (!schema) return;
  const inner = decodeMessage(schema, any.value, `${name} annotation`);
  mapStrings(schema, inner, map, registry);
  any.value = encodeMessage(schema, inner);
}
