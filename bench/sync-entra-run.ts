/**
 * One side of the sync benchmark, run as its own process so GNU time sees its peak alone:
 *   sync  <tenant.db> <out.c1z>  the reference Entra connector through the engine, against the Entra
 *                                simulator answering in process (no sockets), as a scenario run does
 *   floor <tenant.db> <out.c1z>  the same rows built from the tenant and written straight into a c1z
 * Prints one JSON line: requests, rows written, seconds.
 */
import { C1zWriter } from '../c1z/index.js';
import { runSync } from '../harness/sync/engine.js';
import { builtin } from '../connectors/entra/builtin.js';
import {
  GROUP_RESOURCE_TYPE,
  ODATA_GROUP,
  ODATA_USER,
  USER_RESOURCE_TYPE,
  groupResource,
  memberEntitlement,
  memberGrant,
  ownerEntitlement,
  ownerGrant,
  userResource,
} from '../connectors/entra/records.js';
import { createContext } from '../mocks/core/context.js';
import { directFetch } from '../mocks/core/direct-fetch.js';
import { entraProvider } from '../mocks/entra/index.js';
import { openTenant } from '../mocks/tenant/store.js';

const [mode, tenantFile, out] = process.argv.slice(2);
const tenant = openTenant(tenantFile!);
const started = performance.now();
let requests = 0;
let rows = 0;

if (mode === 'sync') {
  const ctx = createContext({ tenant });
  const served = await entraProvider(ctx, 'https://entra.sim.invalid');
  const connector = builtin.create(served.credentials, { fetch: directFetch(() => served.handlers, ctx, 'entra') });
  const result = await runSync(connector, { writer: new C1zWriter(out!), sleep: async () => {} });
  if (result.outcome !== 'succeeded') throw result.error;
  requests = ctx.journal.all().length;
  rows = result.counts.resources + result.counts.entitlements + result.counts.grants;
} else {
  const writer = new C1zWriter(out!);
  const syncId = writer.startSync();
  writer.addResourceType(syncId, USER_RESOURCE_TYPE);
  writer.addResourceType(syncId, GROUP_RESOURCE_TYPE);
  const { users, groups } = tenant.counts();
  for (let seq = 1; seq <= users; seq++) {
    const u = tenant.user(seq)!;
    writer.addResource(
      syncId,
      userResource({
        id: u.objectId,
        displayName: u.displayName,
        userPrincipalName: u.userPrincipalName,
        mail: u.mail,
        accountEnabled: u.enabled,
        userType: u.kind === 'guest' ? 'Guest' : 'Member',
      }),
    );
    rows++;
  }
  for (let seq = 1; seq <= groups; seq++) {
    const g = tenant.group(seq)!;
    const group = groupResource({ id: g.objectId, displayName: g.displayName, mail: g.mail });
    writer.addResource(syncId, group);
    const member = memberEntitlement(group);
    const owner = ownerEntitlement(group);
    writer.addEntitlement(syncId, member);
    writer.addEntitlement(syncId, owner);
    rows += 3;
    for (const m of tenant.members(seq, { limit: 1_000_000 }).items) {
      const id = m.memberType === 'user' ? tenant.user(m.memberSeq)!.objectId : tenant.group(m.memberSeq)!.objectId;
      for (const grant of memberGrant(member, { id, '@odata.type': m.memberType === 'user' ? ODATA_USER : ODATA_GROUP }))
        writer.addGrant(syncId, grant);
      rows++;
    }
    for (const u of tenant.owners(seq)) {
      for (const grant of ownerGrant(owner, { id: u.objectId, '@odata.type': ODATA_USER })) writer.addGrant(syncId, grant);
      rows++;
    }
  }
  writer.endSync(syncId);
  await writer.finish();
}
tenant.close();
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ mode, requests, rows, seconds }));
