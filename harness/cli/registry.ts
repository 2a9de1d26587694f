/**
 * Every command, its flags and where its code lives. Flags are declared here (cheap) and the code is loaded
 * on use, so `--help` lists everything without importing SQLite or protobuf.
 */
import { Argument, Option, type Command } from 'commander';
import type { z } from 'zod';
import { UserError } from '../../lib/errors.js';
import type { CommandIO } from '../../lib/output/sink.js';
import { symptomHelp } from '../repro/symptom-list.js';
import { DEFAULT_USERS } from '../../mocks/tenant/shape.js';
import { PROVIDER_NAMES } from '../../mocks/providers.js';
import { acceptOldSpelling, outputFormatOption } from './option-grammar.js';
import { examplesHelp } from './examples.js';
import { proxyPreloadOptions } from '../external/preload-path.js';

/** Where a command's code lives: its `run` reads the options its schema gives. */
interface CommandModule<O> {
  run(options: O, args: string[], io: CommandIO): Promise<number>;
}

/** The schemas of command-options.ts by name; the module is loaded on use, so `--help` does not load zod. */
type Schemas = typeof import('./command-options.js');
type OptionsOf<K extends keyof Schemas> = z.output<Schemas[K]>;

/** Each schema as the type it gives, so a schema picked by a generic name keeps its own output type. */
async function schemaOf<K extends keyof Schemas>(name: K): Promise<z.ZodType<OptionsOf<K>>> {
  const schemas: { [P in keyof Schemas]: z.ZodType<OptionsOf<P>> } = await import('./command-options.js');
  return schemas[name];
}

export interface CommandSpec {
  name: string;
  summary: string;
  configure(command: Command): void;
  /** The name of the command's options schema in command-options.ts. */
  options: keyof Schemas;
  /** `raw` is commander's `command.opts()`: checked against the schema, then handed to the module typed. */
  run(raw: Record<string, unknown>, args: string[], io: CommandIO): Promise<number>;
}

interface Definition<K extends keyof Schemas> {
  name: string;
  summary: string;
  configure(command: Command): void;
  /** The command's schema: its name in command-options.ts. */
  options: K;
  load(): Promise<CommandModule<OptionsOf<K>>>;
}

/**
 * One command, typed in its options: the module's `run` must take what the schema outputs, so tsc holds
 * the two together, and test/cli-typed-options.test.ts holds the schema to the flags `configure` declares.
 */
function defineCommand<K extends keyof Schemas>(definition: Definition<K>): CommandSpec {
  return {
    name: definition.name,
    summary: definition.summary,
    configure: definition.configure,
    options: definition.options,
    run: async (raw, args, io) => {
      const loading = [import('./parse-options.js'), schemaOf(definition.options), definition.load()] as const;
      const [{ parseOptions }, typed, module] = await Promise.all(loading);
      return module.run(parseOptions(definition.name, typed, raw), args, io);
    },
  };
}

/**
 * A flag's value that names something (a sync id, a resource type): an empty one would silently mean "no
 * filter" or "the default sync", which is not what someone who typed the flag asked for.
 */
function nonEmpty(flag: string, what: string): (value: string) => string {
  return (value) => {
    if (value.trim() === '') throw new UserError(`${flag} "": empty ${what} (give one, or leave ${flag} out)`);
    return value;
  };
}

/** baton's global flags: the file and the output format. */
function fileFlags(command: Command): Command {
  return command.option('-f, --file <path>', 'the .c1z sync file to read', 'sync.c1z').addOption(outputFormatOption(['console', 'json'], 'console'));
}

function syncFlags(command: Command): Command {
  return fileFlags(command).option('--sync-id <id>', 'read this sync instead of the default one (see `syncs`)', nonEmpty('--sync-id', 'sync id'));
}

function typeFlag(command: Command): Command {
  return command.option('-t, --resource-type <id>', 'only this resource type', nonEmpty('--resource-type', 'resource type'));
}

/** `tenant generate`: the shape's sizes and mixes; defaults live in mocks/tenant/shape.ts, so none are set here. */
function tenantFlags(command: Command): Command {
  // tenant generate took `-o, --out <path>`; `-o` now means a format everywhere else.
  return acceptOldSpelling(
    command
      .addArgument(new Argument('<action>', 'what to do').choices(['generate']))
      .requiredOption('--out <path>', 'the tenant file to write (SQLite; replaced only once complete)'),
    { flags: '-o <path>', to: 'out', spelling: '--out' },
  )
    .option('--seed <n>', 'seed: the same seed and sizes give the same tenant, byte for byte (default: 1)')
    .option('--users <n>', `number of users (default: ${DEFAULT_USERS})`)
    .option('--groups <n>', 'number of groups (default: users × 0.15)')
    .option('--roles <n>', 'directory roles: Entra built-ins first, then custom (default: 12)')
    .option('--apps <n>', 'enterprise apps (default: 5)')
    .option('--policies <n>', 'IAM policies, AWS-managed and customer (default: 20)')
    .option('--memberships-per-user <n>', 'average direct group memberships per user (default: 3)')
    .option('--role-assignments <n>', 'directory role assignments (default: users / 20)')
    .option('--app-role-assignments <n>', 'app role assignments (default: users / 4)')
    .option('--policy-attachments <n>', 'policy attachments to users, groups and roles (default: users / 5)')
    .option('--nested-group-ratio <r>', 'fraction of groups nested in another group (default: 0.1)')
    .option('--guest-ratio <r>', 'fraction of users who are guests (default: 0.05)')
    .option('--external-ratio <r>', 'fraction of users who are external identities (default: 0.02)')
    .option('--service-ratio <r>', 'fraction of users who are service accounts (default: 0.02)')
    .option('--disabled-ratio <r>', 'fraction of users who are disabled (default: 0.03)')
    .option('--domain <name>', 'primary domain; must end in .test, .example, .invalid or .localhost (default: contoso.test)');
}

/** run, repro and record took `-o, --output <format>` before the grammar settled on `--output-format`. */
function oldOutputSpelling(command: Command, choices: readonly string[]): Command {
  return acceptOldSpelling(command, { flags: '--output <format>', to: 'outputFormat', spelling: '-o/--output-format', choices });
}

/** Baton's logging flags. */
function logFlags(command: Command): Command {
  return command
    .addOption(new Option('--log-level <level>', 'the harness log level (stderr)').choices(['debug', 'info', 'warn', 'error']).default('info'))
    .addOption(new Option('--log-format <format>', 'the harness log format').choices(['json', 'console']).default('console'));
}

const SPECS: CommandSpec[] = [
  defineCommand({
    name: 'run',
    summary: 'run scenario files (or folders of them) against the simulators; exit 0 when every expectation is met',
    configure: (c) =>
      void oldOutputSpelling(
        logFlags(c)
          .argument('<paths...>', 'scenario files (.yaml) or folders searched for them')
          .option(
            '--connector <command>',
            "run this external command instead of each scenario's connector (placeholders such as {baseUrl}, {output}, {credentialsFile}, {proxyUrl}, {caFile})",
          )
          .addOption(
            new Option(
              '--connector-mode <mode>',
              "how --connector reaches the simulator: base-url (it takes {baseUrl}) or proxy (unmodified, through HTTPS_PROXY with the run's CA and the Node preload)",
            )
              .choices(['base-url', 'proxy'])
              .default('base-url'),
          )
          .option('--shard <i/n>', 'run only shard i of n, split as Vitest splits files (e.g. --shard 1/3)')
          .addOption(outputFormatOption(['console', 'json', 'junit'], 'console', 'report format on stdout'))
          .option('--runs-dir <dir>', "where each scenario's run folder goes", 'runs'),
        ['console', 'json', 'junit'],
      ),
    options: 'runOptions',
    load: () => import('./commands/run.js'),
  }),
  defineCommand({
    name: 'diff',
    summary: 'compare two syncs (two files, or the latest two full syncs of one file): added, removed, changed, findings, CI gates',
    configure: (c) =>
      void c
        .argument('[files...]', 'BASE.c1z COMPARE.c1z (or use -f FILE for the latest against the previous full sync in one file)')
        .option('-f, --file <path>', 'one file: its latest full sync against the previous one, as `baton diff`')
        .option('--base-sync-id <id>', "the base side's sync (default: the file's latest finished full sync)", nonEmpty('--base-sync-id', 'sync id'))
        .option('--sync-id <id>', "the compared side's sync (default: the file's latest finished full sync)", nonEmpty('--sync-id', 'sync id'))
        .option(
          '--fail-on <rule>',
          'CI gate, repeatable: <added|removed|changed>:<resources|entitlements|grants|type:NAME><op><number|percent>, vanished:<type|*>, finding:<id> (e.g. removed:type:user>5%)',
          (v: string, all: string[]) => [...all, v],
          [] as string[],
        )
        .option('--drop-threshold <percent>', 'a resource type losing more than this share is a finding (likely a partial sync)', '10')
        .addOption(outputFormatOption(['console', 'json', 'markdown', 'html', 'junit'], 'console')),
    options: 'diffOptions',
    load: () => import('./commands/diff.js'),
  }),
  defineCommand({
    name: 'doctor',
    summary: 'diagnose what a customer sends: a connector log (--log), a sync file (-f), expected ids (--expect-ids)',
    configure: (c) =>
      void c
        .option('--log <file>', "a connector's Baton log, JSON (zap) or console format")
        .option('-f, --file <path>', 'a .c1z: where an unfinished sync stopped, what it reached, state findings')
        .option('--expect-ids <file>', 'with -f: ids that must be in the sync (one per line, type:id): missing, extra, case-only mismatches')
        .addOption(outputFormatOption(['console', 'json'], 'console')),
    options: 'doctorOptions',
    load: () => import('./commands/doctor.js'),
  }),
  defineCommand({
    name: 'report',
    summary: 'a run folder as a report people read (Markdown or one self-contained HTML file), as a support case asks for',
    configure: (c) =>
      void c
        .argument('<run-dir>', 'a run folder (runs/<scenario>/) written by `run`')
        .option('--last-good <path>', 'a run folder or .c1z of the last good sync, to say what changed since')
        .addOption(outputFormatOption(['markdown', 'html'], 'markdown'))
        .option('--out <file>', 'write the report here (replaced only once complete) instead of stdout'),
    options: 'reportOptions',
    load: () => import('./commands/report.js'),
  }),
  defineCommand({
    name: 'repro',
    summary:
      'turn a customer report (a Baton debug log, or provider + symptom) into a scenario under scenarios/customers/, run it once, say whether it reproduces',
    configure: (c) =>
      void oldOutputSpelling(c, ['console', 'json'])
        .option('--log <file>', 'a Baton debug log (JSON or console zap lines): provider, tenant size and faults are inferred from it')
        .option('--provider <name>', `one of ${PROVIDER_NAMES.join(', ')} (with --log: overrides the guess)`)
        .option('--symptom <ids>', 'for a report without a log: doctor finding ids, comma-separated (listed below)')
        .option('--users <n>', "without a log: the tenant's users (capped so a run takes seconds; the cap is noted in the file)")
        .option('--groups <n>', "without a log: the tenant's groups")
        .option(
          '--missing <permission>',
          'with --symptom permission-missing: the permission, scope or action refused (e.g. Group.Read.All, iam:ListGroups)',
        )
        .option('--ticket <name>', 'name the scenario (and its file) after the ticket, e.g. acme-1234')
        .option('--out <dir>', 'where the scenario file goes', 'scenarios/customers')
        .option('--force', 'replace a scenario file of the same name')
        .option('--runs-dir <dir>', 'where the run folder goes', 'runs')
        .addOption(outputFormatOption(['console', 'json'], 'console'))
        .addHelpText('after', symptomHelp()),
    options: 'reproOptions',
    load: () => import('./commands/repro.js'),
  }),
  defineCommand({
    name: 'record',
    summary:
      'run a connector through the HTTPS proxy with the real service (or --upstream) behind it; keep its traffic, sanitized, as HAR and nock fixtures, and check it replays to the same sync',
    configure: (c) =>
      void oldOutputSpelling(c, ['console', 'json'])
        .argument(
          '<command...>',
          'the connector command, after -- (placeholders {output}, {proxyUrl}, {caFile}, {credentialsFile}, {credentials.KEY})',
        )
        .requiredOption('--provider <name>', `the service it talks to, one of ${PROVIDER_NAMES.join(', ')} (sets the hosts the proxy answers for)`)
        .option(
          '--credentials <file>',
          "the connector's configuration as JSON, or serve's ready line (its loopback URLs move to the real hosts, so requests pass the proxy): its secrets are never written, and the replay gets it with ids mapped",
        )
        .option(
          '--upstream <url>',
          'send requests to this base URL (a `serve` standing in for the service) instead of the real hosts (default: the baseUrl of a ready line given as --credentials)',
        )
        .option('--name <name>', 'names the files', 'recording')
        .option('--out <dir>', 'where the recording goes (default: recordings/<name>)')
        .option('--seed <text>', 'seed for the generated ids and names that replace the real ones (same seed, same mapping)', 'sync-harness')
        .option('--region <region>', 'AWS region of the Identity Store and regional STS', 'us-east-1')
        .option('--scim-host <host>', 'the SCIM service host to record')
        .option('--timeout <duration>', 'give up on the connector after this long', '10m')
        .option('--no-verify', 'skip replaying the recording to check it')
        .addOption(outputFormatOption(['console', 'json'], 'console')),
    options: 'recordOptions',
    load: () => import('./commands/record.js'),
  }),
  defineCommand({
    name: 'bundle',
    summary:
      'pack a run folder into one sanitized archive for a support ticket: README with the case, reports, scrubbed log and journal, the scenario and a repro scenario',
    configure: (c) =>
      void c
        .argument('<run>', 'a run folder (runs/<scenario>/)')
        .option('--out <file>', 'where the archive goes (default: <run>.bundle.tar.gz)')
        .option('--last-good <run|file>', 'the last good run folder or .c1z, to say what changed')
        .option('--log <file>', "the customer's own debug log, added scrubbed and used for the repro scenario")
        .option('--connector-version <version>', 'the connector version, when its log does not say'),
    options: 'bundleOptions',
    load: () => import('./commands/bundle.js'),
  }),
  defineCommand({
    name: 'connector',
    summary: "run a reference connector as a process: credentials file in, .c1z out (what a scenario's external command can start)",
    configure: (c) =>
      void logFlags(
        c
          .addArgument(new Argument('<provider>', 'which reference connector').choices(PROVIDER_NAMES))
          .requiredOption(
            '--credentials <file>',
            'the JSON line `serve` prints (for one provider or several), or the credentials a scenario run writes ({credentialsFile})',
          )
          .option('-f, --file <path>', 'the .c1z to write', 'sync.c1z')
          .option('--variant <name>', 'a buggy variant, e.g. ignores-retry-after')
          .option(
            '--request-timeout <duration>',
            'give up on a request that has not answered after this long (default: wait, as an http.Client without Timeout does)',
          ),
      ),
    options: 'connectorOptions',
    load: () => import('./commands/connector.js'),
  }),
  defineCommand({
    name: 'stats',
    summary: 'counts of the latest finished sync (or the latest unfinished one, said so): per type resources, entitlements, grants',
    configure: (c) => void syncFlags(c).option('--recount', "count the rows even when the file caches the sync's stats"),
    options: 'statsOptions',
    load: () => import('./commands/stats.js'),
  }),
  defineCommand({
    name: 'syncs',
    summary: 'list the syncs in a file: id, start, end, type, parent, token',
    configure: (c) => void fileFlags(c),
    options: 'syncsOptions',
    load: () => import('./commands/syncs.js'),
  }),
  defineCommand({
    name: 'resource-types',
    summary: 'list the resource types of a sync',
    configure: (c) => void syncFlags(c),
    options: 'resourceTypesOptions',
    load: () => import('./commands/resource-types.js'),
  }),
  defineCommand({
    name: 'resources',
    summary: 'list the resources of a sync',
    configure: (c) => void typeFlag(syncFlags(c)),
    options: 'listingOptions',
    load: () => import('./commands/resources.js'),
  }),
  defineCommand({
    name: 'entitlements',
    summary: 'list the entitlements of a sync',
    configure: (c) => void typeFlag(syncFlags(c)),
    options: 'listingOptions',
    load: () => import('./commands/entitlements.js'),
  }),
  defineCommand({
    name: 'grants',
    summary: 'list the grants of a sync',
    configure: (c) =>
      void typeFlag(syncFlags(c))
        .option('-r, --resource <type:id>', "only grants on this resource's entitlements (e.g. group:g1)", nonEmpty('--resource', 'resource'))
        .option('-e, --entitlement <id>', 'only grants of this entitlement', nonEmpty('--entitlement', 'entitlement id')),
    options: 'grantsOptions',
    load: () => import('./commands/grants.js'),
  }),
  defineCommand({
    name: 'serve',
    summary: 'serve simulated providers on 127.0.0.1 (HTTP, HTTPS or as an HTTPS proxy); prints one JSON line with the address and credentials',
    configure: (c) =>
      void c
        .option('--provider <names>', `providers to simulate, comma-separated: ${PROVIDER_NAMES.join(', ')} (default: all of them, with --proxy)`)
        .option(
          '--replay <file>',
          'serve a recording instead (HAR, nock JSON or a folder of nock.back files, e.g. from `record`); faults layer on top',
        )
        .option('--seed <n>', 'seed for the tenant, ids and faults', '1')
        .option('--users <n>', `users in the generated tenant (default: ${DEFAULT_USERS})`)
        .option('--groups <n>', 'groups in the generated tenant (default: users × 0.15)')
        .option('--tenant <file>', 'serve a tenant made by `tenant generate` instead of generating one')
        .option(
          '--fault <spec>',
          'fault to inject, repeatable (e.g. throttle:every=3,retry-after=1)',
          (v: string, all: string[]) => [...all, v],
          [] as string[],
        )
        .option('--port <n>', 'port to listen on (default: a free one)')
        .option('--journal <file>', 'where to write the request journal (JSON lines)', 'runs/serve/journal.jsonl')
        .option('--write-back', 'let provisioning calls (add/remove a group member) change the tenant; without it they answer 403')
        .option('--tls', 'serve HTTPS on 127.0.0.1 with a CA made for this run; the ready line gains caCert (a PEM path)')
        .option(
          '--proxy',
          `serve an HTTPS proxy (CONNECT) answering for the providers' real hosts; the ready line gains proxyUrl and caCert. Use with HTTPS_PROXY and SSL_CERT_FILE (Go, curl), plus NODE_OPTIONS='${proxyPreloadOptions()}' (Node)`,
        )
        .option('--scim-host <host>', 'with --proxy: the host name the SCIM simulator answers', 'scim.example.test')
        .option(
          '--tls-dir <dir>',
          'where --tls and --proxy write the CA certificate (ca.pem; its key is never written) (default: beside the journal)',
        ),
    options: 'serveOptions',
    load: () => import('./commands/serve.js'),
  }),
  defineCommand({
    name: 'explore',
    summary: 'browse a .c1z, the diff of two, or a run folder in a local read-only web explorer (127.0.0.1, a token in the URL)',
    configure: (c) =>
      void c
        .argument('<paths...>', 'FILE.c1z (a sync), BASE.c1z COMPARE.c1z (their diff), or a run folder (runs/<name>/)')
        .option(
          '--fail-on <rule>',
          'with two files: the gates the diff view shows, as diff --fail-on takes them (repeatable)',
          (v: string, all: string[]) => [...all, v],
          [] as string[],
        )
        .option('--port <n>', 'port to listen on (default: a free one)')
        .option('--no-token', 'ask no token (for scripted tests: anyone on this machine can then read the pages)'),
    options: 'exploreOptions',
    load: () => import('./commands/explore.js'),
  }),
  defineCommand({
    name: 'demo',
    summary: 'write a seeded example sync file (runs/demo/sync.c1z) and show its stats',
    configure: (c) =>
      void c
        .option('--out <path>', 'where to write the file', 'runs/demo/sync.c1z')
        .option('--seed <n>', 'seed for the generated directory', '1')
        .option('--users <n>', 'number of users', '250')
        .option('--groups <n>', 'number of groups', '20'),
    options: 'demoOptions',
    load: () => import('./commands/demo.js'),
  }),
  defineCommand({
    name: 'tenant',
    summary: 'generate a seeded tenant (users, groups, roles, apps, policies) into a SQLite file for the simulators',
    configure: (c) => void tenantFlags(c),
    options: 'tenantOptions',
    load: () => import('./commands/tenant.js'),
  }),
];

/** Every command, with its Examples section after its own help. */
export const COMMANDS: CommandSpec[] = SPECS.map((spec) => ({
  ...spec,
  configure: (command) => {
    spec.configure(command);
    command.addHelpText('after', examplesHelp(spec.name));
  },
}));
