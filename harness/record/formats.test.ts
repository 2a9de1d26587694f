/**
 * HAR and nock JSON: written as the specs and nock's recorder do, read back to the same exchanges, and
 * read leniently from what other tools and older nock versions write.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Exchange } from './exchange.js';
import { PLACEHOLDERS } from './field-rules.js';
import { fromHar, toHar } from './har.js';
import { fromNock, toNock } from './nock.js';
import { parseFixtures } from './replay.js';

const exchanges: Exchange[] = [
  {
    startedAt: '2026-05-01T12:00:00.000Z',
    durationMs: 12.5,
    request: {
      method: 'POST',
      url: 'https://login.microsoftonline.com/9ce1214a-0f8b-4d32-9e50-280f1e32cfce/oauth2/v2.0/token',
      headers: [['content-type', 'application/x-www-form-urlencoded']],
      body: `grant_type=client_credentials&client_secret=${PLACEHOLDERS.secret}`,
    },
    response: {
      status: 200,
      headers: [['content-type', 'application/json; charset=utf-8']],
      body: `{"access_token":"${PLACEHOLDERS.token}","expires_in":3599}`,
    },
  },
  {
    startedAt: '2026-05-01T12:00:01.000Z',
    durationMs: 3,
    request: {
      method: 'POST',
      url: 'https://identitystore.us-east-1.amazonaws.com/',
      headers: [
        ['x-amz-target', 'AWSIdentityStore.ListUsers'],
        ['content-type', 'application/x-amz-json-1.1'],
      ],
      body: '{"IdentityStoreId":"d-1234567890"}',
    },
    response: { status: 200, headers: [['content-type', 'application/x-amz-json-1.1']], body: '{"Users":[]}' },
  },
  {
    startedAt: '2026-05-01T12:00:02.000Z',
    durationMs: 1,
    request: { method: 'GET', url: 'https://scim.example.org:8443/scim/v2/Users/42/photo', headers: [] },
    response: {
      status: 200,
      headers: [['content-type', 'image/png']],
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff]).toString('base64'),
      bodyEncoding: 'base64',
    },
  },
];

describe('HAR', () => {
  it('writes HAR 1.2 with timings and reads the same exchanges back', () => {
    const har = toHar(exchanges);
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries[0]).toMatchObject({
      startedDateTime: '2026-05-01T12:00:00.000Z',
      time: 12.5,
      timings: { wait: 12.5 },
      request: { postData: { mimeType: 'application/x-www-form-urlencoded' } },
    });
    expect(har.log.entries[2]!.response.content).toMatchObject({ encoding: 'base64', size: 5, mimeType: 'image/png' });
    expect(fromHar(JSON.parse(JSON.stringify(har)))).toEqual(exchanges);
  });

  it("reads a browser's HAR: form params without text, base64 text content, HTTP/2 pseudo-headers", () => {
    const [e] = fromHar({
      log: {
        entries: [
          {
            startedDateTime: '2026-05-01T12:00:00Z',
            time: -1,
            request: {
              method: 'post',
              url: 'https://example.org/token',
              headers: [{ name: ':authority', value: 'example.org' }],
              postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'a b', value: 'c&d' }] },
            },
            response: {
              status: 200,
              headers: [{ name: 'content-length', value: '2' }],
              content: { size: 2, mimeType: 'application/json', text: Buffer.from('{}').toString('base64'), encoding: 'base64' },
            },
          },
        ],
      },
    });
    expect(e).toEqual({
      startedAt: '2026-05-01T12:00:00Z',
      durationMs: 0,
      request: { method: 'POST', url: 'https://example.org/token', headers: [], body: 'a%20b=c%26d' },
      response: { status: 200, headers: [], body: '{}' },
    });
  });
});

describe('nock recorder JSON', () => {
  it('writes what nock.recorder.rec({ output_objects: true }) writes, leaving out bodies with placeholders', () => {
    const [token, store, photo] = toNock(exchanges);
    expect(token).toEqual({
      scope: 'https://login.microsoftonline.com:443',
      method: 'POST',
      path: '/9ce1214a-0f8b-4d32-9e50-280f1e32cfce/oauth2/v2.0/token',
      status: 200,
      response: { access_token: PLACEHOLDERS.token, expires_in: 3599 },
      rawHeaders: ['content-type', 'application/json; charset=utf-8'],
      responseIsBinary: false,
    });
    expect(store).toMatchObject({
      body: { IdentityStoreId: 'd-1234567890' },
      reqheaders: { 'x-amz-target': 'AWSIdentityStore.ListUsers' },
      response: { Users: [] },
    });
    expect(photo).toMatchObject({ scope: 'https://scim.example.org:8443', response: '89504e47ff', responseIsBinary: true });
  });

  it('reads its own output back', () => {
    const back = fromNock(JSON.parse(JSON.stringify(toNock(exchanges))));
    expect(back.map((e) => [e.request.method, e.request.url, e.response.status, e.response.body])).toEqual(
      exchanges.map((e) => [e.request.method, e.request.url, e.response.status, e.response.body]),
    );
    expect(back[1]!.request.headers).toEqual([['x-amz-target', 'AWSIdentityStore.ListUsers']]);
    expect(back[1]!.request.body).toBe('{"IdentityStoreId":"d-1234567890"}');
  });

  it('reads nock.back fixtures as connector repos keep them: string answers, header objects, gzipped hex chunks', () => {
    const gz = gzipSync(Buffer.from('{"value":[1,2]}')).toString('hex');
    const fixtures = parseFixtures(
      JSON.stringify([
        {
          scope: 'https://graph.microsoft.com',
          method: 'GET',
          path: '/v1.0/users?$top=2',
          body: '',
          status: 200,
          response: [gz.slice(0, 10), gz.slice(10)],
          rawHeaders: ['Content-Type', 'application/json', 'Content-Encoding', 'gzip', 'Content-Length', '35'],
        },
        {
          scope: 'http://localhost:80',
          method: 'post',
          path: 'login',
          body: { user: 'a' },
          response: 'ok',
          headers: { 'content-type': 'text/plain' },
        },
      ]),
    );
    expect(fixtures[0]).toMatchObject({
      request: { url: 'https://graph.microsoft.com/v1.0/users?$top=2' },
      response: { status: 200, headers: [['Content-Type', 'application/json']], body: '{"value":[1,2]}' },
    });
    expect(fixtures[1]).toMatchObject({
      request: { method: 'POST', url: 'http://localhost/login', body: '{"user":"a"}' },
      response: { status: 200, body: 'ok', headers: [['content-type', 'text/plain']] },
    });
  });
});
