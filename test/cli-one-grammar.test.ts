/**
 * One grammar across the CLI: `-o, --output-format` picks a format and `--out` names what a command writes,
 * in every command; every --help ends with runnable examples and shows the defaults. Walks the program
 * definition itself, so a command added later is held to the same rules. The spellings used before the
 * grammar settled still work, each with a one-line note naming its replacement.
 */
import { Command, type Option } from 'commander';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../harness/cli/registry.js';
import { DEFAULT_USERS } from '../mocks/tenant/shape.js';
import { serveProviders } from '../harness/serve/serve-providers.js';
import { createTenant } from '../mocks/tenant/store.js';
import { runCli } from './support/cli.js';
import { CURL, describeWithTools } from './support/system-tools.js';

const dir = mkdtempSync(join(tmpdir(), 'one-grammar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Where a command writes something besides its main output (a journal, the CA, run folders), and the
 * connector's `-f, --file`, which is a Baton connector binary's own flag: a scenario's command swaps the
 * reference connector for a real one without changing its arguments.
 */
const NOT_THE_OUTPUT = new Set(['serve --journal', 'serve --tls-dir', 'run --runs-dir', 'repro --runs-dir', 'connector --file']);

const commands = COMMANDS.map((spec) => {
  const command = new Command(spec.name);
  spec.configure(command);
  const visible = command.options.filter((option) => !option.hidden);
  return { name: spec.name, command, visible, help: command.helpInformation() + helpAfter(command) };
});

/** What `addHelpText('after', ...)` adds, as `--help` prints it. */
function helpAfter(command: Command): string {
  let text = '';
  (command as unknown as NodeJS.EventEmitter).emit('afterHelp', { error: false, command, write: (s: string) => (text += s) });
  return text;
}

function helpLine(help: string, option: Option): string {
  // An option's description wraps onto the next lines, indented past the flags column.
  const start = help.indexOf(`  ${option.flags}`);
  expect(start, option.flags).toBeGreaterThanOrEqual(0);
  const rest = help.slice(start).split('\n');
  const end = rest.findIndex((line, i) => i > 0 && !/^ {6,}\S/.test(line));
  return rest.slice(0, end).join(' ').replace(/\s+/g, ' ');
}

describe.each(commands)('$name --help', ({ name, visible, help }) => {
  it('ends with examples that run the command from a clone', () => {
    const examples = help.slice(help.indexOf('\nExamples:\n'));
    expect(help).toContain('\nExamples:\n');
    expect(examples).toMatch(new RegExp(`^  npx sync-harness ${name} `, 'm'));
    expect(examples.split('\n').filter((line) => line.length > 80)).toEqual([]);
    // Bare `sync-harness` is not on PATH in a clone.
    expect(examples.split('\n').filter((line) => /^\s+sync-harness /.test(line))).toEqual([]);
  });

  it('picks formats with -o, --output-format and nothing else', () => {
    for (const option of visible) {
      if (option.short === '-o' || /output|format/.test(option.long ?? '')) {
        if (option.long === '--log-format') continue;
        expect(option.flags).toBe('-o, --output-format <format>');
        expect(option.argChoices?.length).toBeGreaterThan(1);
      }
    }
  });

  it('names what it writes with --out', () => {
    for (const option of visible) {
      const description = option.description ?? '';
      if (!/^where\b|^write\b|\bto write\b/.test(description) || NOT_THE_OUTPUT.has(`${name} ${option.long}`)) continue;
      expect(`${name} ${option.flags}`).toMatch(new RegExp(`^${name} --out <(file|path|dir)>$`));
    }
  });

  it('shows the default of every option that has one, in one form', () => {
    for (const option of visible) {
      const line = helpLine(help, option);
      const valued = option.required || option.optional;
      if (valued && option.defaultValue !== undefined) expect(line).toMatch(/[(,] ?default: /);
      // A default the code computes is spelled as commander spells the ones it knows.
      if (/\bdefault\b/.test(option.description ?? '')) expect(line, line).toMatch(/\(default: [^)]+\)|default one|by default/);
    }
  });
});

it('serve and tenant generate show the generated tenant size', () => {
  for (const name of ['serve', 'tenant']) {
    const { help } = commands.find((c) => c.name === name)!;
    expect(help).toMatch(new RegExp(`--users <n> .*\\(default: ${DEFAULT_USERS}\\)`));
  }
});

describe('the spellings from before', () => {
  it('run --output json is run -o json, with a note', async () => {
    const result = await runCli(['run', 'scenarios/library/scim/control.yaml', '--output', 'json', '--runs-dir', join(dir, 'runs')]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ scenarios: [{ name: 'scim-control' }] });
    expect(result.stderr.startsWith(note('--output', '-o/--output-format'))).toBe(true);
  });

  it('repro --output json is repro -o json, with a note', async () => {
    const places = ['--out', join(dir, 'scenarios'), '--runs-dir', join(dir, 'repro-runs')];
    const result = await runCli(['repro', '--provider', 'scim', '--symptom', 'expired-secret', ...places, '--output', 'json']);
    expect(JSON.parse(result.stdout)).toHaveProperty('scenario');
    expect(result.stderr).toContain(note('--output', '-o/--output-format'));
  });

  it('tenant generate -o FILE is --out FILE, with a note', async () => {
    const out = join(dir, 'tenant.db');
    const result = await runCli(['tenant', 'generate', '--users', '5', '-o', out]);
    expect(result.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(0);
    expect(result.stderr.startsWith(note('-o', '--out'))).toBe(true);
  });

  it('an old spelling takes only the values the new one does', async () => {
    const result = await runCli(['run', 'scenarios/library/scim/control.yaml', '--output', 'yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sync-harness: option '--output <format>' argument 'yaml' is invalid/);
  });

  it('the new spellings print no note', async () => {
    const result = await runCli(['tenant', 'generate', '--users', '5', '--out', join(dir, 'quiet.db')]);
    expect(result.stderr).not.toContain('deprecated');
  });
});

describeWithTools('record --output', () => {
  it('record --output json is record -o json, with a note', async () => {
    const upstream = await serveProviders({
      providers: ['entra'],
      tenant: () => createTenant({ seed: 2, users: 3, groups: 1 }),
      seed: 2,
      faults: [],
    });
    try {
      const command = ['sh', '-c', 'curl -s https://graph.microsoft.com/v1.0/users >/dev/null'];
      const args = ['record', '--provider', 'entra', '--upstream', upstream.address, '--out', join(dir, 'rec'), '--output', 'json', '--', ...command];
      const result = await runCli(args);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ exchanges: 1 });
      expect(result.stderr).toBe(note('--output', '-o/--output-format'));
    } finally {
      await upstream.stop();
    }
  });
}, [CURL]);

function note(old: string, now: string): string {
  return `sync-harness: note: ${old} is deprecated; use ${now} (same meaning)\n`;
}
