/**
 * Every command, its flags and where its code lives. Flags are declared here (cheap) and the code is loaded
 * on use, so `--help` lists everything without importing SQLite or protobuf.
 */
import { Option, type Command } from 'commander';
import type { CommandIO } from './output/sink.js';

export interface CommandModule {
  /** `options` are commander's parsed flags; each command declares the shape it expects. */
  run(options: never, args: string[], io: CommandIO): Promise<number>;
}

export interface CommandSpec {
  name: string;
  summary: string;
  configure(command: Command): void;
  load(): Promise<CommandModule>;
}

/** baton's global flags: the file and the output format. */
function fileFlags(command: Command): Command {
  return command
    .option('-f, --file <path>', 'the .c1z sync file to read', 'sync.c1z')
    .addOption(new Option('-o, --output-format <format>', 'output format').choices(['console', 'json']).default('console'));
}

function syncFlags(command: Command): Command {
  return fileFlags(command).option('--sync-id <id>', 'read this sync instead of the default one (see `syncs`)');
}

function typeFlag(command: Command): Command {
  return command.option('-t, --resource-type <id>', 'only this resource type');
}

export const COMMANDS: CommandSpec[] = [
  {
    name: 'stats',
    summary: 'counts of the latest finished sync (or the latest unfinished one, said so): per type resources, entitlements, grants',
    configure: (c) => void syncFlags(c).option('--recount', "count the rows even when the file caches the sync's stats"),
    load: () => import('./commands/stats.js'),
  },
  {
    name: 'syncs',
    summary: 'list the syncs in a file: id, start, end, type, parent, token',
    configure: (c) => void fileFlags(c),
    load: () => import('./commands/syncs.js'),
  },
  {
    name: 'resource-types',
    summary: 'list the resource types of a sync',
    configure: (c) => void syncFlags(c),
    load: () => import('./commands/resource-types.js'),
  },
  {
    name: 'resources',
    summary: 'list the resources of a sync',
    configure: (c) => void typeFlag(syncFlags(c)),
    load: () => import('./commands/resources.js'),
  },
  {
    name: 'entitlements',
    summary: 'list the entitlements of a sync',
    configure: (c) => void typeFlag(syncFlags(c)),
    load: () => import('./commands/entitlements.js'),
  },
  {
    name: 'grants',
    summary: 'list the grants of a sync',
    configure: (c) =>
      void typeFlag(syncFlags(c))
        .option('-r, --resource <type:id>', "only grants on this resource's entitlements (e.g. group:g1)")
        .option('-e, --entitlement <id>', 'only grants of this entitlement'),
    load: () => import('./commands/grants.js'),
  },
  {
    name: 'demo',
    summary: 'write a seeded example sync file (runs/demo/sync.c1z) and show its stats',
    configure: (c) =>
      void c
        .option('--out <path>', 'where to write the file', 'runs/demo/sync.c1z')
        .option('--seed <n>', 'seed for the generated directory', '1')
        .option('--users <n>', 'number of users', '250')
        .option('--groups <n>', 'number of groups', '20'),
    load: () => import('./commands/demo.js'),
  },
];
