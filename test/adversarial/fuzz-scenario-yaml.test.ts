/**
 * The scenario loader: any text, and any YAML document with the scenario's keys holding any values, is a
 * scenario or a one-line UserError at a file position; never a TypeError from a value of the wrong shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario } from '../../harness/scenario/load.js';
import { answersOrRefuses, isUserError, mangledText, SEED } from '../support/fuzz.js';

const FILE = 'fuzz.yaml';
const KEYS = [
  'version',
  'name',
  'provider',
  'connector',
  'connectors',
  'tenant',
  'faults',
  'expect',
  'actions',
  'rerun',
  'permissions',
  'writeBack',
  'timeout',
  'memory',
];
const PIECES = [
  ...KEYS.map((k) => `${k}: `),
  '\n',
  '  ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '!!str ',
  '!!binary ',
  '? ',
  '|',
  '>',
  '#',
  '"',
  "'",
  '1',
  'entra',
  'builtin:entra',
  'throttle:every=3',
  '~',
  '<<: *a',
  '---',
  '...',
  '%YAML 1.2',
];
const VALUE = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    'entra',
    'builtin:entra',
    'builtin:scim',
    1,
    2,
    '10m',
    'succeeded',
    ['throttle:every=3'],
    { builtin: 'entra' },
    { users: 5 },
    { outcome: 'failed' },
  ),
);

describe('scenario YAML fuzzing', () => {
  it('any text: a scenario or a one-line UserError naming the file', () => {
    fc.assert(
      fc.property(mangledText(PIECES, 80), (text) => {
        answersOrRefuses(
          () => parseScenario(text, FILE),
          (error) => isUserError(error) && (error as Error).message.startsWith(`${FILE}:`),
        );
      }),
      { seed: SEED, numRuns: 1200 },
    );
  });

  it("a mapping of the scenario's keys to any values", () => {
    const doc = fc.dictionary(fc.constantFrom(...KEYS), VALUE, { maxKeys: 8 });
    fc.assert(
      fc.property(doc, fc.boolean(), (data, versioned) => {
        const text = stringify(versioned ? { version: 1, ...data } : data);
        answersOrRefuses(
          () => parseScenario(text, FILE),
          (error) => isUserError(error) && (error as Error).message.startsWith(`${FILE}:`),
        );
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  it('a valid scenario with one value replaced', () => {
    const base = {
      version: 1,
      name: 'fuzzed',
      provider: 'entra',
      connector: 'builtin:entra',
      tenant: { users: 5 },
      faults: ['throttle:every=3'],
      expect: { outcome: 'succeeded' },
    };
    expect(parseScenario(stringify(base), FILE).name).toBe('fuzzed');
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), VALUE, (key, value) => {
        answersOrRefuses(() => parseScenario(stringify({ ...base, [key]: value }), FILE), isUserError);
      }),
      { seed: SEED, numRuns: 600 },
    );
  });
});
