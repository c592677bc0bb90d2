// vitest globalSetup of 'server:pg': a throwaway PostgreSQL 15 cluster for the run, stopped and deleted afterwards.
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './throwaway-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the throwaway cluster; each test file creates its own database in it. */
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startThrowawayPostgres({
    folderPrefix: 'cet-pg-',
    // Durability is worth nothing for a cluster deleted after the run; without it the suite runs faster.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' },
  });
  project.provide('pgAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
