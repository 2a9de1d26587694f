import { configDefaults, defineConfig } from 'vitest/config';

/** Tests beside the code: in one process (MSW in-process at most), no CLI build, so `npm run test:unit` is quick. */
const BESIDE_CODE = ['lib/**/*.test.ts', 'c1z/**/*.test.ts', 'harness/**/*.test.ts', 'mocks/**/*.test.ts', 'connectors/**/*.test.ts', 'reports/**/*.test.ts'];
/** Beside the code but not unit tests: they spawn processes (a process tree, mkfifo) or bind loopback servers. */
const SPAWNING = ['harness/run/process-tree.test.ts', 'lib/fs/input-file.test.ts', 'mocks/serve/loopback.test.ts', 'mocks/serve/lingering-close.test.ts', 'harness/run/staging.test.ts'];

export default defineConfig({
  test: {
    // Fixed zone so timestamps written or parsed without a zone mean the same thing on every machine.
    // The AWS SDK warns once per client on Node 20 (its support ends in 2026); the conformance suites drive
    // it there on purpose, so the warning is switched off the way the SDK reads it (@aws-sdk/core).
    env: { TZ: 'UTC', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores, which is one on a 2-core CI machine; much of the
    // suite waits on child processes and sockets, so two keep both cores busy.
    maxWorkers: 2,
    // `npm test` runs both; `--project unit` or `--project integration` one of them.
    projects: [
      { extends: true, test: { name: 'unit', include: BESIDE_CODE, exclude: [...configDefaults.exclude, ...SPAWNING] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts', ...SPAWNING],
          // Builds the CLI for the few tests that run it as a real process (into node_modules/.cache, not dist/).
          globalSetup: ['test/support/build-cli.ts'],
        },
      },
    ],
  },
});
