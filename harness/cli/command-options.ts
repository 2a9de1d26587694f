/**
 * Each command's options, as commander hands them over (`command.opts()`), and the type its module reads.
 * The registry declares the flags and names the schema here; the module types its `run` with the inferred
 * type, so a flag renamed on one side and not the other fails tsc or test/cli-typed-options.test.ts
 * instead of silently reading `undefined`. Values are already parsed (choices, defaults) by commander:
 * these schemas check the keys and shapes, they set no defaults of their own. Loaded only when a command
 * runs, so `--help` does not pay for zod.
 */
import { z } from 'zod';

const text = z.string();
const maybe = z.string().optional();
const flag = z.boolean().optional();
const repeated = z.array(z.string());
const formats = <const T extends readonly [string, ...string[]]>(...choices: T) => z.enum(choices);
const logFlags = { logLevel: formats('debug', 'info', 'warn', 'error'), logFormat: formats('json', 'console') };

/** The flags every sync-reading listing shares (`-f`, `-o`, `--sync-id`). */
const syncFile = { file: text, outputFormat: formats('console', 'json') };
const syncRead = { ...syncFile, syncId: maybe };
const typed = { ...syncRead, resourceType: maybe };

export const runOptions = z
  .object({
    connector: maybe,
    connectorMode: formats('base-url', 'proxy'),
    shard: maybe,
    outputFormat: formats('console', 'json', 'junit'),
    /** `--output`, the hidden old spelling of `-o/--output-format` (see option-grammar.ts). */
    output: maybe,
    runsDir: text,
    ...logFlags,
  })
  .strict();

export const diffOptions = z
  .object({
    file: maybe,
    baseSyncId: maybe,
    syncId: maybe,
    failOn: repeated,
    dropThreshold: text,
    outputFormat: formats('console', 'json', 'markdown', 'html', 'junit'),
  })
  .strict();

export const doctorOptions = z.object({ log: maybe, file: maybe, expectIds: maybe, outputFormat: formats('console', 'json') }).strict();

export const reportOptions = z.object({ lastGood: maybe, outputFormat: formats('markdown', 'html'), out: maybe }).strict();

export const reproOptions = z
  .object({
    log: maybe,
    provider: maybe,
    symptom: maybe,
    users: maybe,
    groups: maybe,
    missing: maybe,
    ticket: maybe,
    out: text,
    force: flag,
    runsDir: text,
    outputFormat: formats('console', 'json'),
    output: maybe,
  })
  .strict();

export const recordOptions = z
  .object({
    provider: text,
    credentials: maybe,
    upstream: maybe,
    name: text,
    out: maybe,
    seed: text,
    region: text,
    scimHost: maybe,
    timeout: text,
    /** Commander's `--no-verify`: false when given. */
    verify: z.boolean(),
    outputFormat: formats('console', 'json'),
    output: maybe,
  })
  .strict();

export const bundleOptions = z.object({ out: maybe, lastGood: maybe, log: maybe, connectorVersion: maybe }).strict();

export const connectorOptions = z.object({ credentials: text, file: text, variant: maybe, requestTimeout: maybe, ...logFlags }).strict();

export const statsOptions = z.object({ ...syncRead, recount: flag }).strict();
export const syncsOptions = z.object(syncFile).strict();
export const resourceTypesOptions = z.object(syncRead).strict();
export const listingOptions = z.object(typed).strict();
export const grantsOptions = z.object({ ...typed, resource: maybe, entitlement: maybe }).strict();

export const serveOptions = z
  .object({
    provider: maybe,
    replay: maybe,
    seed: text,
    users: maybe,
    groups: maybe,
    tenant: maybe,
    fault: repeated,
    port: maybe,
    journal: text,
    writeBack: flag,
    tls: flag,
    proxy: flag,
    scimHost: text,
    tlsDir: maybe,
  })
  .strict();

/** Commander's `--no-token` sets `token` false when given. */
export const exploreOptions = z.object({ failOn: repeated, port: maybe, token: z.boolean() }).strict();

export const demoOptions = z.object({ out: text, seed: text, users: text, groups: text }).strict();

export const tenantOptions = z
  .object({
    out: text,
    /** `-o <path>`, the hidden old spelling of `--out`. */
    o: maybe,
    seed: maybe,
    users: maybe,
    groups: maybe,
    roles: maybe,
    apps: maybe,
    policies: maybe,
    membershipsPerUser: maybe,
    roleAssignments: maybe,
    appRoleAssignments: maybe,
    policyAttachments: maybe,
    nestedGroupRatio: maybe,
    guestRatio: maybe,
    externalRatio: maybe,
    serviceRatio: maybe,
    disabledRatio: maybe,
    domain: maybe,
  })
  .strict();

export type RunOptions = z.infer<typeof runOptions>;
export type DiffOptions = z.infer<typeof diffOptions>;
export type DoctorOptions = z.infer<typeof doctorOptions>;
export type ReportOptions = z.infer<typeof reportOptions>;
export type ReproFlags = z.infer<typeof reproOptions>;
export type RecordOptions = z.infer<typeof recordOptions>;
export type BundleOptions = z.infer<typeof bundleOptions>;
export type ConnectorOptions = z.infer<typeof connectorOptions>;
export type StatsOptions = z.infer<typeof statsOptions>;
export type SyncsOptions = z.infer<typeof syncsOptions>;
export type ResourceTypesOptions = z.infer<typeof resourceTypesOptions>;
export type ListingOptions = z.infer<typeof listingOptions>;
export type GrantsOptions = z.infer<typeof grantsOptions>;
export type ServeOptions = z.infer<typeof serveOptions>;
export type ExploreOptions = z.infer<typeof exploreOptions>;
export type DemoOptions = z.infer<typeof demoOptions>;
export type TenantOptions = z.infer<typeof tenantOptions>;
