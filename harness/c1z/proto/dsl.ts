/**
 * A tiny DSL that builds proto3 `FileDescriptorProto`s in code, so each schema file reads like the `.proto`
 * it stands for. We define the schema ourselves (from the documented field numbers) instead of generating
 * code, and anything we leave out still survives a round trip as an unknown field.
 */
import { create, createFileRegistry, type DescFile, type DescMessage, type Message } from '@bufbuild/protobuf';
import type { GenMessage } from '@bufbuild/protobuf/codegenv2';
import {
  DescriptorProtoSchema,
  EnumDescriptorProtoSchema,
  EnumValueDescriptorProtoSchema,
  FieldDescriptorProto_Label as Label,
  FieldDescriptorProto_Type as Type,
  FieldDescriptorProtoSchema,
  FileDescriptorProtoSchema,
  MessageOptionsSchema,
  type DescriptorProto,
  type EnumDescriptorProto,
  type FieldDescriptorProto,
  type FileDescriptorProto,
} from '@bufbuild/protobuf/wkt';

export type Scalar = 'string' | 'bytes' | 'bool' | 'int32' | 'int64' | 'uint32' | 'uint64' | 'fixed64' | 'double';

/**
 * A message or enum type. A leading dot means fully qualified (`.google.protobuf.Any`); otherwise the name is
 * relative to the file's package (`Resource`, `UserTrait.Email`).
 */
export type TypeRef = { message: string } | { enum: string };
export type FieldType = Scalar | TypeRef;

export const msg = (name: string): TypeRef => ({ message: name });
export const enm = (name: string): TypeRef => ({ enum: name });

export const ANY = msg('.google.protobuf.Any');
export const STRUCT = msg('.google.protobuf.Struct');
export const TIMESTAMP = msg('.google.protobuf.Timestamp');

interface FieldDef {
  no: number;
  name: string;
  type: FieldType;
  repeated: boolean;
  map?: { key: Scalar; value: FieldType };
}

export interface MessageDef {
  kind: 'message';
  name: string;
  fields: FieldDef[];
  nested: Array<MessageDef | EnumDef>;
}

export interface EnumDef {
  kind: 'enum';
  name: string;
  values: Array<[string, number]>;
}

export function field(no: number, name: string, type: FieldType): FieldDef {
  return { no, name, type, repeated: false };
}

export function repeated(no: number, name: string, type: FieldType): FieldDef {
  return { no, name, type, repeated: true };
}

export function map(no: number, name: string, key: Scalar, value: FieldType): FieldDef {
  return { no, name, type: key, repeated: true, map: { key, value } };
}

/**
 * `message Name { fields...; nested types... }`. Fields must be listed in ascending number order: that is the
 * order Go's marshal writes them in. protobuf-es 2.17's toBinary sorts by number itself (to-binary.js
 * compileMessage), but keeping the declaration in wire order means it does not matter if that ever changes.
 */
export function message(name: string, fields: FieldDef[], nested: Array<MessageDef | EnumDef> = []): MessageDef {
  for (let i = 1; i < fields.length; i++) {
    if (fields[i]!.no <= fields[i - 1]!.no) {
      throw new Error(`${name}: field ${fields[i]!.name} = ${fields[i]!.no} is out of ascending order`);
    }
  }
  return { kind: 'message', name, fields, nested };
}

/** `enum Name { ... }`; proto3 wants the zero value first, so callers list it. */
export function enumType(name: string, values: Record<string, number>): EnumDef {
  return { kind: 'enum', name, values: Object.entries(values) };
}

export interface FileDef {
  name: string;
  package: string;
  dependencies: string[];
  types: Array<MessageDef | EnumDef>;
}

export function protoFile(def: FileDef): FileDescriptorProto {
  return create(FileDescriptorProtoSchema, {
    name: def.name,
    package: def.package,
    dependency: def.dependencies,
    syntax: 'proto3',
    messageType: def.types.filter(isMessage).map((m) => messageProto(m, def.package, `.${def.package}`)),
    enumType: def.types.filter(isEnum).map(enumProto),
  });
}

function isMessage(t: MessageDef | EnumDef): t is MessageDef {
  return t.kind === 'message';
}

function isEnum(t: MessageDef | EnumDef): t is EnumDef {
  return t.kind === 'enum';
}

/** `scope` is the fully qualified name of the enclosing package or message, with a leading dot. */
function messageProto(def: MessageDef, pkg: string, scope: string): DescriptorProto {
  const fullName = `${scope}.${def.name}`;
  const mapEntries = def.fields.filter((f) => f.map).map((f) => mapEntryProto(f, pkg));
  return create(DescriptorProtoSchema, {
    name: def.name,
    field: def.fields.map((f) => fieldProto(f, pkg, fullName)),
    nestedType: [...def.nested.filter(isMessage).map((m) => messageProto(m, pkg, fullName)), ...mapEntries],
    enumType: def.nested.filter(isEnum).map(enumProto),
  });
}

/** protoc's shape for `map<K, V> name = N`: a nested `NameEntry { K key = 1; V value = 2; }` with map_entry set. */
function mapEntryProto(f: FieldDef, pkg: string): DescriptorProto {
  const { key, value } = f.map!;
  return create(DescriptorProtoSchema, {
    name: mapEntryName(f.name),
    field: [fieldProto(field(1, 'key', key), pkg, ''), fieldProto(field(2, 'value', value), pkg, '')],
    options: create(MessageOptionsSchema, { mapEntry: true }),
  });
}

function mapEntryName(fieldName: string): string {
  const camel = jsonName(fieldName);
  return `${camel.charAt(0).toUpperCase()}${camel.slice(1)}Entry`;
}

/** protoc's json_name: drop each underscore and upper-case the letter after it. */
function jsonName(fieldName: string): string {
  let out = '';
  let upper = false;
  for (const c of fieldName) {
    if (c === '_') upper = true;
    else {
      out += upper ? c.toUpperCase() : c;
      upper = false;
    }
  }
  return out;
}

function fieldProto(f: FieldDef, pkg: string, parentFullName: string): FieldDescriptorProto {
  const proto = create(FieldDescriptorProtoSchema, {
    name: f.name,
    // protoc always fills this in and protobuf-es takes it as given, so an empty one would mean "" in JSON.
    jsonName: jsonName(f.name),
    number: f.no,
    label: f.repeated ? Label.REPEATED : Label.OPTIONAL,
  });
  if (f.map) {
    proto.type = Type.MESSAGE;
    proto.typeName = `${parentFullName}.${mapEntryName(f.name)}`;
  } else if (typeof f.type === 'string') {
    proto.type = SCALAR_TYPES[f.type];
  } else if ('message' in f.type) {
    proto.type = Type.MESSAGE;
    proto.typeName = qualify(f.type.message, pkg);
  } else {
    proto.type = Type.ENUM;
    proto.typeName = qualify(f.type.enum, pkg);
  }
  return proto;
}

function qualify(name: string, pkg: string): string {
  return name.startsWith('.') ? name : `.${pkg}.${name}`;
}

const SCALAR_TYPES: Record<Scalar, Type> = {
  string: Type.STRING,
  bytes: Type.BYTES,
  bool: Type.BOOL,
  int32: Type.INT32,
  int64: Type.INT64,
  uint32: Type.UINT32,
  uint64: Type.UINT64,
  fixed64: Type.FIXED64,
  double: Type.DOUBLE,
};

function enumProto(def: EnumDef): EnumDescriptorProto {
  return create(EnumDescriptorProtoSchema, {
    name: def.name,
    value: def.values.map(([name, number]) => create(EnumValueDescriptorProtoSchema, { name, number })),
  });
}

/** Builds a file against the files it imports (ours or the well-known types) and returns its descriptor. */
export function defineFile(def: FileDef, imports: DescFile[]): DescFile {
  const byName = new Map(imports.map((f) => [f.proto.name, f]));
  const missing = def.dependencies.filter((d) => !byName.has(d));
  if (missing.length > 0) throw new Error(`${def.name}: imports not supplied: ${missing.join(', ')}`);
  const registry = createFileRegistry(protoFile(def), (name) => byName.get(name));
  return registry.getFile(def.name)!;
}

/** A message descriptor typed with its hand-written shape; throws at load time if the name is wrong. */
export function messageSchema<T extends Message>(file: DescFile, typeName: T['$typeName']): GenMessage<T> {
  const desc = findMessage(file.messages, typeName);
  if (!desc) throw new Error(`${file.name}: no message ${typeName}`);
  return desc as unknown as GenMessage<T>;
}

function findMessage(messages: DescMessage[], typeName: string): DescMessage | undefined {
  for (const m of messages) {
    if (m.typeName === typeName) return m;
    const nested = findMessage(m.nestedMessages, typeName);
    if (nested) return nested;
  }
  return undefined;
}
