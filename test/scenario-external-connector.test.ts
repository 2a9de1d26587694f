/**
 * The reference connectors started as separate processes (`sync-harness connector <provider>`) against the
 * simulator served on loopback pass the same library scenarios as the builtin ones, and the journal shows
 * every request arrived over a socket from 127.0.0.1. Only scenarios without long real waits are taken:
 * an external process lives on the real clock.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { JournalEntry } from '../mocks/core/journal.js';
import { loadScenario } from '../harness/scenario/load.js';
import { expectMet, runScenario } from '../harness/testing.js';
import { repoRoot } from './support/paths.js';

const SCENARIOS = [
  'entra/control',
  'entra/consent-not-granted',
  'entra/partial-consent',
  'entra/expired-secret',
  'entra/invalid-secret',
  'entra/page-token-unchanged',
  'entra/variant-no-raw-id',
  'entra/variant-wrong-principal-type',
  'entra/identities-filtered',
  'google/control',
  'aws/control',
  'scim/control',
];

const runsDir = mkdtempSync(join(tmpdir(), 'external-connector-'));
afterAll(() => rmSync(runsDir, { recursive: true, force: true }));

describe('a scenario naming the sync-harness executable', () => {
  it('finds it first on the command PATH, whatever PATH the harness was started with', async () => {
    const scenario = await loadScenario(join(repoRoot, 'scenarios/library/scim/control.yaml'));
    const path = process.env.PATH;
    // Without the node_modules/.bin that npm and vitest put there.
    process.env.PATH = (path ?? '')
      .split(delimiter)
      .filter((dir) => !dir.includes('node_modules'))
      .join(delimiter);
    try {
      const command = ['sync-harness', 'connector', 'scim', '--credentials', '{credentialsFile}', '--file', '{output}', '--log-format', 'json'];
      expectMet(await runScenario(scenario, { connector: command, runsDir }));
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('reference connectors as external processes against serve', () => {
  for (const name of SCENARIOS) {
    it(`${name} passes as it does in process`, async () => {
      const scenario = await loadScenario(join(repoRoot, 'scenarios/library', `${name}.yaml`));
      const spec = scenario.connectors[0]!;
      const variant = spec.kind === 'builtin' && spec.variant ? ['--variant', spec.variant] : [];
      const command = [
        process.execPath,
        inject('builtCli'),
        'connector',
        scenario.provider,
        '--credentials',
        '{credentialsFile}',
        '--file',
        '{output}',
        '--log-format',
        'json',
        ...variant,
      ];
      const result = await runScenario(scenario, { connector: command, runsDir });
      expectMet(result);
      const journal = readFileSync(join(result.runDir, 'journal.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as JournalEntry);
      expect(journal.length).toBeGreaterThan(0);
      expect(journal.filter((e) => !e.peer?.startsWith('127.0.0.1:'))).toEqual([]);
      // The connector's secrets never reach its saved log.
      expect(readFileSync(join(result.runDir, 'connector.log'), 'utf8')).not.toMatch(/client_secret|BEGIN [A-Z ]*KEY|secretAccessKey/);
    });
  }
});
