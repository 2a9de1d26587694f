import { describe, expect, it } from 'vitest';
import { adminRefusal } from './admin-guard.js';

const served = 'http://127.0.0.1:4010';

describe('adminRefusal', () => {
  it.each([['127.0.0.1:4010'], ['localhost:4010'], ['LOCALHOST:4010'], ['[::1]:4010']])('lets a client that addressed %s in', (host) => {
    expect(adminRefusal(host, undefined, served)).toBeUndefined();
  });

  it.each([['evil.example:4010'], ['127.0.0.1:4011'], ['127.0.0.1'], ['localhost'], ['127.0.0.2:4010'], [''], [undefined]])(
    'refuses Host %s',
    (host) => {
      expect(adminRefusal(host, undefined, served)).toMatch(/^admin API refused: Host .* is not this server \(address it as 127\.0\.0\.1:4010\)/);
    },
  );

  it.each([['http://127.0.0.1:4010'], ['http://localhost:4010'], ['http://[::1]:4010']])('lets a page served here (Origin %s) in', (origin) => {
    expect(adminRefusal('127.0.0.1:4010', origin, served)).toBeUndefined();
  });

  it.each([['https://evil.example'], ['http://127.0.0.1:5173'], ['https://127.0.0.1:4010'], ['null'], ['http://localhost']])(
    'refuses Origin %s',
    (origin) => {
      expect(adminRefusal('127.0.0.1:4010', origin, served)).toMatch(/^admin API refused: a request from the web page at/);
    },
  );

  it('inside a proxy tunnel, the tunnel host is the one allowed (with or without the default port)', () => {
    const tunnel = 'https://graph.microsoft.com';
    expect(adminRefusal('graph.microsoft.com', undefined, tunnel)).toBeUndefined();
    expect(adminRefusal('graph.microsoft.com:443', 'https://graph.microsoft.com', tunnel)).toBeUndefined();
    expect(adminRefusal('127.0.0.1:443', undefined, tunnel)).toMatch(/Host/);
    expect(adminRefusal('graph.microsoft.com', 'https://evil.example', tunnel)).toMatch(/web page/);
  });
});
