/**
 * Runs the CLI the two ways tests need: in-process through `main(argv, io)` (fast; most tests), and as a
 * real child process of the built binary, for what only a process shows (exit statuses, signals, a
 * different TMPDIR or mount namespace). `test/support/build-cli.ts` (vitest globalSetup) builds the binary.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import { inject } from 'vitest';
import { main } from '../../harness/cli/main.js';
import { Sink } from '../../lib/output/sink.js';
import { repoRoot } from './paths.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Variables set for the duration of the run (undefined removes one); the CLI reads them at use. */
  env?: Record<string, string | undefined>;
  /** Stdout (and stderr) as a terminal this many columns wide; without it, both are pipes. */
  terminalColumns?: number;
}

/** `sync-harness ...args` in this process. */
export async function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  const stdout = capture(options.terminalColumns);
  const stderr = capture(options.terminalColumns);
  const restore = setEnv(options.env ?? {});
  try {
    const code = await main(args, { stdout: new Sink(stdout.stream), stderr: new Sink(stderr.stream) });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    restore();
  }
}

export interface ProcessResult {
  /** Exit code, or null when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Spawned {
  child: ChildProcess;
  done: Promise<ProcessResult>;
}

/** The built `sync-harness` entry point, fresh for the sources under test. */
export function builtCli(): string {
  return inject('builtCli');
}

/** The built `sync-harness` binary as a child process. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): Spawned {
  return spawnProcess(process.execPath, [builtCli(), ...args], env);
}

/** Any command, its output collected; `env` is added to this process's environment. */
export function spawnProcess(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Spawned {
  const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const done = new Promise<ProcessResult>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/**
 * The first line a spawned process writes to stdout (`serve`'s JSON ready line); rejects with its stderr
 * if it exits first.
 */
export async function readyLine(spawned: Spawned): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    spawned.child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const end = text.indexOf('\n');
      if (end >= 0) resolve(text.slice(0, end));
    });
    void spawned.done.then((r) => reject(new Error(`serve exited before it was ready: ${r.stderr}`)));
  });
}

/** Lines of an output, without the empty one after the final newline. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1);
}

function capture(terminalColumns?: number) {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  if (terminalColumns !== undefined) Object.assign(stream, { isTTY: true, columns: terminalColumns });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

function setEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.keys(vars).map((key) => [key, process.env[key]] as const);
  for (const [key, value] of Object.entries(vars)) assign(key, value);
  return () => {
    for (const [key, value] of saved) assign(key, value);
  };
}

function assign(key: string, value: string | undefined): void {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}
