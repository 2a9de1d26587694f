/**
 * The CLI on the real Go-SDK sample files: the counts the SDK's own CLI test expects, baton's JSON shapes,
 * filters, console width, what each command says about unfinished files, and the Pebble (v3) sample listed
 * like a v1 file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lines, runCli, type CliResult } from './support/cli.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';

const EXPANDED_SYNC = '36zfOAoWMxQdISbixanQCRBiX7E';
const PEBBLE_SYNC = '36zGvJw3uxU1QMJKU2yPVQ1hBOC';
/** The Pebble sample's manifest header stats (the samples' README), zero counts filled in as v1 stats list them. */
const PEBBLE_STATS = {
  resourceTypes: '4',
  resources: '35217',
  entitlements: '334',
  grants: '66601',
  resourcesByResourceType: { group: '17', project: '100', role: '100', user: '35000' },
  grantsByResourceType: { group: '65816', project: '393', role: '392', user: '0' },
  entitlementsByResourceType: { group: '34', project: '200', role: '100', user: '0' },
};
/** A terminal's width: tables fit it unless an id column must stay whole. */
const WIDTH = 80;

interface ResourceId {
  resourceType: string;
  resource: string;
}
interface GrantItem {
  grant: { id: string; entitlement?: { id: string } };
  entitlement: { id: string };
  resource: { id: ResourceId };
  resourceType: { id: string };
  principal: { id: ResourceId };
}

async function json(args: string[]): Promise<{ result: CliResult; body: any }> {
  const result = await runCli([...args, '-o', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return { result, body: JSON.parse(result.stdout) };
}

/** Console rows after the header and its rule. */
function consoleRows(result: CliResult): string[] {
  expect(result.code, result.stderr).toBe(0);
  const [header, rule, ...rows] = lines(result.stdout);
  expect(header).toMatch(/^ID {2}/);
  expect(rule).toMatch(/^-+( {2}-+)*$/);
  return rows;
}

function widest(text: string): number {
  return Math.max(...lines(text).map((line) => [...line].length));
}

describeWithSamples('CLI on the real samples', () => {
  const expanded = samplePath(SAMPLE.expanded);

  describe('stats -o json', () => {
    it('expanded: the finished sync with the counts the SDK CLI test expects', async () => {
      const { result, body } = await json(['stats', '-f', expanded]);
      expect(result.stderr).toBe('');
      expect(body.id).toBe(EXPANDED_SYNC);
      expect(body.endedAt).toMatch(/^2025-12-17T16:33:36/);
      expect(body.stats).toMatchObject({ resourceTypes: '4', resources: '1221', entitlements: '342', grants: '14981' });
      expect(body.stats.resourcesByResourceType).toEqual({ user: '1000', group: '21', project: '100', role: '100' });
    });

    it('unexpanded: the same sync stopped before grant expansion, said to be unfinished', async () => {
      const { result, body } = await json(['stats', '-f', samplePath(SAMPLE.unexpanded)]);
      expect(body.stats).toMatchObject({ resources: '1221', entitlements: '342', grants: '2909' });
      expect(body).not.toHaveProperty('endedAt');
      expect(lines(result.stderr)).toHaveLength(1);
      expect(result.stderr).toMatch(/^note: .*unfinished sync 36zfOAoWMxQdISbixanQCRBiX7E/);
    });

    it('sync-in-progress: how far the unfinished sync got, said to be unfinished', async () => {
      const { result, body } = await json(['stats', '-f', samplePath(SAMPLE.inProgress)]);
      expect(body.id).toBe('3ARefY5G8eOytquwYgm41Nq07IZ');
      expect(body).not.toHaveProperty('endedAt');
      expect(body.stats).toMatchObject({ resourceTypes: '5', resources: '79', entitlements: '0', grants: '0' });
      expect(body.stats.resourcesByResourceType).toEqual({ group: '31', project: '25', role: '10', user: '10', scoped_role: '3' });
      expect(lines(result.stderr)).toHaveLength(1);
      expect(result.stderr).toMatch(/unfinished/);
    });

    it('pebble (v3): the counts from the manifest header, every type in each count', async () => {
      const { result, body } = await json(['stats', '-f', samplePath(SAMPLE.pebble)]);
      expect(result.stderr).toBe('');
      expect(body).toMatchObject({
        id: PEBBLE_SYNC,
        startedAt: '2026-06-15T16:23:25.906424Z',
        endedAt: '2026-06-15T16:23:26.295713Z',
        syncType: 'full',
      });
      expect(body.stats).toEqual(PEBBLE_STATS);
    });

    it('pebble (v3) --recount: counting the rows gives the header stats exactly', async () => {
      const { body } = await json(['stats', '-f', samplePath(SAMPLE.pebble), '--recount']);
      expect(body.stats).toEqual(PEBBLE_STATS);
      const { body: header } = await json(['stats', '-f', samplePath(SAMPLE.pebble)]);
      expect(body).toEqual(header);
    });
  });

  describe('listings of the expanded file', () => {
    let grants: GrantItem[];
    let grantsConsole: CliResult;

    beforeAll(async () => {
      // The largest listing, read once and shared by the grant tests.
      grants = (await json(['grants', '-f', expanded])).body.grants;
      grantsConsole = await runCli(['grants', '-f', expanded]);
    });

    it('resources: 1221 as {resource, resourceType}, 1000 of them users', async () => {
      const { body } = await json(['resources', '-f', expanded]);
      expect(Object.keys(body)).toEqual(['resources']);
      expect(body.resources).toHaveLength(1221);
      for (const item of body.resources) {
        expect(item.resource.id.resourceType).toBe(item.resourceType.id);
        expect(item.resource.id.resource).toBeTruthy();
      }
      const users = (await json(['resources', '-f', expanded, '-t', 'user'])).body.resources;
      expect(users).toHaveLength(1000);
      expect(new Set(users.map((u: any) => u.resourceType.id))).toEqual(new Set(['user']));

      expect(consoleRows(await runCli(['resources', '-f', expanded]))).toHaveLength(1221);
      expect(consoleRows(await runCli(['resources', '-f', expanded, '-t', 'user']))).toHaveLength(1000);
    });

    it('entitlements: 342 as {entitlement, resource, resourceType}', async () => {
      const { body } = await json(['entitlements', '-f', expanded]);
      expect(body.entitlements).toHaveLength(342);
      for (const item of body.entitlements) {
        expect(item.entitlement.id).toBeTruthy();
        expect(item.resource.id).toEqual(item.entitlement.resource.id);
        expect(item.resourceType.id).toBe(item.resource.id.resourceType);
      }
      expect(consoleRows(await runCli(['entitlements', '-f', expanded]))).toHaveLength(342);
    });

    it('grants: 14981 as {grant, entitlement, resource, resourceType, principal}', () => {
      expect(grants).toHaveLength(14981);
      for (const item of grants) {
        expect(Object.keys(item).sort()).toEqual(['entitlement', 'grant', 'principal', 'resource', 'resourceType']);
        expect(item.entitlement.id).toBe(item.grant.entitlement?.id);
        expect(item.resourceType.id).toBe(item.resource.id.resourceType);
      }
      expect(consoleRows(grantsConsole)).toHaveLength(14981);
    });

    it('resource-types: 4 as {resourceType}', async () => {
      const { body } = await json(['resource-types', '-f', expanded]);
      expect(body.resourceTypes.map((t: any) => t.resourceType.id).sort()).toEqual(['group', 'project', 'role', 'user']);
      expect(consoleRows(await runCli(['resource-types', '-f', expanded]))).toHaveLength(4);
    });

    it('syncs: the one sync as {id, startedAt, endedAt, syncToken, syncType}', async () => {
      const { body } = await json(['syncs', '-f', expanded]);
      expect(body.syncs).toHaveLength(1);
      expect(body.syncs[0]).toMatchObject({ id: EXPANDED_SYNC, syncType: 'full', syncToken: '{"needs_expansion":true}' });
      expect(body.syncs[0].startedAt).toMatch(/^2025-12-17T16:31:25\.057185Z$/);
      expect(body.syncs[0].endedAt).toMatch(/^2025-12-17T16:33:36\.381422Z$/);
      expect(consoleRows(await runCli(['syncs', '-f', expanded]))).toHaveLength(1);
    });

    it('grants -r <type:id>: exactly the grants on that resource', async () => {
      const on = (item: GrantItem) => `${item.resource.id.resourceType}:${item.resource.id.resource}`;
      const expected = grants.filter((g) => on(g) === 'group:group-0000000').map((g) => g.grant.id);
      expect(expected.length).toBeGreaterThan(0);
      const filtered: GrantItem[] = (await json(['grants', '-f', expanded, '-r', 'group:group-0000000'])).body.grants;
      expect(filtered.map((g) => g.grant.id)).toEqual(expected);
      expect(consoleRows(await runCli(['grants', '-f', expanded, '-r', 'group:group-0000000']))).toHaveLength(expected.length);
    });

    it('grants -e <entitlement id>: exactly the grants of that entitlement', async () => {
      const entitlement = grants[0]!.entitlement.id;
      const expected = grants.filter((g) => g.entitlement.id === entitlement).map((g) => g.grant.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(grants.length);
      const filtered: GrantItem[] = (await json(['grants', '-f', expanded, '-e', entitlement])).body.grants;
      expect(filtered.map((g) => g.grant.id)).toEqual(expected);
    });

    it('in an 80-column terminal, lines fit unless an id column must stay whole', async () => {
      for (const command of ['resources', 'entitlements', 'resource-types', 'stats']) {
        const result = await runCli([command, '-f', expanded], { terminalColumns: WIDTH });
        expect(widest(result.stdout), command).toBeLessThanOrEqual(WIDTH);
      }
      // Only free-text cells are cut; ids never are, nor the sync token, even past the width.
      const syncs = lines((await runCli(['syncs', '-f', expanded], { terminalColumns: WIDTH })).stdout)[2]!;
      expect(syncs).toMatch(new RegExp(`^${EXPANDED_SYNC} .* \\{"needs_expansion":true\\}$`));
      const typeIds = consoleRows(await runCli(['resource-types', '-f', expanded], { terminalColumns: WIDTH })).map((row) => row.split(/ +/)[0]);
      expect(typeIds.sort()).toEqual(['group', 'project', 'role', 'user']);
      expect(grantsConsole.stdout).not.toContain('…');
    });
  });

  describe('listings of the pebble (v3) file', () => {
    const pebble = samplePath(SAMPLE.pebble);
    let grants: GrantItem[];
    let grantsConsole: CliResult;

    beforeAll(async () => {
      const listed = await json(['grants', '-f', pebble]);
      expect(listed.result.stderr).toBe('');
      grants = listed.body.grants;
      grantsConsole = await runCli(['grants', '-f', pebble]);
      // Two whole listings of 66,601 grants read row by row from the Pebble store: seconds each.
    }, 60_000);

    it('resources: 35217 as {resource, resourceType}, per type as the header counts them', async () => {
      const { body } = await json(['resources', '-f', pebble]);
      expect(Object.keys(body)).toEqual(['resources']);
      expect(body.resources).toHaveLength(35217);
      const perType: Record<string, number> = {};
      for (const item of body.resources) {
        expect(item.resource.id.resourceType).toBe(item.resourceType.id);
        perType[item.resourceType.id] = (perType[item.resourceType.id] ?? 0) + 1;
      }
      expect(perType).toEqual({ group: 17, project: 100, role: 100, user: 35000 });
      const user = body.resources.find((r: any) => r.resource.id.resource === 'user-0000000');
      expect(user.resource.displayName).toBe('User 0000000');
      expect(user.resourceType).toMatchObject({ id: 'user', displayName: 'User', traits: ['TRAIT_USER'] });

      const groups = (await json(['resources', '-f', pebble, '-t', 'group'])).body.resources;
      expect(groups.map((g: any) => g.resource.id)).toEqual(
        body.resources.filter((r: any) => r.resourceType.id === 'group').map((r: any) => r.resource.id),
      );
      expect(consoleRows(await runCli(['resources', '-f', pebble]))).toHaveLength(35217);
      expect(consoleRows(await runCli(['resources', '-f', pebble, '-t', 'role']))).toHaveLength(100);
    });

    it('entitlements: 334 as {entitlement, resource, resourceType}', async () => {
      const { body } = await json(['entitlements', '-f', pebble]);
      expect(body.entitlements).toHaveLength(334);
      for (const item of body.entitlements) {
        expect(item.resource.id).toEqual(item.entitlement.resource.id);
        expect(item.resourceType.id).toBe(item.resource.id.resourceType);
      }
      const admin = body.entitlements.find((e: any) => e.entitlement.id === 'group:group-0000000:admin');
      expect(admin.entitlement).toMatchObject({
        displayName: 'admin',
        slug: 'admin',
        purpose: 'PURPOSE_VALUE_PERMISSION',
        grantableTo: [{ id: 'user' }],
      });
      expect(admin.resource.displayName).toBe('Group 0000000');
      expect((await json(['entitlements', '-f', pebble, '-t', 'project'])).body.entitlements).toHaveLength(200);
      expect(consoleRows(await runCli(['entitlements', '-f', pebble]))).toHaveLength(334);
    });

    it('grants: 66601 as {grant, entitlement, resource, resourceType, principal}, per type as the header counts them', () => {
      expect(grants).toHaveLength(66601);
      const perType: Record<string, number> = {};
      for (const item of grants) {
        expect(Object.keys(item).sort()).toEqual(['entitlement', 'grant', 'principal', 'resource', 'resourceType']);
        expect(item.entitlement.id).toBe(item.grant.entitlement?.id);
        expect(item.resourceType.id).toBe(item.resource.id.resourceType);
        perType[item.resourceType.id] = (perType[item.resourceType.id] ?? 0) + 1;
      }
      expect(perType).toEqual({ group: 65816, project: 393, role: 392 });
      // The principal is the stored resource, not the id stub the grant record holds.
      expect(grants[0]!.principal).toMatchObject({ id: { resourceType: 'user', resource: 'user-0000000' }, displayName: 'User 0000000' });
      expect(consoleRows(grantsConsole)).toHaveLength(66601);
    });

    it('grants -t, -r and -e: exactly the matching grants of the full listing, in its order', async () => {
      const ids = (items: GrantItem[]) => items.map((g) => g.grant.id);
      const on = (item: GrantItem) => `${item.resource.id.resourceType}:${item.resource.id.resource}`;
      const byType: GrantItem[] = (await json(['grants', '-f', pebble, '-t', 'role'])).body.grants;
      expect(byType).toHaveLength(392);
      expect(ids(byType)).toEqual(ids(grants.filter((g) => g.resourceType.id === 'role')));
      const byResource: GrantItem[] = (await json(['grants', '-f', pebble, '-r', 'group:group-0000001'])).body.grants;
      expect(byResource.length).toBeGreaterThan(0);
      expect(ids(byResource)).toEqual(ids(grants.filter((g) => on(g) === 'group:group-0000001')));
      expect(consoleRows(await runCli(['grants', '-f', pebble, '-r', 'group:group-0000001']))).toHaveLength(byResource.length);
      const entitlement = 'project:project-0000003:access';
      const byEntitlement: GrantItem[] = (await json(['grants', '-f', pebble, '-e', entitlement])).body.grants;
      expect(byEntitlement.length).toBeGreaterThan(0);
      expect(ids(byEntitlement)).toEqual(ids(grants.filter((g) => g.entitlement.id === entitlement)));
    });

    it('resource-types and syncs', async () => {
      const types = (await json(['resource-types', '-f', pebble])).body.resourceTypes;
      expect(types.map((t: any) => t.resourceType.id)).toEqual(['group', 'project', 'role', 'user']);
      expect(consoleRows(await runCli(['resource-types', '-f', pebble]))).toHaveLength(4);
      const { body } = await json(['syncs', '-f', pebble]);
      expect(body).toEqual({
        syncs: [
          { id: PEBBLE_SYNC, startedAt: '2026-06-15T16:23:25.906424Z', endedAt: '2026-06-15T16:23:26.295713Z', syncToken: '', syncType: 'full' },
        ],
      });
      expect(consoleRows(await runCli(['syncs', '-f', pebble]))).toHaveLength(1);
    });
  });

  it('listings of an unfinished file show its unfinished sync, with a note', async () => {
    const result = await runCli(['grants', '-f', samplePath(SAMPLE.unexpanded), '-o', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).grants).toHaveLength(2909);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(/^note: no finished full sync in .*; showing the unfinished sync 36zfOAoWMxQdISbixanQCRBiX7E$/),
    ]);
  });
});
