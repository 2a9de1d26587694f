import { create, toBinary, type Message } from '@bufbuild/protobuf';
import { file_google_protobuf_any } from '@bufbuild/protobuf/wkt';
import { describe, expect, it } from 'vitest';
import { ANY, defineFile, enm, enumType, field, map, message, messageSchema, msg, repeated } from './dsl.js';

type Box = Message<'test.v1.Box'> & { itemName: string; counts: Record<string, bigint>; kinds: number[] };

const boxFile = defineFile(
  {
    name: 'test/v1/box.proto',
    package: 'test.v1',
    dependencies: ['google/protobuf/any.proto'],
    types: [
      message(
        'Box',
        [
          field(1, 'item_name', 'string'),
          map(2, 'counts', 'string', 'int64'),
          repeated(3, 'kinds', enm('Box.Kind')),
          repeated(4, 'extras', ANY),
          field(5, 'inner', msg('Box.Inner')),
        ],
        [message('Inner', [field(1, 'x', 'bool')]), enumType('Kind', { KIND_UNSPECIFIED: 0, KIND_A: 1 })],
      ),
    ],
  },
  [file_google_protobuf_any],
);

describe('proto DSL', () => {
  it('builds a usable proto3 schema with protoc-style names', () => {
    const Box = messageSchema<Box>(boxFile, 'test.v1.Box');
    expect(Box.fields.map((f) => [f.name, f.jsonName, f.fieldKind])).toEqual([
      ['item_name', 'itemName', 'scalar'],
      ['counts', 'counts', 'map'],
      ['kinds', 'kinds', 'list'],
      ['extras', 'extras', 'list'],
      ['inner', 'inner', 'message'],
    ]);
    expect(boxFile.proto.messageType[0]?.nestedType.map((n) => n.name)).toEqual(['Inner', 'CountsEntry']);
    // proto3: repeated enums are packed.
    const bytes = toBinary(Box, create(Box, { kinds: [1, 1] }));
    expect([...bytes]).toEqual([0x1a, 2, 1, 1]);
    expect(messageSchema<Message<'test.v1.Box.Inner'>>(boxFile, 'test.v1.Box.Inner').typeName).toBe('test.v1.Box.Inner');
  });

  it('rejects fields out of ascending number order', () => {
    expect(() => message('Bad', [field(2, 'b', 'string'), field(1, 'a', 'string')])).toThrow(/a = 1 is out of ascending order/);
  });

  it('requires imports to be supplied and message names to exist', () => {
    expect(() =>
      defineFile({ name: 'x.proto', package: 'x', dependencies: ['google/protobuf/any.proto'], types: [] }, []),
    ).toThrow(/imports not supplied: google\/protobuf\/any.proto/);
    expect(() => messageSchema(boxFile, 'test.v1.Nope')).toThrow(/no message test.v1.Nope/);
  });
});
