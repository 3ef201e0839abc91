import type { Config } from '../config.js';
import { createDb, migrateToLatest, type Db } from '../store/db.js';

/** The database the server would use, migrated, for a command that runs beside or instead of the server. */
export async function openLedger(config: Config): Promise<Db> {
  const db = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(db);
  return db;
}
