/**
 * Matching a replayed request to a recorded one: query order, secrets, signatures and fresh JWTs never
 * matter; bodies matter only where the recording has several for one request line; repeats play in order.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange } from './exchange.js';
import { ExchangeIndex, shapeOf } from './match.js';

function recorded(method: string, url: string, body: string | undefined, answer: string, headers: [string, string][] = []): Exchange {
  return {
    startedAt: '2026-05-01T12:00:00.000Z',
    durationMs: 1,
    request: { method, url, headers, ...(body === undefined ? {} : { body }) },
    response: { status: 200, headers: [], body: answer },
  };
}

const asServed = (origin: string) => origin;

function take(index: ExchangeIndex, method: string, url: string, body?: string, target?: string): string {
  const parsed = new URL(url);
  const result = index.take(shapeOf(method, parsed, parsed.origin, target, body));
  return 'exchange' in result ? result.exchange.response.body : `404 ${result.differences.join('; ')}`;
}

describe('matching replayed requests', () => {
  it('ignores query order, secrets in bodies and fresh assertions', () => {
    const index = new ExchangeIndex(
      [
        recorded('GET', 'https://graph.microsoft.com/v1.0/users?$select=id&$top=999', undefined, 'users'),
        recorded(
          'POST',
          'https://oauth2.googleapis.com/token',
          'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=sync-harness-redacted-jwt',
          'token',
        ),
      ],
      asServed,
    );
    expect(take(index, 'GET', 'https://graph.microsoft.com/v1.0/users?$top=999&$select=id')).toBe('users');
    expect(take(index, 'GET', 'https://graph.microsoft.com/v1.0/users/?%24top=999&%24select=id')).toBe('users');
    expect(
      take(
        index,
        'POST',
        'https://oauth2.googleapis.com/token',
        'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=eyJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6IngifQ.c2ln',
      ),
    ).toBe('token');
  });

  it('matches bodies only where the recording has different ones for the same request line', () => {
    const iam = 'https://iam.amazonaws.com/';
    const store = 'https://identitystore.us-east-1.amazonaws.com/';
    const index = new ExchangeIndex(
      [
        recorded('POST', iam, 'Action=ListUsers&Version=2010-05-08', 'users'),
        recorded('POST', iam, 'Action=GetGroup&Version=2010-05-08&GroupName=name0001', 'group 1'),
        recorded('POST', store, '{"IdentityStoreId":"d-1234567890"}', 'store users', [['x-amz-target', 'AWSIdentityStore.ListUsers']]),
        recorded('POST', store, '{"IdentityStoreId":"d-1234567890"}', 'store groups', [['x-amz-target', 'AWSIdentityStore.ListGroups']]),
      ],
      asServed,
    );
    expect(take(index, 'POST', iam, 'Version=2010-05-08&GroupName=name0001&Action=GetGroup')).toBe('group 1');
    expect(take(index, 'POST', iam, 'Action=ListUsers&Version=2010-05-08')).toBe('users');
    expect(take(index, 'POST', store, '{ "IdentityStoreId": "d-1234567890" }', 'AWSIdentityStore.ListGroups')).toBe('store groups');
    expect(take(index, 'POST', iam, 'Action=GetGroup&Version=2010-05-08&GroupName=name0002')).toMatch(
      /^404 body: recorded "Action=GetGroup&GroupName=name0001&Version=2010-05-08", sent "Action=GetGroup&GroupName=name0002/,
    );
  });

  it('plays repeats in order, then the last answer again, and reports what is left unused', () => {
    const url = 'https://graph.microsoft.com/v1.0/groups';
    const index = new ExchangeIndex(
      [recorded('GET', url, undefined, 'first'), recorded('GET', url, undefined, 'second'), recorded('GET', `${url}/x`, undefined, 'never')],
      asServed,
    );
    expect([take(index, 'GET', url), take(index, 'GET', url), take(index, 'GET', url)]).toEqual(['first', 'second', 'second']);
    expect(index.unused().map((e) => e.response.body)).toEqual(['never']);
  });

  it('names what differs from the nearest recorded request', () => {
    const index = new ExchangeIndex([recorded('GET', 'https://graph.microsoft.com/v1.0/users?$top=999', undefined, 'users')], asServed);
    expect(take(index, 'GET', 'https://graph.microsoft.com/v1.0/users?$top=999&$count=true')).toBe('404 query $count: sent "true", not recorded');
    expect(take(index, 'DELETE', 'https://graph.microsoft.com/v1.0/users?$top=999')).toBe('404 method: recorded GET, sent DELETE');
  });

  it('matches rebased requests against the recorded hosts', () => {
    const index = new ExchangeIndex([recorded('GET', 'https://graph.microsoft.com/v1.0/users', undefined, 'users')], () => 'http://127.0.0.1:4000');
    expect(take(index, 'GET', 'http://127.0.0.1:4000/v1.0/users')).toBe('users');
  });
});
