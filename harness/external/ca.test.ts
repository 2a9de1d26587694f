import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRunCa } from './ca.js';

const dir = mkdtempSync(join(tmpdir(), 'run-ca-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the run CA', () => {
  const ca = createRunCa(join(dir, 'tls'));
  const root = new X509Certificate(readFileSync(ca.certPath));

  it('is a CA that writes its certificate alone: the key stays in memory', () => {
    expect(root.ca).toBe(true);
    expect(readdirSync(join(dir, 'tls'))).toEqual(['ca.pem']);
  });

  it('signs a leaf per host that names the host, not the CA, and verifies against it', () => {
    for (const host of ['graph.microsoft.com', '127.0.0.1']) {
      const leaf = new X509Certificate(ca.leafFor(host).cert);
      expect(leaf.ca).toBe(false);
      expect(leaf.verify(root.publicKey)).toBe(true);
      expect(host === '127.0.0.1' ? leaf.checkIP(host) : leaf.checkHost(host)).toBe(host);
      expect(leaf.checkHost('login.microsoftonline.com')).toBeUndefined();
    }
  });

  it('gives every certificate a positive 16-byte serial (Go 1.23+ refuses negative ones)', () => {
    const serials = [root, ...['a.test', 'b.test', 'c.test'].map((h) => new X509Certificate(ca.leafFor(h).cert))].map((c) => c.serialNumber);
    for (const serial of serials) {
      expect(serial).toMatch(/^[0-9A-F]{32}$/);
      expect(Number.parseInt(serial.slice(0, 2), 16)).toBeLessThan(0x80);
    }
    expect(new Set(serials).size).toBe(serials.length);
  });
});
