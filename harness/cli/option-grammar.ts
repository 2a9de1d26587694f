/**
 * The one grammar every command shares: `-o, --output-format` picks a format, `--out` names the file (or
 * folder) a command writes. Spellings from before the grammar settled stay accepted, hidden from --help,
 * and say on stderr which spelling replaced them, so scripts keep working while their authors hear of it.
 */
import { Option, type Command } from 'commander';

/** `-o, --output-format <format>`, the flag baton's CLI uses for formats. */
export function outputFormatOption(choices: readonly string[], fallback: string, description = 'output format'): Option {
  return new Option('-o, --output-format <format>', description).choices(choices).default(fallback);
}

export interface OldSpelling {
  /** The old flags as commander declares them, e.g. '--output <format>' or '-o <path>'. */
  flags: string;
  /** The attribute of the option that replaces it, e.g. 'outputFormat'. */
  to: string;
  /** The new spelling as the note shows it, e.g. '-o/--output-format'. */
  spelling: string;
  /** The values the new option accepts, checked for the old one too. */
  choices?: readonly string[];
}

/** Accept `old.flags` as a hidden alias of the option named `old.to`, with a one-line note on stderr. */
export function acceptOldSpelling(command: Command, old: OldSpelling): Command {
  const option = new Option(old.flags).hideHelp();
  if (old.choices) option.choices(old.choices);
  command.addOption(option);
  const used = old.flags
    .split(/[ ,]+/)
    .filter((flag) => flag.startsWith('-'))
    .join('/');
  command.on(`option:${option.name()}`, (value: string) => {
    command.setOptionValueWithSource(old.to, value, 'cli');
    // Subcommands copy the program's output settings, so the note goes where every other message goes.
    command.configureOutput().writeErr?.(`sync-harness: note: ${used} is deprecated; use ${old.spelling} (same meaning)\n`);
  });
  return command;
}
