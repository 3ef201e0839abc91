import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPostgresServer, type PostgresServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    scratchDir: string;
  }
}

let server: PostgresServer | undefined;
let scratchDir: string | undefined;

/** Starts one PostgreSQL server for the whole run, unless TEST_PG_URL names one or the run is SQLite-only. */
export async function setup(project: TestProject): Promise<void> {
  scratchDir = mkdtempSync(join(tmpdir(), 'zhuisu-test-'));
  project.provide('scratchDir', scratchDir);
  if (process.env.ZHUISU_TEST_DIALECTS === 'sqlite') {
    project.provide('pgUrl', '');
    return;
  }
  if (process.env.TEST_PG_URL) {
    project.provide('pgUrl', process.env.TEST_PG_URL);
    return;
  }
  server = await startPostgresServer();
  project.provide('pgUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
}
