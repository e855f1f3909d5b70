import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['sandbox/**/*.test.ts', 'lib/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: integration files each start their own in-process sandbox on port 0.
    maxWorkers: 2,
  },
});
