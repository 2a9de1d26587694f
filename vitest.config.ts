import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['harness/**/*.test.ts', 'mocks/**/*.test.ts', 'connectors/**/*.test.ts', 'reports/**/*.test.ts', 'test/**/*.test.ts'],
    // Fixed zone so timestamps written or parsed without a zone mean the same thing on every machine.
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    pool: 'forks',
    // Builds the CLI for the few tests that run it as a real process (into node_modules/.cache, not dist/).
    globalSetup: ['test/support/build-cli.ts'],
  },
});
