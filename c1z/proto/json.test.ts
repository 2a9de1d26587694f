import { create } from '@bufbuild/protobuf';
import { AnySchema, timestampFromDate } from '@bufbuild/protobuf/wkt';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../lib/errors.js';
import { GrantSchema, messageToJson, packAnnotation, ResourceSchema, SyncRunSchema, UserTraitSchema } from './index.js';

describe('messageToJson', () => {
  it('writes protojson: camelCase names, int64 as strings, enum names, RFC 3339 timestamps', () => {
    const run = create(SyncRunSchema, {
      id: '36zfOAoWMxQdISbixanQCRBiX7E',
      startedAt: timestampFromDate(new Date('2025-12-17T16:31:25.057Z')),
      syncType: 'full',
      stats: { resourceTypes: 4n, resources: 1221n, resourcesByResourceType: { user: 1000n } },
    });
    expect(messageToJson(SyncRunSchema, run)).toEqual({
      id: '36zfOAoWMxQdISbixanQCRBiX7E',
      startedAt: '2025-12-17T16:31:25.057Z',
      syncType: 'full',
      stats: { resourceTypes: '4', resources: '1221', resourcesByResourceType: { user: '1000' } },
    });
  });

  it('writes known annotations inline with their @type', () => {
    const resource = create(ResourceSchema, {
      annotations: [packAnnotation(UserTraitSchema, { login: 'ann', accountType: 1, emails: [{ address: 'a@x', isPrimary: true }] })],
    });
    expect(messageToJson(ResourceSchema, resource)).toEqual({
      annotations: [
        {
          '@type': 'type.googleapis.com/c1.connector.v2.UserTrait',
          emails: [{ address: 'a@x', isPrimary: true }],
          accountType: 'ACCOUNT_TYPE_HUMAN',
          login: 'ann',
        },
      ],
    });
  });

  it('shows unknown Any types with their raw bytes and leaves the caller message untouched', () => {
    const value = Uint8Array.of(8, 1, 18, 2, 104, 105);
    const grant = create(GrantSchema, {
      id: 'g',
      principal: { annotations: [create(AnySchema, { typeUrl: 'type.googleapis.com/vendor.v1.Thing', value })] },
      annotations: [create(AnySchema, { typeUrl: 'type.googleapis.com/NoPackage', value: new Uint8Array(0) })],
    });
    expect(messageToJson(GrantSchema, grant)).toEqual({
      id: 'g',
      principal: { annotations: [{ '@type': 'type.googleapis.com/vendor.v1.Thing', '@value': 'CAESAmhp' }] },
      annotations: [{ '@type': 'type.googleapis.com/NoPackage' }],
    });
    expect(grant.principal?.annotations[0]?.value).toEqual(value);
  });

  it('reports an Any whose type URL names no message as a UserError', () => {
    const resource = create(ResourceSchema, { annotations: [create(AnySchema, { typeUrl: 'type.googleapis.com/', value: new Uint8Array(0) })] });
    expect(() => messageToJson(ResourceSchema, resource)).toThrow(UserError);
  });
});
