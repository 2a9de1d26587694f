/**
 * The record -> sanitize -> replay -> unmap -> diff checks every provider gets (test/record-<provider>):
 * the reference connector's traffic against the simulator is captured, sanitized with the run's secrets
 * and written as HAR and nock JSON; each file is read back and replayed through `route()` handlers; the
 * connector, configured with the recording's fakes, syncs the replay; the mapping applied back makes the
 * diff against the recorded run empty, with and without a fault layered on the replay; no tenant value
 * and no secret of the run survives in the files, in any form.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantShape, TenantStore } from '../../mocks/tenant/model.js';
import type { Exchange } from './exchange.js';
import { readFixtures, writeRecording, type RecordingFiles } from './files.js';
import { IdentityMap } from './identity-map.js';
import { diffFiles, recordRun, replayRun, simulate, type RecordedProvider, type SimulatedProvider } from './run.test-support.js';
import { secretsOfRun } from './run-secrets.js';
import { sanitizeExchanges } from './sanitize.js';
import { scanForSecrets, type Secret } from '../../lib/secrets/index.js';

export interface SuiteOptions {
  /** Big enough that every listing pages. */
  shape: Partial<TenantShape>;
  /** Request URLs (or form bodies) that show a page was followed with the provider's page token. */
  pageMark: RegExp;
  /** Identifying values of the tenant that must not survive in the recording (ids, names, emails). */
  identities(tenant: TenantStore): string[];
  /** The fault layered on the replay, and the status the provider's dialect answers it with. */
  fault: { spec: string; status: number };
  /** Forms in which the raw capture shows the run's secrets (so the scan is seen to work). */
  rawForms: string[];
}

export interface RecordingUnderTest {
  dir: string;
  sim: SimulatedProvider;
  raw: Exchange[];
  sanitized: Exchange[];
  map: IdentityMap;
  secrets: Secret[];
  files: RecordingFiles;
  recorded: string;
}

export function recordReplaySuite(provider: RecordedProvider, options: SuiteOptions): RecordingUnderTest {
  const state = {} as RecordingUnderTest;

  beforeAll(async () => {
    state.dir = mkdtempSync(join(tmpdir(), `record-${provider}-`));
    state.sim = simulate(provider, options.shape);
    state.recorded = join(state.dir, 'recorded.c1z');
    const run = await recordRun(state.sim, provider, state.recorded);
    expect(run.result.outcome).toBe('succeeded');
    state.raw = run.exchanges;
    state.secrets = secretsOfRun(state.sim.credentials, state.raw);
    const { exchanges, map } = sanitizeExchanges(state.raw, { seed: `record-${provider}`, secrets: state.secrets });
    state.sanitized = exchanges;
    state.map = map;
    state.files = writeRecording(state.dir, provider, exchanges, map, state.secrets);
  });

  afterAll(() => rmSync(state.dir, { recursive: true, force: true }));

  describe(`a ${provider} recording`, () => {
    it('pages, and follows page tokens that still work after sanitizing', () => {
      expect(state.sanitized.some((e) => options.pageMark.test(`${e.request.url} ${e.request.body ?? ''}`))).toBe(true);
    });

    it("keeps none of the tenant's ids, names and emails, only their fakes, consistently", () => {
      const har = readFileSync(state.files.har, 'utf8');
      const nock = readFileSync(state.files.nock, 'utf8');
      const values = options.identities(state.sim.ctx.tenant);
      expect(values.length).toBeGreaterThan(10);
      for (const value of values) {
        expect(har.includes(value), value).toBe(false);
        expect(nock.includes(value), value).toBe(false);
        const fake = state.map.lookup(value);
        expect(fake, value).toBeDefined();
        expect(har.includes(fake!), `${value} -> ${fake}`).toBe(true);
      }
    });

    it("has none of the run's secrets in the HAR, the nock file or the sanitized exchanges, in any form", async () => {
      // The run's secrets: the simulator's credentials and every token the traffic carried.
      for (const secret of state.sim.secrets) expect(state.secrets.map((s) => s.value)).toContain(secret.value);
      // Entra and Google issue bearer tokens; AWS signs every request with its key and issues none.
      if (provider !== 'aws') expect(state.secrets.length).toBeGreaterThan(state.sim.secrets.length);
      const exchangesFile = join(state.dir, 'sanitized-exchanges.json');
      writeFileSync(exchangesFile, JSON.stringify(state.sanitized));
      const clean = await scanForSecrets(state.secrets, [state.files.har, state.files.nock, exchangesFile]);
      expect(clean.filesScanned).toBe(3);
      expect(clean.findings).toEqual([]);
      // The same scan finds them in the capture before sanitizing: the check can fail.
      mkdirSync(join(state.dir, 'raw'));
      writeFileSync(join(state.dir, 'raw', 'exchanges.json'), JSON.stringify(state.raw));
      const leaked = await scanForSecrets(state.secrets, [join(state.dir, 'raw')]);
      expect([...new Set(leaked.findings.map((f) => f.form))].sort()).toEqual([...options.rawForms].sort());
      for (const secret of state.secrets) expect(JSON.stringify(leaked.findings)).not.toContain(secret.value);
    });
  });

  describe(`replaying the ${provider} recording`, () => {
    it.each(['har', 'nock'] as const)(
      'from %s: the connector syncs it, and with the mapping applied back the diff against the recorded run is empty',
      async (format) => {
        const map = IdentityMap.fromJSON(JSON.parse(readFileSync(state.files.map, 'utf8')));
        const replayed = await replayRun(provider, state.sim.credentials, readFixtures(state.files[format]), map, state.dir, `replay-${format}`);
        expect(replayed.result.outcome).toBe('succeeded');
        expect(replayed.replay.unused()).toEqual([]);
        // Before unmapping every object differs: the replay really ran on fakes.
        expect((await diffFiles(state.recorded, join(state.dir, `replay-${format}.c1z`))).totals.resources.unchanged).toBe(0);
        const report = await diffFiles(state.recorded, replayed.unmapped);
        expect(report.differ).toBe(false);
        for (const table of ['resources', 'entitlements', 'grants'] as const) {
          expect(report.totals[table], table).toMatchObject({ added: 0, removed: 0, changed: 0 });
          expect(report.totals[table].unchanged, table).toBeGreaterThan(0);
        }
      },
    );

    it(`layers ${options.fault.spec} on the replay in ${provider}'s own dialect, journaled by route, and the sync still matches`, async () => {
      const replayed = await replayRun(provider, state.sim.credentials, readFixtures(state.files.har), state.map, state.dir, 'replay-fault', [
        options.fault.spec,
      ]);
      expect(replayed.result.outcome).toBe('succeeded');
      const entries = replayed.ctx.journal.all();
      const faulted = entries.filter((e) => e.fault === options.fault.spec);
      expect(faulted.length).toBeGreaterThanOrEqual(Math.floor(entries.length / 3) - 1);
      for (const entry of faulted) expect(entry).toMatchObject({ status: options.fault.status, provider });
      expect(entries.every((e) => e.route?.startsWith('replay.'))).toBe(true);
      // The engine retried each one after waiting.
      expect(replayed.sleeps).toHaveLength(faulted.length);
      expect((await diffFiles(state.recorded, replayed.unmapped)).differ).toBe(false);
    });
  });

  return state;
}
