import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

/** Tests beside the code: in one process (MSW in-process at most), no CLI build, so `npm run test:unit` is quick. */
const BESIDE_CODE = [
  'lib/**/*.test.ts',
  'c1z/**/*.test.ts',
  'harness/**/*.test.ts',
  'mocks/**/*.test.ts',
  'connectors/**/*.test.ts',
  'reports/**/*.test.ts',
];
/** Beside the code but not unit tests: they spawn processes (a process tree, mkfifo) or bind loopback servers. */
const SPAWNING = [
  'harness/run/process-tree.test.ts',
  'lib/fs/input-file.test.ts',
  'mocks/serve/loopback.test.ts',
  'mocks/serve/lingering-close.test.ts',
  'harness/run/staging.test.ts',
];

/**
 * The unit tests share one module graph per worker (no isolation: 35 s instead of 160 s), which a test that
 * replaces a module (`vi.mock`) cannot: the module may already be loaded by an earlier file, unmocked. Those
 * files are found by their text, so a new one cannot slip into the shared graph, and run isolated.
 */
function replacingModules(folders: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts') && /\bvi\.(mock|doMock)\(/.test(readFileSync(path, 'utf8'))) found.push(path);
    }
  };
  for (const folder of folders) walk(folder);
  return found;
}
const MOCKING = replacingModules(BESIDE_CODE.map((glob) => glob.split('/')[0]!));

export default defineConfig({
  test: {
    // Fixed zone so timestamps written or parsed without a zone mean the same thing on every machine.
    // The AWS SDK warns once per client on Node 20 (its support ends in 2026); the conformance suites drive
    // it there on purpose, so the warning is switched off the way the SDK reads it (@aws-sdk/core).
    env: { TZ: 'UTC', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // The real samples (35,000 users, 66,601 grants in the Pebble one) take seconds per case alone and pass 30 s
    // on two loaded cores; a slow failure costs less than a flaky one.
    testTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores, which is one on a 2-core CI machine; much of the
    // suite waits on child processes and sockets, so two keep both cores busy.
    maxWorkers: 2,
    // `npm test` runs them all; `--project unit` the quick ones, `--project 'unit*'` every test beside the code.
    projects: [
      { extends: true, test: { name: 'unit', include: BESIDE_CODE, exclude: [...configDefaults.exclude, ...SPAWNING, ...MOCKING], isolate: false } },
      { extends: true, test: { name: 'unit-isolated', include: MOCKING } },
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
