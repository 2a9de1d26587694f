/**
 * The layers, bottom to top, each importing only those below it (README, "Layout"):
 *   lib/         shared helpers: errors, fs, secrets, escaping, seeded random; imports nothing of the project
 *   c1z/         the sync file format and the connector contract; outsiders use its two doors
 *   mocks/       the simulators (tenant, faults, providers, serving primitives)
 *   connectors/  the reference connectors: lib/ and the contract only
 *   reports/     every renderer, with its own input models
 *   harness/     runner, engine, doctor, diff, repro, record, bundle, explore, serve, CLI
 * Tests (`*.test.ts`, `*.test-support.ts`, test/) may import anything, but not in a cycle. `npm run depcruise`
 * (and .ci/run before the tests) fails on any violation; test/layers.test.ts shows the rules bite.
 */
const TEST = '(\\.test|\\.test-support)\\.ts$|^test/|/test-support/';
const layer = (name, from, to) => ({
  name,
  severity: 'error',
  comment: `${from} imports only the layers below it`,
  from: { path: `^${from}/`, pathNot: TEST },
  to: { path: `^(${to.join('|')})/` },
});

module.exports = {
  forbidden: [
    layer('lib-imports-nothing', 'lib', ['c1z', 'mocks', 'connectors', 'reports', 'harness', 'bench', 'test']),
    layer('c1z-imports-lib-only', 'c1z', ['mocks', 'connectors', 'reports', 'harness', 'bench', 'test']),
    layer('mocks-import-lib-and-c1z-only', 'mocks', ['connectors', 'reports', 'harness', 'bench', 'test']),
    layer('connectors-import-lib-and-the-contract-only', 'connectors', ['mocks', 'reports', 'harness', 'bench', 'test']),
    layer('reports-import-below-the-harness', 'reports', ['harness', 'bench', 'test']),
    layer('harness-imports-no-bench-or-test', 'harness', ['bench', 'test']),
    {
      name: 'connectors-use-the-contract-door',
      severity: 'error',
      comment: 'a connector needs the contract, not the sync file: c1z/contract/index.ts only',
      from: { path: '^connectors/', pathNot: TEST },
      to: { path: '^c1z/', pathNot: '^c1z/contract/index\\.ts$' },
    },
    {
      name: 'c1z-through-its-doors',
      severity: 'error',
      // bench/ measures c1z's internals (the v3 reader on its own), as tests may.
      comment: 'code outside c1z/ imports c1z/index.ts or c1z/contract/index.ts, never a file inside',
      from: { path: '^(lib|mocks|connectors|reports|harness)/', pathNot: TEST },
      to: { path: '^c1z/', pathNot: '^c1z/(contract/)?index\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      // Any cycle, type imports included, in code or tests, but two kinds: one closing through a lazy import()
      // (a registry loading its plugins on demand), and the one through mocks/faults/keys.ts, whose provider= key
      // checks the registered names (mocks/providers.ts), whose descriptors reach the simulators, which run the
      // fault engine that parses keys. No cycle of runtime imports is left: that one closes through type imports.
      comment: 'modules import each other in a cycle',
      from: {},
      to: { circular: true, viaOnly: { pathNot: '^mocks/faults/keys\\.ts$', dependencyTypesNot: ['dynamic-import'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'an import that resolves to no file',
      from: {},
      // @microsoft/microsoft-graph-types ships declarations only: a type import of it resolves to no file.
      to: { couldNotResolve: true, pathNot: '^@microsoft/microsoft-graph-types$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The fixtures break the rules on purpose (test/layers.test.ts cruises them on their own).
    exclude: { path: '^(node_modules|dist|test/fixtures)/' },
    // Type-only imports couple layers as much as value imports do.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
