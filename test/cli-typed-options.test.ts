/**
 * Every command's flags and its options schema name the same keys, so a flag renamed in the registry and not
 * in the schema (which types the command's module) fails here instead of reading `undefined` at run time.
 * Walks the registry itself, so a command added later is held to the same rule.
 */
import { Command, type Option } from 'commander';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as schemas from '../harness/cli/command-options.js';
import { parseOptions } from '../harness/cli/parse-options.js';
import { COMMANDS } from '../harness/cli/registry.js';
import { packagesLoadedBy } from './support/packages-loaded.js';

/** A value of the shape commander gives the option: what a user typing it would produce. */
function typedValue(option: Option): unknown {
  if (option.negate) return false;
  if (option.isBoolean()) return true;
  if (Array.isArray(option.defaultValue)) return ['x'];
  return option.argChoices?.[0] ?? 'x';
}

/** What commander hands over when only the required flags are given: the defaults and those flags. */
function baseline(command: Command): Record<string, unknown> {
  const required = command.options.filter((option) => option.mandatory).map((option) => [option.attributeName(), typedValue(option)]);
  return { ...command.opts(), ...Object.fromEntries(required) };
}

const commands = COMMANDS.map((spec) => {
  const command = new Command(spec.name);
  spec.configure(command);
  // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the registry names each schema; the test looks it up by that name
  const schema: z.ZodObject = schemas[spec.options];
  return { name: spec.name, command, schema };
});

describe.each(commands)('$name', ({ name, command, schema }) => {
  it('its schema knows exactly the flags it declares', () => {
    const attributes = command.options.map((option) => option.attributeName()).sort();
    expect(Object.keys(schema.shape).sort()).toEqual(attributes);
  });

  it('each declared flag, given, parses through its schema', () => {
    const defaults = baseline(command);
    for (const option of command.options) {
      const raw = { ...defaults, [option.attributeName()]: typedValue(option) };
      expect(() => parseOptions(name, schema, raw), option.flags).not.toThrow();
    }
  });

  it('its defaults and required flags alone parse', () => {
    expect(() => parseOptions(name, schema, baseline(command))).not.toThrow();
  });
});

describe('a schema refusing what commander let through', () => {
  it('is one line, naming the flag, as a UserError', () => {
    const raw = { ...commands.find((c) => c.name === 'stats')!.command.opts(), recountAll: true };
    expect(() => parseOptions('stats', schemas.statsOptions, raw)).toThrow(
      expect.objectContaining({ name: 'UserError', message: expect.stringMatching(/^stats: --recount-all: not an option stats reads/) }),
    );
    const wrong = { ...commands.find((c) => c.name === 'stats')!.command.opts(), file: 3 };
    expect(() => parseOptions('stats', schemas.statsOptions, wrong)).toThrow(
      expect.objectContaining({ name: 'UserError', message: expect.stringMatching(/^stats: --file: .*\(see sync-harness stats --help\)$/) }),
    );
  });
});

it('--help and --version load commander and nothing else: the schemas (zod) load when a command runs', () => {
  const main = resolve(import.meta.dirname, '../harness/cli/main.ts');
  const packages = [...packagesLoadedBy(main)].filter((name) => !name.startsWith('node:'));
  expect(packages).toEqual(['commander']);
});
