/**
 * `diff` on two small sync stores built with the stock sqlite3 tool (not our writer): the base in the oldest
 * v1 schema, the compared one with the newer grant `expansion` column. Blobs are encoded by hand where the
 * bytes matter (a Struct with its keys in another order, which must compare unchanged) and with our encoder
 * elsewhere. Every finding and every gate form is checked against counts worked out below.
 */
import { create } from '@bufbuild/protobuf';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  encodeMessage,
  EntitlementSchema,
  GrantExpandableSchema,
  GrantSchema,
  packAnnotation,
  RawIdSchema,
  ResourceSchema,
  type Resource,
} from '../c1z/proto/index.js';
import { lines, runCli } from './support/cli.js';
import { describeWithTools, sh, SQLITE3 } from './support/system-tools.js';
import { oldestSchemaSql } from './support/oldest-schema.js';

const BASE_SYNC = '2sBaseSyncAAAAAAAAAAAAAAAAA';
const COMPARE_SYNC = '2sCompareSyncBBBBBBBBBBBBBB';

// A protobuf writer small enough to check by eye: varint tags and length-delimited fields only.
const varint = (n: number): number[] => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...varint(n >>> 7)]);
const bytesField = (no: number, body: Uint8Array | number[]): number[] => [...varint((no << 3) | 2), ...varint(body.length), ...body];
const str = (no: number, text: string): number[] => bytesField(no, [...Buffer.from(text)]);
/** google.protobuf.Struct of string values, entries in the order given. */
const struct = (entries: Array<[string, string]>): number[] =>
  entries.flatMap(([k, v]) => bytesField(1, [...str(1, k), ...bytesField(2, str(3, v))]));
const rawIdAny = (id: string): number[] => bytesField(4, [...str(1, 'type.googleapis.com/c1.connector.v2.RawId'), ...bytesField(2, str(1, id))]);
/** Resource{id, display_name, annotations: [RawId], profile: Struct} written field by field. */
const handResource = (type: string, id: string, name: string, profile: Array<[string, string]>): Uint8Array =>
  Uint8Array.from([...bytesField(1, [...str(1, type), ...str(2, id)]), ...str(3, name), ...rawIdAny(id), ...bytesField(9, struct(profile))]);

const resource = (type: string, id: string, name: string, rawId = true): Resource =>
  create(ResourceSchema, {
    id: { resourceType: type, resource: id },
    displayName: name,
    annotations: rawId ? [packAnnotation(RawIdSchema, { id })] : [],
  });

const hex = (bytes: Uint8Array) => `X'${Buffer.from(bytes).toString('hex')}'`;
const q = (value: string) => `'${value.replaceAll("'", "''")}'`;
const AT = `'2026-01-05 10:00:00.000'`;

interface StoreRows {
  sync: string;
  resources: Array<{ type: string; id: string; data: Uint8Array }>;
  grants: Array<{ principal: [string, string]; data: Uint8Array; expansion?: Uint8Array }>;
}

const group1 = resource('group', 'g1', 'Group 1');
const member = create(EntitlementSchema, { id: 'group:g1:member', resource: group1, slug: 'member' });
const expandable = encodeMessage(GrantExpandableSchema, create(GrantExpandableSchema, { entitlementIds: ['group:g2:member'] }));
const grant = (principal: Resource, withExpandable = false) =>
  create(GrantSchema, {
    id: `group:g1:member:${principal.id!.resourceType}:${principal.id!.resource}`,
    entitlement: member,
    principal,
    annotations: withExpandable ? [packAnnotation(GrantExpandableSchema, { entitlementIds: ['group:g2:member'] })] : [],
  });

function encoded(r: Resource) {
  return { type: r.id!.resourceType, id: r.id!.resource, data: encodeMessage(ResourceSchema, r) };
}

const groups = (count: number) => Array.from({ length: count }, (_, i) => encoded(resource('group', `g${i + 1}`, `Group ${i + 1}`, i + 1 !== 2)));
const u1Hand = (order: Array<[string, string]>) => ({ type: 'user', id: 'u1', data: handResource('user', 'u1', 'Ann', order) });
const u2 = resource('user', 'u2', 'Bob');

const BASE: StoreRows = {
  sync: BASE_SYNC,
  resources: [
    u1Hand([
      ['department', 'Sales'],
      ['title', 'Lead'],
    ]),
    encoded(u2),
    encoded(resource('user', 'AbC', 'Case Person')),
    encoded(resource('user', 'old-7', 'Dana')),
    encoded(resource('user', 'u3', 'Leaver')),
    encoded(resource('app', 'a1', 'App 1')),
    encoded(resource('app', 'a2', 'App 2')),
    ...groups(10),
  ],
  grants: [
    // The oldest schema keeps GrantExpandable inside data.
    { principal: ['user', 'u1'], data: encodeMessage(GrantSchema, grant(resource('user', 'u1', 'Ann'), true)) },
    { principal: ['user', 'u2'], data: encodeMessage(GrantSchema, grant(u2)) },
  ],
};

const COMPARE: StoreRows = {
  sync: COMPARE_SYNC,
  resources: [
    u1Hand([
      ['title', 'Lead'],
      ['department', 'Sales'],
    ]),
    encoded(resource('user', 'u2', 'Bobby')),
    encoded(resource('user', 'abc', 'Case Person')),
    encoded(resource('user', '00000007', 'Dana')),
    encoded(resource('user', 'u4', 'Joiner')),
    ...groups(8),
  ],
  grants: [
    // The newer schema moved it into the expansion column: the same grant.
    { principal: ['user', 'u1'], data: encodeMessage(GrantSchema, grant(resource('user', 'u1', 'Ann'))), expansion: expandable },
    { principal: ['user', 'u2'], data: encodeMessage(GrantSchema, grant(u2)) },
    // A principal of the wrong type: user:u2 exists, group:u2 does not.
    { principal: ['group', 'u2'], data: encodeMessage(GrantSchema, grant(resource('group', 'u2', 'Bob'))) },
  ],
};

function storeSql(rows: StoreRows, expansion: boolean): string {
  const s = q(rows.sync);
  return [
    oldestSchemaSql({ expansion }),
    `INSERT INTO v1_sync_runs (sync_id, started_at, ended_at, sync_token) VALUES (${s}, '2026-01-05 10:00:00.0', '2026-01-05 10:05:00.0', '');`,
    ...rows.resources.map(
      (r) =>
        `INSERT INTO v1_resources (resource_type_id, external_id, data, sync_id, discovered_at) VALUES (${q(r.type)}, ${q(`${r.type}:${r.id}`)}, ${hex(r.data)}, ${s}, ${AT});`,
    ),
    `INSERT INTO v1_entitlements (resource_type_id, resource_id, external_id, data, sync_id, discovered_at) VALUES ('group', 'g1', ${q(member.id)}, ${hex(encodeMessage(EntitlementSchema, member))}, ${s}, ${AT});`,
    ...rows.grants.map(
      (g) =>
        `INSERT INTO v1_grants (resource_type_id, resource_id, entitlement_id, principal_resource_type_id, principal_resource_id, external_id, data, sync_id, discovered_at${expansion ? ', expansion' : ''})
         VALUES ('group', 'g1', ${q(member.id)}, ${q(g.principal[0])}, ${q(g.principal[1])}, ${q(`${member.id}:${g.principal[0]}:${g.principal[1]}`)}, ${hex(g.data)}, ${s}, ${AT}${expansion ? `, ${g.expansion ? hex(g.expansion) : 'NULL'}` : ''});`,
    ),
  ].join('\n');
}

describeWithTools('diff of two stores built with sqlite3', () => {
  let dir: string;
  let base: string;
  let compare: string;
  const diff = (...args: string[]) => runCli(['diff', base, compare, ...args]);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'diff-pairs-test-'));
    base = join(dir, 'base.db');
    compare = join(dir, 'compare.db');
    for (const [path, rows, expansion] of [
      [base, BASE, false],
      [compare, COMPARE, true],
    ] as const) {
      const script = `${path}.sql`;
      writeFileSync(script, storeSql(rows, expansion));
      sh(`${SQLITE3} -batch "$1" < "$2" > /dev/null`, path, script);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('-o json', () => {
    let body: any;
    beforeAll(async () => {
      const result = await diff('-o', 'json');
      expect(result.code, result.stderr).toBe(0);
      body = JSON.parse(result.stdout);
    });

    it('counts every table: a reordered Struct and a moved GrantExpandable are unchanged', () => {
      // Both pairs differ in their bytes, so only the semantic comparison can call them unchanged.
      expect(Buffer.compare(BASE.resources[0]!.data, COMPARE.resources[0]!.data)).not.toBe(0);
      expect(Buffer.compare(BASE.grants[0]!.data, COMPARE.grants[0]!.data)).not.toBe(0);
      expect(body.base).toMatchObject({ file: base, syncId: BASE_SYNC });
      expect(body.compare).toMatchObject({ file: compare, syncId: COMPARE_SYNC });
      expect(body.totals).toEqual({
        resources: { base: 17, compare: 13, added: 3, removed: 7, changed: 1, unchanged: 9 },
        entitlements: { base: 1, compare: 1, added: 0, removed: 0, changed: 0, unchanged: 1 },
        grants: { base: 2, compare: 3, added: 1, removed: 0, changed: 0, unchanged: 2 },
      });
      expect(body.changes.resources.objects).toEqual([{ id: 'user:u2', resourceType: 'user', fields: ['displayName'] }]);
      expect(body.differ).toBe(true);
    });

    it('breaks the counts down by resource type', () => {
      const byType = Object.fromEntries(body.byResourceType.map((t: any) => [t.resourceType, t]));
      expect(Object.keys(byType)).toEqual(['app', 'group', 'user']);
      expect(byType.user.resources).toEqual({ base: 5, compare: 5, added: 3, removed: 3, changed: 1, unchanged: 1 });
      expect(byType.app.resources).toEqual({ base: 2, compare: 0, added: 0, removed: 2, changed: 0, unchanged: 0 });
      expect(byType.group.grants).toEqual({ base: 2, compare: 3, added: 1, removed: 0, changed: 0, unchanged: 2 });
    });

    it('raises each change finding with examples', () => {
      const change = body.findings.filter((f: any) => f.kind === 'change');
      expect(change.map((f: any) => [f.id, f.resourceType ?? null, f.count])).toEqual([
        ['vanished-resource-type', 'app', 2],
        ['resource-type-drop', 'group', 2],
        ['case-only-id-change', null, 1],
        ['id-format-change', null, 1],
      ]);
      const [vanished, drop, caseOnly, format] = change;
      expect(vanished.examples).toEqual(['app:a1', 'app:a2']);
      expect(drop.message).toMatch(/dropped 20% \(10 → 8\)/);
      expect(drop.examples).toEqual(['group:g10', 'group:g9']);
      expect(caseOnly.examples).toEqual(['user:AbC → user:abc']);
      expect(format.examples).toEqual(['user:old-7 → user:00000007']);
    });

    it('reports state findings per side, apart from changes', () => {
      const state = body.findings.filter((f: any) => f.kind === 'state');
      expect(state.map((f: any) => [f.id, f.side, f.count])).toEqual([
        ['missing-raw-id', 'base', 1],
        ['principal-not-found', 'compare', 1],
        ['missing-raw-id', 'compare', 1],
      ]);
      expect(state[0].examples).toEqual(['group:g2']);
      expect(state[1].examples).toEqual(['group:g1:member:group:u2: principal group:u2 (a user resource has that id)']);
    });

    it('has an empty passing gate without rules', () => {
      expect(body.gate).toEqual({ passed: true, failures: [] });
    });
  });

  it('the drop finding follows --drop-threshold', async () => {
    const body = JSON.parse((await diff('-o', 'json', '--drop-threshold', '25')).stdout);
    expect(body.findings.map((f: any) => f.id)).not.toContain('resource-type-drop');
  });

  describe('gates', () => {
    const failing = [
      ['added:resources>2', '3 resources added of 17 in the base sync (3 > 2)'],
      ['removed:resources>=7', '7 resources removed of 17 in the base sync (7 >= 7)'],
      ['changed:grants<1', '0 grants changed of 2 in the base sync (0 < 1)'],
      ['changed:resources<=1', '1 resources changed of 17 in the base sync (1 <= 1)'],
      ['added:entitlements=0', '0 entitlements added of 1 in the base sync (0 = 0)'],
      ['removed:type:user>50%', '3 user resources removed of 5 in the base sync (60% > 50%)'],
      ['added:grants>=50%', '1 grants added of 2 in the base sync (50% >= 50%)'],
      ['vanished:app', 'resource type app vanished: 2 resources in the base sync, none in the compared one'],
      ['vanished:*', 'resource type app vanished'],
      ['finding:case-only-id-change', '1 finding: 1 resources changed only the case'],
      ['finding:id-format-change', '1 finding'],
      ['finding:resource-type-drop', 'resource type group dropped 20%'],
      ['finding:principal-not-found', 'grants in the compare sync'],
      ['finding:missing-raw-id', 'in the compare sync'],
    ] as const;
    it.each(failing)('%s fails with exit 1, naming the rule and the numbers', async (rule, message) => {
      const result = await diff('-o', 'json', '--fail-on', rule);
      expect(result.code).toBe(1);
      const body = JSON.parse(result.stdout);
      expect(body.gate.passed).toBe(false);
      expect(body.gate.failures).toHaveLength(1);
      expect(body.gate.failures[0].rule).toBe(rule);
      expect(body.gate.failures[0].message).toContain(message);
      expect(lines(result.stderr)).toEqual([expect.stringContaining(`gate failed: ${rule}: `)]);
    });

    it('passes when no rule holds, however many are given', async () => {
      const rules = [
        'added:resources>3',
        'removed:type:user>=61%',
        'changed:entitlements>0',
        'vanished:user',
        'finding:no-such-finding',
        'removed:type:nosuchtype>0',
      ];
      const result = await diff(...rules.flatMap((r) => ['--fail-on', r]));
      expect(result.code, result.stdout + result.stderr).toBe(0);
    });

    it('names every failing rule on the console', async () => {
      const result = await diff('--fail-on', 'vanished:*', '--fail-on', 'removed:grants>0', '--fail-on', 'changed:resources>0');
      expect(result.code).toBe(1);
      const failed = lines(result.stdout).filter((l) => l.startsWith('gate failed: '));
      expect(failed).toEqual([
        expect.stringMatching(/^gate failed: vanished:\*: /),
        expect.stringMatching(/^gate failed: changed:resources>0: 1 resources changed/),
      ]);
    });

    it.each(['removed:users>5', 'added:grants>>1', 'removed:type:>1', 'vanished:', 'finding:', 'changed:grants>five', 'dropped:grants>1'])(
      'a malformed rule %j is a one-line usage error, exit 2',
      async (rule) => {
        const result = await diff('--fail-on', rule);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(lines(result.stderr)).toEqual([expect.stringContaining(`bad --fail-on rule ${JSON.stringify(rule)}`)]);
      },
    );
  });

  it('-o markdown fits a pull request comment', async () => {
    const result = await diff('-o', 'markdown', '--fail-on', 'vanished:app');
    expect(result.code).toBe(1);
    const out = lines(result.stdout);
    expect(out[0]).toBe('## Sync diff: ❌ gate failed');
    expect(out).toContain('| resources | 17 | 13 | 3 | 7 | 1 | 9 |');
    expect(out).toContain('### Change findings');
    expect(out.some((l) => l.startsWith('- **case-only-id-change**: '))).toBe(true);
    expect(out).toContain('- `vanished:app`: resource type app vanished: 2 resources in the base sync, none in the compared one');
  });

  it('a store against itself: nothing added, removed or changed, no change finding', async () => {
    const result = await runCli(['diff', compare, compare, '-o', 'json']);
    const body = JSON.parse(result.stdout);
    for (const table of ['resources', 'entitlements', 'grants']) expect(body.totals[table]).toMatchObject({ added: 0, removed: 0, changed: 0 });
    expect(body.findings.filter((f: any) => f.kind === 'change')).toEqual([]);
    expect(body.differ).toBe(false);
  });
});
