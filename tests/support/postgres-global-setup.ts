// Vitest global setup of the 'postgres' project: one cluster for the whole run; each test file
// creates its own database in it (tests/support/test-db.ts).
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster';

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string;
	}
}

export default async function setup(project: TestProject) {
	const cluster = await startPostgresCluster();
	project.provide('postgresUrl', cluster.url);
	return () => cluster.stop();
}
