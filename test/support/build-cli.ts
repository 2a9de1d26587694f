/**
 * vitest globalSetup: the tests that need a real process (signals, exit statuses, a full TMPDIR) run the
 * built CLI. It is built into a private folder named by a hash of the sources, never into dist/: test runs
 * started side by side (two people in one clone) would otherwise rebuild dist/ under each other's running
 * binaries. An unchanged tree reuses its build, so only a run after an edit pays for tsc. tsx is no
 * substitute: it keeps its compile cache under TMPDIR, which those tests fill on purpose.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { repoRoot } from './paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built `sync-harness` entry point (see test/support/cli.ts `spawnCli`). */
    builtCli: string;
  }
}

const SOURCE_DIRS = ['harness', 'mocks', 'connectors', 'reports'];
const BUILDS = join(repoRoot, 'node_modules/.cache/sync-harness-test-cli');
/** Builds of older trees are removed once this old; a day covers any run still using one. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export default function setup(project: TestProject): void {
  const dir = join(BUILDS, sourceHash());
  const main = join(dir, 'harness/cli/main.js');
  if (!existsSync(main)) build(dir);
  project.provide('builtCli', main);
  prune(dir);
}

function build(dir: string): void {
  mkdirSync(BUILDS, { recursive: true });
  const scratch = `${dir}.${process.pid}.tmp`;
  rmSync(scratch, { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', scratch], {
      cwd: repoRoot,
      stdio: 'pipe',
    });
  } catch (error) {
    // tsc still emits when types are wrong; type errors are `npm run typecheck`'s to report, not every test's.
    const output = String((error as { stdout?: Buffer }).stdout ?? '');
    if (!existsSync(join(scratch, 'harness/cli/main.js'))) throw new Error(`building the CLI for the tests failed:\n${output}`);
    console.warn(`tsc reported errors; the CLI for the tests was still built:\n${output}`);
  }
  try {
    renameSync(scratch, dir);
  } catch (error) {
    // A run beside this one built the same tree first: use its build.
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(join(dir, 'harness/cli/main.js'))) throw error;
  }
}

/** Every source file the build reads, by path and content. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const add = (path: string) =>
    hash
      .update(path)
      .update('\0')
      .update(readFileSync(join(repoRoot, path)))
      .update('\0');
  for (const file of ['tsconfig.json', 'tsconfig.build.json', 'package.json']) add(file);
  const visit = (dir: string) => {
    for (const entry of readdirSync(join(repoRoot, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) add(path);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(repoRoot, dir))) visit(dir);
  return hash.digest('hex').slice(0, 16);
}

function prune(current: string): void {
  for (const name of readdirSync(BUILDS)) {
    const path = join(BUILDS, name);
    if (path !== current && Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
  }
}
