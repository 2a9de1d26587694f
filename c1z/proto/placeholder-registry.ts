/**
 * A registry that never misses a message type: an Any whose type we do not know (a newer SDK's annotation,
 * a connector's own) gets an on-demand placeholder message, so JSON output carries at least its `@type`
 * instead of failing the whole conversion the way protojson does.
 */
import { create, createFileRegistry, type DescMessage, type Registry } from '@bufbuild/protobuf';
import {
  DescriptorProtoSchema,
  FieldDescriptorProto_Label,
  FieldDescriptorProto_Type,
  FieldDescriptorProtoSchema,
  FileDescriptorProtoSchema,
} from '@bufbuild/protobuf/wkt';

/**
 * The placeholder's only field. json.ts wraps an unknown Any's raw value in this field number, so JSON shows
 * it as `"@value": "<base64>"`; the number is the largest allowed, so real messages do not use it.
 */
export const RAW_VALUE_FIELD = 536_870_911;
const RAW_VALUE_JSON_NAME = '@value';

export function withPlaceholders(base: Registry): Registry & { isPlaceholder(typeName: string): boolean } {
  const placeholders = new Map<string, DescMessage | undefined>();
  const placeholder = (typeName: string): DescMessage | undefined => {
    if (!placeholders.has(typeName)) placeholders.set(typeName, buildPlaceholder(typeName));
    return placeholders.get(typeName);
  };
  return {
    kind: 'registry',
    [Symbol.iterator]: () => base[Symbol.iterator](),
    get: (typeName) => base.get(typeName) ?? placeholder(typeName),
    getMessage: (typeName) => base.getMessage(typeName) ?? placeholder(typeName),
    getEnum: (typeName) => base.getEnum(typeName),
    getExtension: (typeName) => base.getExtension(typeName),
    getExtensionFor: (extendee, no) => base.getExtensionFor(extendee, no),
    getService: (typeName) => base.getService(typeName),
    isPlaceholder: (typeName) => base.getMessage(typeName) === undefined,
  };
}

/** Undefined when the name is not a valid message name (protobuf-es then reports the Any as unknown). */
function buildPlaceholder(typeName: string): DescMessage | undefined {
  const dot = typeName.lastIndexOf('.');
  const file = create(FileDescriptorProtoSchema, {
    name: `placeholder/${typeName}.proto`,
    package: dot >= 0 ? typeName.slice(0, dot) : '',
    syntax: 'proto3',
    messageType: [
      create(DescriptorProtoSchema, {
        name: typeName.slice(dot + 1),
        field: [
          create(FieldDescriptorProtoSchema, {
            name: 'raw_value',
            number: RAW_VALUE_FIELD,
            type: FieldDescriptorProto_Type.BYTES,
            label: FieldDescriptorProto_Label.OPTIONAL,
            jsonName: RAW_VALUE_JSON_NAME,
          }),
        ],
      }),
    ],
  });
  try {
    return createFileRegistry(file, () => undefined).getMessage(typeName);
  } catch {
    return undefined;
  }
}
