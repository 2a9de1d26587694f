/**
 * The Examples section of each command's --help. Every line runs as written from a clone of the repository
 * (`npx` finds the package's own bin), in order within a command: later lines use what earlier ones wrote.
 * `demo` writes runs/demo/sync.c1z, which the inspection examples read.
 */
const EXAMPLES: Record<string, string[]> = {
  run: [
    'npx sync-harness run scenarios/library/entra/expired-secret.yaml',
    'npx sync-harness run scenarios/library -o junit --shard 1/3 > runs/results.xml',
  ],
  diff: [
    'npx sync-harness demo',
    'npx sync-harness diff -f runs/demo/sync.c1z',
    'npx sync-harness diff -f runs/demo/sync.c1z -o markdown \\',
    "    --fail-on 'removed:type:user>5%'",
  ],
  doctor: [
    'npx sync-harness doctor --log test/fixtures/logs/entra-expired-secret.json.log',
    'npx sync-harness run scenarios/library/entra/expired-secret.yaml',
    'npx sync-harness doctor -f runs/entra-expired-secret/sync.c1z -o json',
  ],
  report: [
    'npx sync-harness run scenarios/library/entra/expired-secret.yaml',
    'npx sync-harness report runs/entra-expired-secret -o html --out runs/r.html',
  ],
  repro: [
    'npx sync-harness repro --provider entra --symptom expired-secret --ticket t-1',
    'npx sync-harness repro --log test/fixtures/logs/google-throttled.console.log \\',
    '    --ticket t-2 -o json',
  ],
  record: [
    '# a local serve stands in for the real service (its ready line names it)',
    'npx sync-harness serve --provider entra > ready.json &',
    'npx sync-harness record --provider entra --credentials ready.json \\',
    '    -- npx sync-harness connector entra --credentials {credentialsFile} \\',
    '    --file {output}',
  ],
  bundle: [
    'npx sync-harness run scenarios/library/entra/expired-secret.yaml',
    'npx sync-harness bundle runs/entra-expired-secret --out runs/acme-1234.tar.gz',
  ],
  connector: [
    'npx sync-harness serve --provider scim > ready.json &',
    'npx sync-harness connector scim --credentials ready.json --file scim.c1z',
    'npx sync-harness stats -f scim.c1z',
  ],
  stats: ['npx sync-harness demo', 'npx sync-harness stats -f runs/demo/sync.c1z -o json'],
  syncs: ['npx sync-harness demo', 'npx sync-harness syncs -f runs/demo/sync.c1z'],
  'resource-types': ['npx sync-harness demo', 'npx sync-harness resource-types -f runs/demo/sync.c1z'],
  resources: ['npx sync-harness demo', 'npx sync-harness resources -f runs/demo/sync.c1z -t user -o json'],
  entitlements: ['npx sync-harness demo', 'npx sync-harness entitlements -f runs/demo/sync.c1z -t group'],
  grants: ['npx sync-harness demo', 'npx sync-harness grants -f runs/demo/sync.c1z -r group:g-000001'],
  serve: [
    'npx sync-harness serve --provider entra,scim --users 50   # Ctrl-C stops it',
    "npx sync-harness serve --provider entra --fault 'throttle:every=3'",
    '# then: HTTPS_PROXY=<proxyUrl> SSL_CERT_FILE=<caCert> your-connector ...',
    'npx sync-harness serve --proxy',
  ],
  explore: ['npx sync-harness demo', 'npx sync-harness explore runs/demo/sync.c1z   # open the URL; Ctrl-C stops'],
  demo: ['npx sync-harness demo', 'npx sync-harness demo --users 1000 --out runs/demo/big.c1z'],
  tenant: [
    'npx sync-harness tenant generate --users 1000 --seed 7 --out runs/tenant.db',
    'npx sync-harness serve --provider entra --tenant runs/tenant.db',
  ],
};

/** The text commander adds after a command's help. */
export function examplesHelp(command: string): string {
  const lines = EXAMPLES[command];
  if (!lines) throw new Error(`no --help examples for the command ${command}`);
  return `\nExamples:\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
}
