#!/usr/bin/env node
/**
 * The `sync-harness` command. Start-up is kept to commander and this file: each command's module (SQLite,
 * zstd, protobuf...) is imported only when that command runs, so `--version` and `--help` stay instant.
 */
import { Command, CommanderError } from 'commander';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { echo, oneLine } from '../echo.js';
import { COMMANDS } from './registry.js';
import { Sink, type CommandIO } from './output/sink.js';
import { packageVersion } from './version.js';

export async function main(argv: string[], io: CommandIO = defaultIO()): Promise<number> {
  let exitCode = 0;
  const debug = argv.includes('--debug');
  const program = new Command('sync-harness')
    .description('Test harness for identity-sync connectors: inspect, write and compare Baton .c1z sync files')
    .version(packageVersion(), '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      // Usage errors get the same one-line shape as every other error, so scripts can grep one prefix.
      outputError: (text, write) => write(`sync-harness: ${usageLine(text)} (run with --help for usage)\n`),
    });

  for (const spec of COMMANDS) {
    const command = program.command(spec.name).description(spec.summary).exitOverride();
    spec.configure(command);
    command.action(async (...args: unknown[]) => {
      const module = await spec.load();
      exitCode = await module.run(command.opts() as never, args.slice(0, -2).flat() as string[], io);
    });
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io, debug);
  }
}

/** Commander's "error: unknown command 'stat'\n(Did you mean stats?)" as one line, without its "error: ". */
function usageLine(text: string): string {
  const line = text.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
  // Commander quotes the value it refused in full: cut a long one as every other echoed value is cut.
  return oneLine(line.replace(/'([^']{81,})'/g, (_, value: string) => `'${echo(value)}'`));
}

function reportError(error: unknown, io: CommandIO, debug: boolean): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here with exit code 0; usage errors were already printed.
    return error.exitCode === 0 ? 0 : 2;
  }
  const userError = error instanceof Error && error.name === 'UserError';
  // The net under every message: whatever value it echoes, it stays one line.
  const message = userError ? (error as Error).message : `internal error: ${(error as Error)?.message ?? String(error)}`;
  void io.stderr.line(`sync-harness: ${oneLine(message)}`);
  if (debug && error instanceof Error && error.stack) void io.stderr.line(error.stack);
  else if (!userError) void io.stderr.line('(run again with --debug for the stack trace, and please report it)');
  return userError ? 2 : 1;
}

function defaultIO(): CommandIO {
  // A closed pipe (`sync-harness grants | head`) is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return { stdout: new Sink(process.stdout), stderr: new Sink(process.stderr) };
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
