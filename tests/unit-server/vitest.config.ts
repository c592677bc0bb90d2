// Runs the server-unit suites alone until the root vitest.config.ts includes tests/unit-server in its 'unit' project.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/unit-server/**/*.test.ts'],
    environment: 'node',
  },
});
