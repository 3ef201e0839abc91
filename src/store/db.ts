import { join } from 'node:path';
import { CamelCasePlugin, Kysely, Migrator, PostgresAdapter, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './schema.js';
import { createSqliteDatabase, createSqliteDialect, createSqliteEventWriter } from './dialect/sqlite.js';
import { kyselyEventWriter, type EventWriter } from './event-writer.js';
import { createPostgresDialect } from './dialect/postgres.js';
import * as createLedger from './migrations/2026-11-23T0300-create-ledger.js';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

// Listed by hand rather than read from the folder, so that migrations work the same from source and from a bundle.
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23T0300-create-ledger': createLedger,
};

const migrationProvider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Opens PostgreSQL when `databaseUrl` is given, else the embedded SQLite file under `dataDir`. */
export function createDb(opts: { databaseUrl?: string | undefined; dataDir?: string; sqliteFile?: string; searchPath?: string }): Db {
  if (opts.databaseUrl) {
    const dialect = createPostgresDialect(opts.databaseUrl, opts.searchPath ? { searchPath: opts.searchPath } : {});
    return new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] });
  }
  const database = createSqliteDatabase(opts.sqliteFile ?? join(opts.dataDir ?? 'data', 'zhuisu.db'));
  const db = new Kysely<Database>({ dialect: createSqliteDialect(database), plugins: [new CamelCasePlugin()] });
  writers.set(db, createSqliteEventWriter(database));
  return db;
}

// The dialect's fastest way to append events, kept beside the Kysely instance it writes through.
const writers = new WeakMap<Db, EventWriter>();

export function eventWriterOf(db: Db): EventWriter {
  return writers.get(db) ?? kyselyEventWriter;
}

export function dialectOf(db: Db): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Brings the schema up to date; run at every start. `schema` names a PostgreSQL schema other than the default. */
export async function migrateToLatest(db: Db, opts: { schema?: string } = {}): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, ...(opts.schema ? { migrationTableSchema: opts.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
