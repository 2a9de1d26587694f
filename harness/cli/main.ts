#!/usr/bin/env node
/**
 * The `sync-harness` command. Start-up is kept to commander and this file: each command's module (SQLite,
 * zstd, protobuf...) is imported only when that command runs, so `--version` and `--help` stay instant.
 */
import { CommanderError } from 'commander';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installCleanupHandlers } from '../../lib/fs/temp-files.js';
import { oneLine } from '../../lib/echo.js';
import { Sink, type CommandIO } from '../../lib/output/sink.js';
import { createProgram } from './program.js';

export async function main(argv: string[], io: CommandIO = defaultIO()): Promise<number> {
  let exitCode = 0;
  const debug = argv.includes('--debug');
  const program = createProgram(io, async (spec, options, args) => {
    exitCode = await spec.run(options, args, io);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io, debug);
  }
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
  // Before any command starts: Ctrl-C at any point removes temp files and staging folders and kills the
  // process trees of connectors, then ends with the signal's exit status.
  installCleanupHandlers();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
