/**
 * The doctor on journals a real run wrote: the reference Entra connector syncing the simulator through the
 * engine (in-process, MSW), with the simulator and the engine sharing one virtual clock that sleeping
 * advances, as a scenario run does. The sync file itself is left out: these cases are read off the journal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEntraConnector } from '../../connectors/entra/index.js';
import { C1zWriter } from '../../c1z/writer/c1z-writer.js';
import { runSync } from '../sync/engine.js';
import { entraFixture, type FixtureOptions } from '../../mocks/entra/test-support/entra-fixture.test-support.js';
import type { LogLine, RunEvidence } from '../../reports/evidence.js';
import { diagnose } from './index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function run(options: FixtureOptions, waits = true): Promise<RunEvidence> {
  let now = Date.parse('2026-05-01T12:00:00Z');
  const clock = () => new Date((now += 10));
  const f = entraFixture(server, { shape: { users: 30, groups: 6 }, clock, ...options });
  const dir = mkdtempSync(join(tmpdir(), 'doctor-entra-'));
  try {
    const log: LogLine[] = [];
    const connector = createEntraConnector({ ...f.sim.credentials, authority: f.sim.authority, graphBase: f.sim.bases.graph, now: clock });
    const result = await runSync(connector, {
      writer: new C1zWriter(join(dir, 'out.c1z'), { clock, seed: 'doctor' }),
      clock,
      // A run that does not wait stands for a connector retrying on its own, ahead of Retry-After.
      sleep: async (ms) => void (now += waits ? ms : 0),
      log: (event) => log.push({ ...event }),
    });
    return {
      provider: 'entra',
      granted: f.sim.grantedPermissions,
      writeBack: false,
      journal: f.ctx.journal.all(),
      log,
      outcome: result.outcome,
      ...(result.outcome === 'failed' ? { error: result.error.message } : {}),
      tenant: f.tenant,
      actions: [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ids = (ev: RunEvidence) => diagnose(ev).findings.map((f) => f.id);

describe('the doctor on real Entra runs', () => {
  it('a clean sync is healthy and needs the read permissions it used', async () => {
    const d = diagnose(await run({}));
    expect(d.findings).toEqual([]);
    expect(d.minimalPermissions).toEqual(['Application.Read.All', 'Group.Read.All', 'GroupMember.Read.All', 'User.Read.All']);
    expect(d.summary).toMatch(
      /^healthy: \d+ requests, permissions needed: Application.Read.All, Group.Read.All, GroupMember.Read.All, User.Read.All$/,
    );
  });

  it('throttling honoured: throttled and recovered, Retry-After respected', async () => {
    const ev = await run({ faults: ['throttle:every=5,retry-after=2'] });
    expect(ev.outcome).toBe('succeeded');
    expect(ids(ev)).toEqual(['throttled']);
    expect(diagnose(ev).findings[0]!.title).toMatch(/the sync recovered$/);
  });

  it('retrying without waiting is caught against the virtual clock', async () => {
    const ev = await run({ faults: ['throttle:every=5,retry-after=2'] }, false);
    expect(ids(ev)).toEqual(['retry-after-ignored', 'throttled']);
  });

  it('an expired secret', async () => {
    expect(ids(await run({ faults: ['expired-secret:from=3'] }))).toContain('expired-secret');
  });

  it('a members permission taken away names GroupMember.Read.All', async () => {
    const ev = await run({
      sim: { grantedPermissions: ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'] },
      faults: ['partial-consent:missing=GroupMember.Read.All,route=graph.groups.members.list'],
    });
    const d = diagnose(ev);
    expect(d.findings.map((f) => f.id)).toEqual(['permission-missing']);
    expect(d.findings[0]!.title).toContain('needs GroupMember.Read.All');
  });

  it('no consent at all', async () => {
    expect(ids(await run({ sim: { grantedPermissions: [] } }))).toEqual(['consent-missing']);
  });
});
