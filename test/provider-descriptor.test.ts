/**
 * The provider registry (mocks/providers.ts) is the one list of providers: every descriptor is complete and
 * true to its simulator, everything that lists providers is derived from the registry, and no source file
 * outside a provider's own folders spells providers as a union, a switch, a list or a table of its own, or compares a provider with a name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../connectors/builtin.js';
import { PAGING_DIALECTS } from '../harness/doctor/paging/dialects.js';
import { REPRO_PROVIDERS } from '../harness/repro/symptom-list.js';
import { CREDENTIAL_NAMES } from '../harness/scenario/placeholders.js';
import { createContext } from '../mocks/core/context.js';
import { knownRoutesOf } from '../mocks/core/route.js';
import { TARGETING_KEYS } from '../mocks/faults/keys.js';
import { descriptorOf, isProviderName, PROVIDER_NAMES, PROVIDERS, providerOfHost } from '../mocks/providers.js';
import { loadProvider, providerNames } from '../mocks/serve/provider-registry.js';
import { createTenant } from '../mocks/tenant/store.js';
import { packagesLoadedBy } from './support/packages-loaded.js';

const root = resolve(import.meta.dirname, '..');

describe('each registered descriptor', () => {
  it.each(PROVIDERS.map((p) => [p.name, p] as const))('%s has every field', async (name, p) => {
    expect(p.name).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(p.label).not.toBe('');
    expect(typeof p.replayRuntime).toBe('function');
    expect(typeof p.hosts.owns).toBe('function');
    expect(p.credentials.length).toBeGreaterThan(0);
    expect(Object.keys(p.routes.listings).length).toBeGreaterThan(0);
    expect(p.paging.length).toBeGreaterThan(0);
    expect(p.terms.grantSteps('X.Read').length).toBeGreaterThan(0);
    expect(p.terms.renewSecretSteps.length).toBeGreaterThan(0);
    expect(p.terms.fixSecretSteps.length).toBeGreaterThan(0);
    expect(p.terms.throttlingStep).not.toBe('');
    expect(p.logTells).toBeInstanceOf(RegExp);
    expect(p.repro.expired.from).toBeGreaterThan(1);
    expect(typeof (await p.simulator())).toBe('function');
    // The descriptor lives in the provider's own folder, and the reference connector is found by its name.
    expect((await import(/* @vite-ignore */ `../mocks/${name}/descriptor.js`))[name]).toBe(p);
    expect((await loadBuiltin(name))?.provider).toBe(name);
  });

  it.each(PROVIDERS.map((p) => [p.name, p] as const))('%s: its credentials and routes are what its simulator serves', async (name, p) => {
    const factory = (await p.simulator())!;
    const ctx = createContext({ tenant: createTenant({ seed: 1, users: 3, groups: 1 }) });
    const served = await factory(ctx, 'https://descriptor.invalid', { scimHost: 'scim.descriptor.invalid' });
    expect(Object.keys(served.credentials).sort()).toEqual([...p.credentials].sort());
    const known = knownRoutesOf(served.handlers);
    expect(new Set(known.map((r) => r.provider))).toEqual(new Set(known.length ? [name] : []));
    const routes = new Set(known.map((r) => r.name));
    for (const route of Object.keys(p.routes.permissions)) expect(routes, route).toContain(route);
    // AWS routes by action inside one handler per service, so only providers with a handler per route name them.
    if (routes.size) for (const listing of Object.values(p.routes.listings)) expect(routes, listing.route).toContain(listing.route);
  });

  it('each real host belongs to the provider that names it', () => {
    for (const p of PROVIDERS) {
      const hosts = p.hosts.real({ region: 'eu-west-1', scimHost: 'scim.example.test' });
      expect(Array.isArray(hosts), p.name).toBe(true);
      for (const host of hosts as string[]) expect(providerOfHost(host).name, host).toBe(p.name);
    }
    expect(providerOfHost('GRAPH.microsoft.com:443').name).toBe('entra');
    expect(providerOfHost('scim.example.test').name).toBe('scim');
  });
});

describe('lists derived from the registry', () => {
  it('the registry loads no simulator: `--help` and the repro symptom list read it', () => {
    expect([...packagesLoadedBy(join(root, 'mocks/providers.ts'))]).toEqual([]);
  });

  const names = [...PROVIDER_NAMES];

  it('names, simulators, connectors, placeholders, paging and repro all list exactly the registry', async () => {
    expect(names).toEqual(PROVIDERS.map((p) => p.name));
    expect(new Set(names).size).toBe(names.length);
    expect(providerNames()).toEqual([...names].sort());
    expect([...REPRO_PROVIDERS]).toEqual(names);
    expect(Object.keys(CREDENTIAL_NAMES)).toEqual(names);
    expect(Object.keys(PAGING_DIALECTS)).toEqual(names);
    for (const name of names) {
      expect(TARGETING_KEYS.provider!(name)).toBeUndefined();
      expect(await loadProvider(name)).toBeTypeOf('function');
      expect(descriptorOf(name)?.name).toBe(name);
    }
    expect(TARGETING_KEYS.provider!('nosuch')).toBe(`be one of ${names.join(', ')}`);
    expect(await loadProvider('nosuch')).toBeUndefined();
    expect(await loadBuiltin('nosuch')).toBeUndefined();
    expect(await loadBuiltin('shared')).toBeUndefined();
    expect(isProviderName('nosuch')).toBe(false);
  });
});

/** Production sources: everything but tests, test helpers and the built output. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' || entry.name === 'node_modules' ? [] : sources(path);
    return /\.ts$/.test(entry.name) && !/\.test(-support)?\.ts$|test-support\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Ways of spelling several providers at once: a union type, a switch case, a list, a table keyed by name. */
function spellings(names: readonly string[]): [string, RegExp][] {
  const one = `(?:${names.join('|')})`;
  return [
    ['a union of provider names', new RegExp(`'${one}'\\s*\\|\\s*'${one}'`)],
    ['a switch case on a provider name', new RegExp(`\\bcase\\s+'${one}'\\s*:`)],
    ['a list of provider names', new RegExp(`\\[\\s*'${one}'\\s*,\\s*'${one}'`)],
    ['a table keyed by provider names', new RegExp(`(?:^|[{,])\\s*${one}\\s*:[^,\\n]*(?:,|\\n)\\s*${one}\\s*:`, 'm')],
    ['a comparison with a provider name', new RegExp(`[!=]==?\\s*(['"\`])${one}\\1|(['"\`])${one}\\2\\s*[!=]==?`)],
  ];
}

/**
 * Comparisons with a provider's name that are not about providers, each with why: the scan skips these exact
 * texts in these files and nothing else.
 */
const NOT_PROVIDER_NAMES: readonly { path: string; text: string; why: string }[] = [
  { path: 'harness/record/text-mapper.ts', text: "account === 'aws'", why: 'an ARN whose account is `aws` names an AWS-owned resource' },
];

describe('the registry is the only list', () => {
  it("no source outside a provider's own folders spells providers as a union, switch, list or table, or compares a name", () => {
    const own = PROVIDERS.flatMap((p) => [`mocks/${p.name}/`, `connectors/${p.name}/`]);
    const offenders: string[] = [];
    for (const file of ['harness', 'mocks', 'connectors', 'reports'].flatMap((dir) => sources(join(root, dir)))) {
      const path = relative(root, file);
      if (path === 'mocks/providers.ts' || own.some((folder) => path.startsWith(folder))) continue;
      const text = NOT_PROVIDER_NAMES.filter((n) => n.path === path).reduce((t, n) => t.replaceAll(n.text, ''), readFileSync(file, 'utf8'));
      for (const [what, pattern] of spellings(PROVIDER_NAMES)) {
        for (const found of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
          offenders.push(`${path}:${text.slice(0, found.index).split('\n').length}: ${what}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the check finds each spelling it forbids', () => {
    const [union, switchCase, list, table, comparison] = spellings(PROVIDER_NAMES).map(([, pattern]) => pattern);
    expect(union!.test("provider: 'entra' | 'google';")).toBe(true);
    expect(switchCase!.test("    case 'scim':")).toBe(true);
    expect(list!.test("const PROVIDERS = ['entra', 'google', 'aws'];")).toBe(true);
    expect(table!.test('const X = {\n  entra: 1,\n  google: 2,\n};')).toBe(true);
    expect(table!.test('const X = { entra: 1, aws: 2 };')).toBe(true);
    expect(table!.test("const credentials = { tenantId: 'a', scope: 'b' };")).toBe(false);
    expect(comparison!.test("const target = e.provider === 'aws' && e.route;")).toBe(true);
    expect(comparison!.test("if (c.ev.provider !== 'google') return [];")).toBe(true);
    expect(comparison!.test('if ("scim" == name) return;')).toBe(true);
    expect(comparison!.test("if (e.route === 'google.token') return;")).toBe(false);
    expect(comparison!.test("const name = 'aws';")).toBe(false);
  });

  it('each comparison it lets pass is still there, so none outlives its reason', () => {
    for (const n of NOT_PROVIDER_NAMES) expect(readFileSync(join(root, n.path), 'utf8'), n.why).toContain(n.text);
  });
});
