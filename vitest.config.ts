import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['harness/**/*.test.ts', 'mocks/**/*.test.ts', 'connectors/**/*.test.ts', 'reports/**/*.test.ts', 'test/**/*.test.ts'],
    // Fixed zone so timestamps written or parsed without a zone mean the same thing on every machine.
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    pool: 'forks',
  },
});
