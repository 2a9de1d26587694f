import { describe, expect, it } from 'vitest';
import { bypassesProxy } from './no-proxy.js';

describe('NO_PROXY', () => {
  it.each([
    ['graph.microsoft.com', 443, '', false],
    ['graph.microsoft.com', 443, '*', true],
    ['127.0.0.1', 8080, 'localhost,127.0.0.1', true],
    ['api.internal.example', 443, '.internal.example', true],
    ['api.internal.example', 443, '*.internal.example', true],
    ['internal.example', 443, 'internal.example', true],
    ['notinternal.example', 443, 'internal.example', false],
    ['graph.microsoft.com', 443, 'graph.microsoft.com:8443', false],
    ['graph.microsoft.com', 8443, 'graph.microsoft.com:8443', true],
    ['::1', 443, '[::1]', true],
  ])('%s:%s with NO_PROXY=%j bypasses: %s', (host, port, noProxy, expected) => {
    expect(bypassesProxy(host, port, noProxy)).toBe(expected);
  });
});
