import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import { createDb, migrateToLatest, type Db, type Dialect } from '../../src/store/db.js';

/** The databases every store and API test runs against: SQLite always, PostgreSQL unless the run is SQLite-only. */
export function testDialects(): Dialect[] {
  return inject('pgUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A new SQLite file's path in the run's scratch folder. */
export function scratchSqliteFile(): string {
  return join(inject('scratchDir'), `${randomBytes(6).toString('hex')}.db`);
}

/** A fresh, migrated database: a new SQLite file in the run's scratch folder, or a new schema on the test PostgreSQL server. */
export async function createTestDb(dialect: Dialect): Promise<Db> {
  if (dialect === 'sqlite') {
    const db = createDb({ sqliteFile: scratchSqliteFile() });
    await migrateToLatest(db);
    return db;
  }
  const url = inject('pgUrl');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = createDb({ databaseUrl: url, searchPath: schema });
  await migrateToLatest(db, { schema });
  return db;
}
