import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import type { Db, Dialect } from '../../src/store/db.js';
import { createTokenStore } from '../../src/store/token-store.js';
import { createTestDb } from './test-db.js';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** An administrator bearer token valid on this app. */
  token: string;
  auth: { authorization: string };
  close(): Promise<void>;
}

/** The real app on a fresh, migrated database of the given dialect, with one administrator token. */
export async function buildTestApp(dialect: Dialect, opts: { bodyLimit?: number; now?: () => Date; captureWorkers?: number } = {}): Promise<TestApp> {
  const db = await createTestDb(dialect);
  const token = `test_${randomBytes(16).toString('hex')}`;
  await createTokenStore(db, { now: () => new Date() }).add(token, { name: 'test', role: 'platform_admin', sectors: [] });
  const app = await buildApp({
    db,
    nodeCode: '460100',
    publicBaseUrl: 'https://trace.example.cn',
    bodyLimit: opts.bodyLimit ?? 16 * 1024 * 1024,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.captureWorkers ? { captureWorkers: opts.captureWorkers } : {}),
  });
  return {
    app,
    db,
    token,
    auth: { authorization: `Bearer ${token}` },
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}
