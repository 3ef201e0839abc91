import { once } from 'node:events';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/api/app.js';
import { createDb, migrateToLatest, type Db } from '../src/store/db.js';
import { createTokenStore } from '../src/store/token-store.js';

export const BENCH_TOKEN = 'bench-token-not-secret';

/** The real app on a SQLite file, listening on loopback, as `npm start` runs it. */
export async function startLedgerServer(sqliteFile: string, opts: { captureWorkers?: number } = {}): Promise<{ url: string; app: FastifyInstance; db: Db; close: () => Promise<void> }> {
  const db = createDb({ sqliteFile });
  await migrateToLatest(db);
  await createTokenStore(db, { now: () => new Date() }).add(BENCH_TOKEN, { name: 'bench', role: 'platform_admin', sectors: [] });
  const app = await buildApp({ db, nodeCode: '000000', publicBaseUrl: 'http://127.0.0.1', bodyLimit: 256 * 1024 * 1024, captureWorkers: opts.captureWorkers ?? 0 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db,
    async close() {
      await app.close();
      await db.destroy();
      if (app.server.listening) await once(app.server, 'close');
    },
  };
}
