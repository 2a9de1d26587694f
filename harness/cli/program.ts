/**
 * The `sync-harness` program definition: global flags, every command's flags from the registry, and one
 * error shape. `main` runs it; the docs suite parses documented commands with it without running them, so
 * a renamed or removed flag fails the docs that still use it.
 */
import { Command } from 'commander';
import { echo, oneLine } from '../../lib/echo.js';
import { COMMANDS, type CommandSpec } from './registry.js';
import type { CommandIO } from '../../lib/output/sink.js';
import { packageVersion } from './version.js';

/** What happens when a command's flags parsed: `main` runs it (`spec.run` checks the flags and loads its module). */
export type CommandAction = (spec: CommandSpec, options: Record<string, unknown>, args: string[]) => Promise<void>;

export function createProgram(io: CommandIO, act: CommandAction): Command {
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
    command.action(async (...args: unknown[]) => act(spec, command.opts(), args.slice(0, -2).flat() as string[]));
  }
  return program;
}

/** Commander's "error: unknown command 'stat'\n(Did you mean stats?)" as one line, without its "error: ". */
function usageLine(text: string): string {
  const line = text
    .trim()
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ');
  // Commander quotes the value it refused in full: cut a long one as every other echoed value is cut.
  return oneLine(line.replace(/'([^']{81,})'/g, (_, value: string) => `'${echo(value)}'`));
}
