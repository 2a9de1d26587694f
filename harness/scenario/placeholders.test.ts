import { describe, expect, it } from 'vitest';
import { providerNames } from '../../mocks/serve/provider-registry.js';
import { CREDENTIAL_NAMES, expandCommand, knownPlaceholders, placeholdersIn, unknownPlaceholderProblem } from './placeholders.js';

const values = { baseUrl: 'http://127.0.0.1:4010', output: '/tmp/run 1/sync.c1z', 'credentials.clientSecret': 's3cr3t' };

describe('placeholders', () => {
  it('names credentials for exactly the providers the registry serves', () => {
    expect(Object.keys(CREDENTIAL_NAMES).sort()).toEqual(providerNames());
  });

  it('expands a list argument by argument, keeping spaces inside one argument', () => {
    expect(expandCommand(['conn', '--base={baseUrl}', '--secret', '{credentials.clientSecret}', '-f', '{output}'], values)).toEqual([
      'conn',
      '--base=http://127.0.0.1:4010',
      '--secret',
      's3cr3t',
      '-f',
      '/tmp/run 1/sync.c1z',
    ]);
    expect(expandCommand('conn --url {baseUrl}', values)).toBe('conn --url http://127.0.0.1:4010');
  });

  it('leaves JSON braces alone', () => {
    expect(placeholdersIn(`--config '{"a":1}' {output}`)).toEqual(['output']);
  });

  it('names an unknown placeholder and the known ones', () => {
    expect(() => expandCommand(['conn', '{baseURL}'], values)).toThrow(
      'command[1]: unknown placeholder {baseURL} (did you mean {baseUrl}? known: {baseUrl}, {output}, {credentials.clientSecret})',
    );
    expect(unknownPlaceholderProblem('{credentials.clientSecret}', knownPlaceholders('aws'))).toMatch(
      /^unknown placeholder \{credentials.clientSecret\} \(known: .*\{credentials.secretAccessKey\}/,
    );
  });
});
