/**
 * Docs are tests: every command in a fenced sh/bash/console block of README.md, docs/*.md and the READMEs
 * under scenarios/ (found by test/docs/doc-commands.ts, so a new doc is covered without a change here)
 *
 * - parses with the CLI's own program definition (harness/cli/program.ts), without running: the command
 *   exists and its flags are known, so a renamed flag fails every doc that still uses the old one;
 * - runs, in process, in a scratch folder where the files the docs name exist (the real samples linked from
 *   ../shared/c1z-samples, sync files and run folders the suite builds), unless its block is marked
 *   `<!-- docs-test: skip (why) -->`: it must exit as documented (0, or the block's `exit=N`), print JSON
 *   when asked with `-o json`, carry every key a `# {...}` line after it shows, and write its `--out` file.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgram } from '../../harness/cli/program.js';
import { Sink } from '../../lib/output/sink.js';
import { builtCli, runCli } from '../support/cli.js';
import { repoRoot } from '../support/paths.js';
import { describeWithSamples, SAMPLE, samplePath } from '../support/samples.js';
import { writeSyncFile } from '../support/sync-files.js';
import { docBlocks, docFiles, harnessArgs, unlabelledCommandBlocks, type DocCommand } from './doc-commands.js';

const blocks = docFiles(repoRoot).flatMap((file) => docBlocks(repoRoot, file));
const shown = (command: DocCommand) => command.argv.join(' ');

describe('documented commands parse with the CLI program', () => {
  for (const block of blocks) {
    for (const command of block.commands) {
      const args = harnessArgs(command);
      if (args) {
        it(`${command.where}: ${shown(command)}`, async () => expect(await parseError(args)).toBeUndefined());
      } else if (!block.skip) {
        it(`${command.where}: ${shown(command)}`, () => {
          throw new Error(
            `${command.where}: "${command.argv[0]}" is not sync-harness and cannot run here; mark the block <!-- docs-test: skip (why) --> or move it`,
          );
        });
      }
    }
  }

  it('finds the docs and their commands', () => {
    expect(blocks.map((b) => b.file)).toEqual(
      expect.arrayContaining(['README.md', 'docs/diff.md', 'docs/scenarios.md', 'scenarios/examples/README.md']),
    );
  });

  it('leaves no block of sync-harness commands without a language (it would escape this suite)', () => {
    const unlabelled = docFiles(repoRoot).flatMap((file) => unlabelledCommandBlocks(readFileSync(join(repoRoot, file), 'utf8'), file));
    expect(unlabelled, 'label these blocks sh').toEqual([]);
  });
});

/** Files the docs name, made in the scratch folder the first time a command names them. */
const FIXTURES: Record<string, (ws: string, path: string) => Promise<void>> = {
  'path/to/customer.c1z': link(samplePath(SAMPLE.expanded)),
  'BASE.c1z': link(samplePath(SAMPLE.unexpanded)),
  'COMPARE.c1z': link(samplePath(SAMPLE.expanded)),
  'A.c1z': link(samplePath(SAMPLE.unexpanded)),
  'B.c1z': link(samplePath(SAMPLE.expanded)),
  // `diff -f` compares a file's two latest full syncs.
  'sync.c1z': async (ws, path) => void (await writeSyncFile(join(ws, path), [{ size: 1 }, { size: 2 }])),
  'customer-debug.log': link(join(repoRoot, 'test/fixtures/logs/entra-expired-secret.json.log')),
  'runs/entra-control': libraryRun('entra/control'),
  'runs/entra-expired-secret': libraryRun('entra/expired-secret'),
  'runs/entra-throttled': libraryRun('entra/throttled'),
  'runs/acme-1234-before': libraryRun('entra/control'),
};

describeWithSamples('documented commands run as the docs say', () => {
  const home = process.cwd();
  const ws = mkdtempSync(join(tmpdir(), 'docs-run-'));
  beforeAll(() => {
    // The scenarios the docs run, linked; anything a command writes (runs/, scenarios/customers/) stays here.
    mkdirSync(join(ws, 'scenarios/customers'), { recursive: true });
    for (const dir of ['examples', 'library']) symlinkSync(join(repoRoot, 'scenarios', dir), join(ws, 'scenarios', dir));
    process.chdir(ws);
  });
  afterAll(() => {
    process.chdir(home);
    rmSync(ws, { recursive: true, force: true });
  });

  for (const block of blocks.filter((b) => !b.skip)) {
    for (const command of block.commands) {
      const args = harnessArgs(command);
      if (!args) continue;
      it(`${command.where}: ${shown(command)}`, async () => {
        for (const [path, make] of Object.entries(FIXTURES)) {
          if (args.some((a) => a === path || a.startsWith(`${path}/`)) && !existsSync(join(ws, path))) await make(ws, path);
        }
        // The stand-in connector of the examples starts the build under test, not a stale dist/.
        const out = await runCli(args, { env: { ...command.env, SYNC_HARNESS_CLI: builtCli() } });
        const said = `${command.where}: exit ${out.code}\nstderr: ${out.stderr.slice(0, 2000)}`;
        expect(out.code, said).toBe(block.exit);
        if (outputFormat(args) === 'json') {
          const json = parseJson(out.stdout);
          expect(json, `${command.where}: -o json printed no JSON:\n${out.stdout.slice(0, 500)}`).toBeDefined();
          const keys = claimedKeys(command.shown);
          expect(
            keys.filter((k) => !hasKey(json, k)),
            `${command.where}: keys the doc shows but the output lacks`,
          ).toEqual([]);
        }
        const outFile = flagValue(args, '--out');
        if (outFile && block.exit === 0) expect(existsSync(join(ws, outFile)), `${command.where}: --out ${outFile} was not written`).toBe(true);
      }, 120_000);
    }
  }
});

/** Commander's complaint about the arguments, or undefined when they parse (nothing runs). */
async function parseError(args: string[]): Promise<string | undefined> {
  let text = '';
  const sink = new Sink(
    new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        text += chunk.toString();
        done();
      },
    }),
  );
  const program = createProgram({ stdout: new Sink(new Writable({ write: (_c, _e, done) => done() })), stderr: sink }, async () => {});
  try {
    await program.parseAsync(args, { from: 'user' });
    return undefined;
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return undefined;
    return text.trim() || (error as Error).message;
  }
}

function link(target: string) {
  return async (ws: string, path: string) => {
    mkdirSync(dirname(join(ws, path)), { recursive: true });
    symlinkSync(target, join(ws, path));
  };
}

/** A library scenario's run folder, under the name the doc gives it. */
function libraryRun(scenario: string) {
  return async (ws: string, path: string) => {
    const runs = join(ws, '.fixture-runs');
    const out = await runCli(['run', join('scenarios/library', `${scenario}.yaml`), '--runs-dir', runs, '-o', 'json']);
    const [result] = (JSON.parse(out.stdout) as { scenarios: { runDir: string }[] }).scenarios;
    mkdirSync(dirname(join(ws, path)), { recursive: true });
    renameSync(result!.runDir, join(ws, path));
  };
}

function outputFormat(args: string[]): string | undefined {
  return flagValue(args, '-o') ?? flagValue(args, '--output-format') ?? flagValue(args, '--output');
}

function flagValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
}

/** A JSON document, or JSON lines as a list; undefined when neither. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      const lines = text.split('\n').filter((l) => l.trim());
      return lines.length ? lines.map((l) => JSON.parse(l) as unknown) : undefined;
    } catch {
      return undefined;
    }
  }
}

function claimedKeys(text: string): string[] {
  return [...new Set([...text.matchAll(/"([A-Za-z_]\w*)"\s*:/g)].map((m) => m[1]!))];
}

function hasKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasKey(v, key));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k === key || hasKey(v, key));
}
