/**
 * Commander's parsed flags through a command's options schema (command-options.ts). Commander's own parsers
 * refuse malformed values first, so a refusal here means a flag and its schema disagree; it still ends as
 * the CLI's one line and exit 2, never as zod's multi-line dump.
 */
import type { z } from 'zod';
import { UserError } from '../../lib/errors.js';

export function parseOptions<O>(command: string, schema: z.ZodType<O>, raw: Record<string, unknown>): O {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const flags = issue.keys.map(flagOf).join(', ');
    throw new UserError(`${command}: ${flags}: not an option ${command} reads (its schema in harness/cli/command-options.ts lacks it)`);
  }
  const where = issue.path.length > 0 ? flagOf(String(issue.path[0])) : 'options';
  throw new UserError(`${command}: ${where}: ${issue.message} (see sync-harness ${command} --help)`);
}

/** An option's attribute name as the flag that sets it: `syncId` is `--sync-id`, `o` is `-o`. */
export function flagOf(attribute: string): string {
  if (attribute.length === 1) return `-${attribute}`;
  return `--${attribute.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
