/**
 * Scenario files built to exhaust the loader: nested aliases ("billion laughs"), a huge file, deep nesting.
 * Each is one line naming the file, exit 2, at once; never an internal error, a hang or memory filling up.
 * Numbered cases failed before.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, MAX_ALIAS_COUNT, MAX_SCENARIO_BYTES } from '../../harness/scenario/load.js';
import { lines, runCli } from '../support/cli.js';

let dir: string;
const at = (name: string) => join(dir, name);

/** Nine levels of nine aliases each: 9^9 (387 million) strings once expanded. */
function laughs(levels = 9): string {
  const names = 'abcdefghijklmnop';
  const rows = [`${names[0]}: &${names[0]} [${Array(9).fill('"lol"').join(',')}]`];
  for (let i = 1; i < levels; i++)
    rows.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(',')}]`,
    );
  return `version: 1\nname: bomb\nprovider: entra\n${rows.join('\n')}\n`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yaml-bombs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scenario files that would exhaust the loader', () => {
  it('1. billion laughs: one line naming the file, not "internal error: Excessive alias count"', async () => {
    writeFileSync(at('laughs.yaml'), laughs());
    const result = await runCli(['run', '--runs-dir', at('runs'), at('laughs.yaml')]);
    expect(result.code, result.stderr).toBe(2);
    // The file is its own error row in the summary; nothing ran.
    expect(result.stdout).toMatch(/^ERROR\s+laughs\s+-\s+error/m);
    const all = lines(result.stderr);
    expect(all).toHaveLength(1);
    expect(all[0]).toBe(
      `sync-harness: ${at('laughs.yaml')}:1:1: yaml: the aliases expand too far (Excessive alias count indicates a resource exhaustion attack; a scenario needs at most ${MAX_ALIAS_COUNT} alias expansions: write the values out)`,
    );
  });

  it('2. the loader refuses it as bad input too (the library form of the same error)', async () => {
    writeFileSync(at('laughs2.yaml'), laughs(4));
    const started = performance.now();
    await expect(loadScenario(at('laughs.yaml'))).rejects.toMatchObject({ name: 'UserError' });
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(loadScenario(at('laughs2.yaml'))).rejects.toMatchObject({
      name: 'UserError',
      message: expect.stringMatching(/aliases expand too far/),
    });
  });

  it('a few aliases, as a person writes them, still load', async () => {
    writeFileSync(
      at('aliases.yaml'),
      'version: 1\nname: aliased\nprovider: entra\nconnector: builtin:entra\nfaults: &f ["throttle:every=3"]\nrerun: { faults: *f }\nexpect: { outcome: succeeded }\n',
    );
    const loaded = await loadScenario(at('aliases.yaml'));
    expect(loaded.rerun?.faults.map((f) => f.text)).toEqual(['throttle:every=3']);
  });

  it('3. a file larger than a scenario ever is: refused by size before it is read', async () => {
    const text = `version: 1\nname: huge\nprovider: entra\n# ${'x'.repeat(MAX_SCENARIO_BYTES)}\n`;
    writeFileSync(at('huge.yaml'), text);
    const result = await runCli(['run', '--runs-dir', at('runs'), at('huge.yaml')]);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      `sync-harness: ${at('huge.yaml')}: ${Buffer.byteLength(text)} bytes is too large for a scenario file (at most ${MAX_SCENARIO_BYTES}) (is this the scenario? scenario files are a few KB of YAML)`,
    ]);
  });

  it('deep nesting is a YAML error or a schema error, never a stack overflow', async () => {
    writeFileSync(at('deep.yaml'), `version: 1\nname: deep\nprovider: entra\ntenant: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    const result = await runCli(['run', '--runs-dir', at('runs'), at('deep.yaml')]);
    expect(result.code, result.stderr).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(lines(result.stderr)[0]).toMatch(
      new RegExp(`^sync-harness: ${at('deep.yaml')}:4:\\d+: yaml: nested too deeply \\(fix the YAML syntax\\)$`),
    );
  });
});
