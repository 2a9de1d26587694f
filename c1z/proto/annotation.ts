/** Annotations are `google.protobuf.Any`s holding small c1.connector.v2 messages (traits, ids, flags). */
import { create, type DescMessage, type MessageInitShape, type MessageShape } from '@bufbuild/protobuf';
import { anyIs, AnySchema, type Any } from '@bufbuild/protobuf/wkt';
import { decodeMessage, encodeMessage } from './codec.js';

/**
 * The first annotation of the schema's type, decoded, or undefined. `where` names the owner for errors
 * (`"v1_resources row 12"`): a malformed annotation is a damaged file.
 */
export function unpackAnnotation<Desc extends DescMessage>(
  annotations: readonly Any[],
  schema: Desc,
  where = 'annotation',
): MessageShape<Desc> | undefined {
  const any = annotations.find((a) => anyIs(a, schema));
  return any ? decodeMessage(schema, any.value, `${where}: ${schema.typeName} annotation`) : undefined;
}

/** An Any with type URL `type.googleapis.com/<full name>`, the form the SDK writes. */
export function packAnnotation<Desc extends DescMessage>(schema: Desc, message: MessageShape<Desc> | MessageInitShape<Desc>): Any {
  // create() returns a message of the right type as it is and builds one from a plain init object.
  const value = encodeMessage(schema, create(schema, message));
  return create(AnySchema, { typeUrl: `type.googleapis.com/${schema.typeName}`, value });
}
