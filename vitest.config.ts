// Every Node-side suite of the project. Each project is one kind of test; `npm test` runs them all.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/{architecture,shared,main,renderer,unit-server}/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      // The server's HTTP suites run twice: on embedded PGlite and on a real PostgreSQL 15 cluster.
      {
        test: {
          name: 'server:pglite',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          env: { TEST_DATABASE: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server:pg',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          env: { TEST_DATABASE: 'pg' },
          globalSetup: ['tests/support/pg-cluster.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
