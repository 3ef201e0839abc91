import type { Config } from '../config.js';
import { DomainError } from '../domain/errors.js';
import { createDb, migrateToLatest, type Db } from '../store/db.js';

/** The database the server would use, migrated, for a command that runs beside or instead of the server. */
export async function openLedger(config: Config): Promise<Db> {
  const db = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(db);
  return db;
}

/**
 * Runs a command's work on the ledger and closes it afterwards, whatever the work does. With `refused`, a refusal
 * of the platform (DomainError) is written to standard error as `refused` words it, and the command exits with 1.
 */
export async function withLedger(config: Config, work: (db: Db) => Promise<number>, refused?: (err: DomainError) => string): Promise<number> {
  const db = await openLedger(config);
  try {
    return await work(db);
  } catch (err) {
    if (!refused || !(err instanceof DomainError)) throw err;
    process.stderr.write(`${refused(err)}\n`);
    return 1;
  } finally {
    await db.destroy();
  }
}
