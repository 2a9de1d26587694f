/** Each issued secret is kept once, under a label that names its kind and order, never its value. */
import { describe, expect, it } from 'vitest';
import { IssuedSecrets } from './issued-secrets.js';

describe('IssuedSecrets', () => {
  it('numbers each kind and keeps a value once', () => {
    const issued = new IssuedSecrets();
    issued.add('entra access token', 'eyJ.a.b');
    issued.add('entra access token', 'eyJ.c.d');
    issued.add('entra access token', 'eyJ.a.b');
    issued.add('aws session token', 'FwoG');
    expect(issued.size).toBe(3);
    expect(issued.all()).toEqual([
      { label: 'entra access token #1', value: 'eyJ.a.b' },
      { label: 'entra access token #2', value: 'eyJ.c.d' },
      { label: 'aws session token #1', value: 'FwoG' },
    ]);
  });
});
