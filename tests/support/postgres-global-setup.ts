import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The superuser URL of the run's throwaway Postgres cluster. */
    postgresUrl: string;
  }
}

/** One cluster for the whole run (about 2 s to create and start); each test takes its own schema in it. */
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
