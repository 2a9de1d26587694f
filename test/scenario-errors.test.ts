/**
 * Every kind of mistake in a scenario file gives one line: `<file>:<line>:<col>: <field path>: <problem>
 * (<how to fix>)`, pointing at the offending key or value.
 */
import { describe, expect, it } from 'vitest';
import { PROVIDER_NAMES } from '../mocks/providers.js';
import { scenarioError } from './support/scenario-error.js';

/** The registry's providers as errors list them (alphabetically). */
const KNOWN = [...PROVIDER_NAMES].sort().join(', ');

/** Lines 1-3 are fixed, the connector is line 4 (or more), `extra` follows. */
const scenario = (extra: string, connector = 'connector: builtin:entra\n') => `version: 1\nname: t\nprovider: entra\n${connector}${extra}`;

const ENTRA_PLACEHOLDERS =
  '{baseUrl}, {output}, {runDir}, {tenantId}, {seed}, {provider}, {proxyUrl}, {caFile}, {credentialsFile}, {credentials.tenantId}, {credentials.clientId}, {credentials.clientSecret}, {credentials.authority}, {credentials.graphBase}, {credentials.scope}';

describe('scenario errors', () => {
  it.each([
    [
      'a typo in a key, with a suggestion',
      scenario('expect:\n  outcome: failed\n  retryAfterHonored: true\n'),
      'scenarios/t.yaml:7:3: expect.retryAfterHonored: unknown key (did you mean "retryAfterHonoured"? known: outcome, error, counts, complete, requests, retryAfterHonoured, peakMemoryMb, state, findings, diff)',
    ],
    [
      'an unknown key far from any known one',
      scenario('colour: blue\n'),
      'scenarios/t.yaml:5:1: colour: unknown key (known: version, name, description, provider, tenant, permissions, faults, connector, connectors, actions, writeBack, memoryCheck, rerun, timeout, expect)',
    ],
    [
      'a wrong type',
      scenario('tenant:\n  users: lots\n'),
      'scenarios/t.yaml:6:10: tenant.users: expected a number, got text "lots" (write the number without quotes)',
    ],
    [
      'a number where text is needed',
      scenario('', 'connector:\n  command: run\n  env:\n    PORT: 8080\n'),
      'scenarios/t.yaml:7:11: connector.env.PORT: expected text, got number (quote it)',
    ],
    [
      'a bad fault spec',
      scenario('faults:\n  - throttle:every=3\n  - thrrottle:every=2\n'),
      'scenarios/t.yaml:7:5: faults[1]: "thrrottle:every=2": unknown fault "thrrottle" (did you mean "throttle"? known: throttle, expired-secret, revoked-credential, partial-consent, not-admin, bad-pagination, server-error, latency, network-error, malformed-body, wrong-content-type, reset, hang, tls-untrusted, connection-refused, dns-failure)',
    ],
    [
      'a fault with a bad value',
      scenario('faults: ["throttle:every=x"]\n'),
      'scenarios/t.yaml:5:10: faults[0]: "throttle:every=x": every=x must be a whole number of at least 1',
    ],
    [
      'a duration without a unit',
      scenario('timeout: 90\n'),
      'scenarios/t.yaml:5:10: timeout: expected a duration with a unit, got number 90 (write e.g. 90s or 5m)',
    ],
    [
      'a duration in words',
      scenario('timeout: 5 minutes\n'),
      'scenarios/t.yaml:5:10: timeout: "5 minutes" is not a duration (write a number with ms, s, m or h, e.g. 90s, 5m, 1m30s)',
    ],
    [
      'wildcard-only error text',
      scenario('expect:\n  error: ".*"\n'),
      'scenarios/t.yaml:6:10: expect.error: ".*" matches any error (expect the text the provider or SDK gives, e.g. AADSTS7000222)',
    ],
    [
      'a star',
      scenario('expect:\n  error: ["AADSTS7000222", "*"]\n'),
      'scenarios/t.yaml:6:28: expect.error[1]: "*" matches any error (expect the text the provider or SDK gives, e.g. AADSTS7000222)',
    ],
    [
      'an empty error text',
      scenario('expect:\n  error: ""\n'),
      'scenarios/t.yaml:6:10: expect.error: "" matches any error (expect the text the provider or SDK gives, e.g. AADSTS7000222)',
    ],
    [
      'a regex matching anything',
      scenario('expect:\n  error: /^.*$/\n'),
      'scenarios/t.yaml:6:10: expect.error: /^.*$/ matches any error (expect the text the provider or SDK gives, e.g. AADSTS7000222)',
    ],
    [
      'min above max',
      scenario('expect:\n  counts:\n    user: { min: 10, max: 5 }\n'),
      'scenarios/t.yaml:7:18: expect.counts.user.min: min 10 is more than max 5 (swap them, or fix the bound)',
    ],
    [
      'a count that is not one',
      scenario('expect:\n  counts:\n    user: five\n'),
      'scenarios/t.yaml:7:11: expect.counts.user: expected a count (write a whole number, or a mapping with exact, min and/or max), got text "five"',
    ],
    [
      'a fractional count',
      scenario('expect:\n  counts: { user: 1.5 }\n'),
      'scenarios/t.yaml:6:19: expect.counts.user: expected a count (write a whole number, or a mapping with exact, min and/or max), got number 1.5',
    ],
    [
      'a negative budget',
      scenario('expect:\n  requests:\n    perRoute:\n      graph.users.list: -1\n'),
      'scenarios/t.yaml:8:25: expect.requests.perRoute["graph.users.list"]: -1 is below 0 (write 0 or more)',
    ],
    [
      'connector and connectors both',
      scenario('connectors: [builtin:entra]\n'),
      'scenarios/t.yaml:5:13: connectors: given together with connector (use connector for one, or connectors for several)',
    ],
    [
      'no connector at all',
      'version: 1\nname: t\nprovider: entra\n',
      'scenarios/t.yaml:1:1: scenario: no connector (add connector: builtin:<provider>, or connectors: [...] for several)',
    ],
    [
      'an unknown placeholder',
      scenario('', 'connector:\n  command: [run, --url, "{baseURL}", "{output}"]\n'),
      `scenarios/t.yaml:5:25: connector.command[2]: unknown placeholder {baseURL} (did you mean {baseUrl}? known: ${ENTRA_PLACEHOLDERS})`,
    ],
    [
      'an unknown placeholder in the second of several connectors',
      scenario('', 'connectors:\n  - builtin:entra\n  - command: [x, "{nope}"]\n'),
      `scenarios/t.yaml:6:18: connectors[1].command[1]: unknown placeholder {nope} (known: ${ENTRA_PLACEHOLDERS})`,
    ],
    [
      'an unknown provider',
      'version: 1\nname: t\nprovider: entraa\nconnector: builtin:entra\n',
      `scenarios/t.yaml:3:11: provider: unknown provider "entraa" (did you mean "entra"? known: ${KNOWN})`,
    ],
    [
      'an unknown builtin provider',
      scenario('', 'connector: builtin:ldap\n'),
      `scenarios/t.yaml:4:12: connector: builtin:ldap: unknown provider "ldap" (known: ${KNOWN})`,
    ],
    [
      'a builtin for another provider',
      scenario('', 'connector: builtin:google\n'),
      "scenarios/t.yaml:4:12: connector: builtin:google is for google, but the scenario's provider is entra (use builtin:entra[:<variant>])",
    ],
    [
      'a connector that is neither',
      scenario('', 'connector: entra\n'),
      'scenarios/t.yaml:4:12: connector: "entra" is not a connector (write builtin:<provider>[:<variant>], e.g. builtin:entra or builtin:entra:ignores-retry-after, or a mapping with a command)',
    ],
    [
      'a typo inside an external connector',
      scenario('', 'connector:\n  comand: [x]\n'),
      'scenarios/t.yaml:5:3: connector.comand: unknown key (did you mean "command"? known: name, command, env, cwd, timeout, mode)',
    ],
    [
      'a bad enum value',
      scenario('', 'connector:\n  command: run\n  mode: proxi\n'),
      'scenarios/t.yaml:6:9: connector.mode: "proxi" is not allowed (did you mean "proxy"? use one of: base-url, proxy)',
    ],
    [
      'a YAML syntax error',
      scenario('expect:\n  counts: {user: 1\n'),
      'scenarios/t.yaml:7:1: yaml: Flow map in block collection must be sufficiently indented and end with a } (fix the YAML syntax)',
    ],
    [
      'tab indentation',
      scenario('expect:\n\toutcome: failed\n'),
      'scenarios/t.yaml:6:1: yaml: Tabs are not allowed as indentation (fix the YAML syntax)',
    ],
    ['a key given twice', 'version: 1\nname: t\nname: u\n', 'scenarios/t.yaml:3:1: yaml: Map keys must be unique (fix the YAML syntax)'],
    [
      'a quoted version',
      'version: "1"\nname: t\n',
      'scenarios/t.yaml:1:10: version: "1" is not a scenario version this harness reads (write version: 1 without quotes; known versions: 1)',
    ],
    ['a missing version', 'name: t\nprovider: entra\n', 'scenarios/t.yaml:1:1: version: missing (add "version: 1" at the top; known versions: 1)'],
    [
      'an unknown version',
      'version: 2\nname: t\n',
      'scenarios/t.yaml:1:10: version: 2 is not a scenario version this harness reads (known versions: 1)',
    ],
    [
      'an empty file',
      '',
      'scenarios/t.yaml:1:1: scenario: expected a mapping with version, name, provider, connector and expect, got an empty file (see scenarios/examples/)',
    ],
    ['a missing name', 'version: 1\nprovider: entra\nconnector: builtin:entra\n', 'scenarios/t.yaml:1:1: name: missing (add it; it is required)'],
    [
      'a negative tenant size',
      scenario('tenant:\n  seed: 1\n  users: -5\n'),
      'scenarios/t.yaml:7:10: tenant.users: -5: expected a whole number of 0 or more',
    ],
    [
      'a real-looking domain',
      scenario('tenant:\n  domain: contoso.com\n'),
      'scenarios/t.yaml:6:11: tenant.domain: contoso.com: must end in a reserved top-level domain (.test, .example, .invalid, .localhost), so no real organisation is named; e.g. contoso.test',
    ],
    [
      'an action without its principal',
      scenario('actions:\n  - grant: { entitlement: a }\n'),
      'scenarios/t.yaml:6:12: actions[0].grant.principal: missing (add it; it is required)',
    ],
    [
      'grant and revoke in one action',
      scenario('actions:\n  - grant: { entitlement: a, principal: b }\n    revoke: { entitlement: a, principal: b }\n'),
      'scenarios/t.yaml:6:5: actions[0]: both grant and revoke (give exactly one, e.g. grant: { entitlement: ..., principal: ... })',
    ],
    [
      'a finding id that is not kebab-case',
      scenario('expect:\n  findings: [Expired_Secret]\n'),
      'scenarios/t.yaml:6:14: expect.findings[0]: "Expired_Secret" is not a kebab-case id (lower-case words joined by "-", e.g. expired-secret)',
    ],
    [
      'a diff gate that is not a rule',
      scenario('rerun: { faults: [] }\nexpect:\n  diff:\n    failOn: ["removed:users>5%"]\n'),
      'scenarios/t.yaml:8:14: expect.diff.failOn[0]: bad --fail-on rule "removed:users>5%": expected <added|removed|changed>:<resources|entitlements|grants|type:NAME><op><number|percent>, vanished:<type|*> or finding:<id> (e.g. removed:type:user>5%)',
    ],
    [
      'a diff expected without a second sync',
      scenario('expect:\n  diff: { gate: failed }\n'),
      'scenarios/t.yaml:6:9: expect.diff: a diff is expected but nothing runs twice (add rerun: { faults: [...] })',
    ],
    [
      'an error expected of a success',
      scenario('expect:\n  outcome: succeeded\n  error: AADSTS7000222\n'),
      'scenarios/t.yaml:7:10: expect.error: an error is expected of a run expected to succeed (set outcome: failed, or remove error)',
    ],
  ])('%s', (_, text, message) => {
    const actual = scenarioError(text);
    expect(actual).toBe(message);
    expect(actual).not.toContain('\n');
  });

  it("a regular expression that does not compile (the middle is V8's own words)", () => {
    expect(scenarioError(scenario('expect:\n  error: "/(x/"\n'))).toMatch(
      /^scenarios\/t\.yaml:6:10: expect\.error: \/\(x\/ is not a regular expression: .*Unterminated group \(fix the pattern, or write plain text without the slashes\)$/,
    );
  });

  it('reports the first problem in the file when there are several', () => {
    expect(scenarioError(scenario('tenant:\n  users: lots\ntimeout: 90\n'))).toMatch(/^scenarios\/t\.yaml:6:10: tenant\.users: /);
  });
});
