import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load.js';
import { createTenant } from '../../mocks/tenant/store.js';
import { preflightProblem } from './preflight.js';

const dir = mkdtempSync(join(tmpdir(), 'preflight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tenant = createTenant({ seed: 3, users: 10, groups: 3 });
const user = tenant.user(1)!.mail;
const group = tenant.group(1)!.mail;
tenant.close();

function scenario(body: string): ReturnType<typeof parseScenario> {
  const file = join(dir, 's.yaml');
  const text = `version: 1\nname: s\nprovider: entra\ntenant: { seed: 3, users: 10, groups: 3 }\nconnector: builtin:entra\n${body}`;
  writeFileSync(file, text);
  return parseScenario(text, file);
}

describe('preflightProblem', () => {
  it('blames the serving fault a builtin connector cannot take, unless a command replaces it', async () => {
    const file = join(dir, 's.yaml');
    const s = scenario('faults: ["throttle:every=3", "connection-refused"]\n');
    expect(await preflightProblem(s)).toBe(
      `${file}:6:30: faults[1]: fault connection-refused needs a connector that runs as its own process (a builtin connector runs in process, with no socket to break); give a command, or run with --connector`,
    );
    expect(await preflightProblem(s, { kind: 'external', command: 'conn', env: {}, mode: 'base-url' })).toBeUndefined();
  });

  it('passes names the seeded tenant has, and a scenario that names nothing', async () => {
    const pair = `{ entitlement: "group:${group}:member", principal: "user:${user}" }`;
    expect(await preflightProblem(scenario(`actions:\n  - grant: ${pair}\nexpect:\n  state:\n    granted: [${pair}]\n`))).toBeUndefined();
    expect(await preflightProblem(scenario(''))).toBeUndefined();
  });

  it('names the file, line, column and field of the first name the tenant lacks', async () => {
    const file = join(dir, 's.yaml');
    const line = `  - revoke: { entitlement: "group:${group}:member", principal: "user:bob@contoso.test" }`;
    const revoke = await preflightProblem(scenario(`actions:\n${line}\n`));
    expect(revoke).toBe(
      `${file}:7:${line.indexOf('"user:bob') + 1}: actions[0].revoke.principal: no user "bob@contoso.test" in the tenant (name it by an id, UPN or mail address)`,
    );
    const state = await preflightProblem(
      scenario(`expect:\n  state:\n    notGranted:\n      - entitlement: group:sales:member\n        principal: user:${user}\n`),
    );
    expect(state).toBe(`${file}:9:22: expect.state.notGranted[0].entitlement: no group "sales" in the tenant (name it by an id or its mail address)`);
  });
});
