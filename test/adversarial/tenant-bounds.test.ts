/**
 * Tenant sizes have documented limits, checked before anything is built: the build is synchronous, so an
 * oversized tenant would eat memory with no timeout able to stop it.
 */
import { describe, expect, it } from 'vitest';
import { scenarioError } from '../support/scenario-error.js';
import { MAX_COUNT, MAX_TENANT_ROWS, estimatedRows, resolveShape } from '../../mocks/tenant/shape.js';
import { runCli } from '../support/cli.js';

const scenario = (tenant: string, extra = '') => `version: 1\nname: t\nprovider: entra\nconnector: builtin:entra\ntenant:\n${tenant}${extra}`;

describe('tenant size bounds', () => {
  it('the largest allowed tenant (a million users, the benchmarked size) is within the row budget', () => {
    const shape = resolveShape({ users: MAX_COUNT });
    expect(estimatedRows(shape)).toBeLessThanOrEqual(MAX_TENANT_ROWS);
  });

  it.each([
    ['users: 1e9', 'scenarios/t.yaml:6:10: tenant.users: 1000000000: at most 1,000,000'],
    ['groups: 2000000', 'scenarios/t.yaml:6:11: tenant.groups: 2000000: at most 1,000,000'],
    ['roleAssignments: 1000001', 'scenarios/t.yaml:6:20: tenant.roleAssignments: 1000001: at most 1,000,000'],
    ['policyAttachments: 9999999', 'scenarios/t.yaml:6:22: tenant.policyAttachments: 9999999: at most 1,000,000'],
    ['users: 1e400', 'scenarios/t.yaml:6:10: tenant.users: expected a number, got number Infinity (write a finite number, e.g. 100)'],
    ['users: .nan', 'scenarios/t.yaml:6:10: tenant.users: expected a number, got number NaN (write a finite number, e.g. 100)'],
    ['users: -5', 'scenarios/t.yaml:6:10: tenant.users: -5: expected a whole number of 0 or more'],
    ['users: 10.5', 'scenarios/t.yaml:6:10: tenant.users: 10.5: expected a whole number of 0 or more'],
  ])('a scenario with tenant %s is refused at load time, at the field', (field, message) => {
    expect(scenarioError(scenario(`  ${field}\n`))).toMatch(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('a string count is refused as a type error', () => {
    expect(scenarioError(scenario('  users: "1000"\n'))).toMatch(/^scenarios\/t\.yaml:6:10: tenant\.users: expected a number/);
  });

  it('counts each within bounds but too many rows together are refused, naming what to lower', () => {
    const message = scenarioError(scenario('  users: 1000000\n  membershipsPerUser: 50\n'));
    expect(message).toMatch(
      /^scenarios\/t\.yaml:6:10: tenant\.users: 1000000: this shape makes about [\d,]+ rows .* at most 5,000,000 \(lower the users or membershipsPerUser\)$/,
    );
  });

  it("memoryCheck's second tenant must fit the same bounds", () => {
    const message = scenarioError(scenario('  users: 100\n', 'memoryCheck:\n  users: 5000000\nexpect:\n  outcome: succeeded\n'));
    expect(message).toMatch(/^scenarios\/t\.yaml:8:10: memoryCheck\.users: 5000000: at most 1,000,000/);
  });

  it('serve --users 1e9 is one line and exit 2, before anything is built or printed', async () => {
    const started = performance.now();
    const result = await runCli(['serve', '--provider', 'entra', '--users', '1e9']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--users 1000000000: at most 1,000,000/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it.each([['1e400'], ['NaN'], ['-3'], ['2.5'], ['lots']])('serve --users %s is refused with one line, exit 2', async (value) => {
    const result = await runCli(['serve', '--provider', 'entra', '--users', value]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--users .*: expected a whole number of 0 or more/);
  });

  it.each([
    [['--users', '1e9'], /--users 1000000000: at most 1,000,000/],
    [['--groups', '5000000'], /--groups 5000000: at most 1,000,000/],
    [['--app-role-assignments', '1e7'], /--app-role-assignments 10000000: at most 1,000,000/],
    [
      ['--users', '1000000', '--memberships-per-user', '100'],
      /--users 1000000: this shape makes about .* \(lower the users or --memberships-per-user\)/,
    ],
  ])('tenant generate %j is refused with one line, exit 2, and writes nothing', async (flags, message) => {
    const result = await runCli(['tenant', 'generate', '--out', '/nonexistent-dir-sync-harness/t.db', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});
