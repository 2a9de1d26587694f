import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['harness/**/*.test.ts', 'mocks/**/*.test.ts', 'connectors/**/*.test.ts', 'reports/**/*.test.ts', 'test/**/*.test.ts'],
    // Fixed zone so timestamps written or parsed without a zone mean the same thing on every machine.
    // The AWS SDK warns once per client on Node 20 (its support ends in 2026); the conformance suites drive
    // it there on purpose, so the warning is switched off the way the SDK reads it (@aws-sdk/core).
    env: { TZ: 'UTC', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 30_000,
    pool: 'forks',
    // Builds the CLI for the few tests that run it as a real process (into node_modules/.cache, not dist/).
    globalSetup: ['test/support/build-cli.ts'],
  },
});
