import { join } from 'node:path';
import { CamelCasePlugin, Kysely, Migrator, PostgresAdapter, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Database } from './schema.js';
import type { CodeWriter } from './code-store.js';
import type { ScanLog } from './scan-log.js';
import { createSqliteCodeWriter, createSqliteDatabase, createSqliteDialect, createSqliteEventWriter, createSqliteReader, type SqliteReader } from './dialect/sqlite.js';
import { createSqliteScanLog, scansFileOf } from './dialect/sqlite-scans.js';
import { kyselyEventWriter, type EventWriter } from './event-writer.js';
import { createWriteLock, noWriteLock, type WriteLock } from './write-lock.js';
import { startCheckpointer } from './dialect/sqlite-checkpointer.js';
import { createPostgresDialect, postgresCodeWriter } from './dialect/postgres.js';
import * as createLedger from './migrations/2026-11-23T0300-create-ledger.js';
import * as createSectorTables from './migrations/2026-11-24T0100-create-sector-tables.js';
import * as indexTraceCodesByIssue from './migrations/2026-11-24T0200-index-trace-codes-by-issue.js';
import * as createAccounts from './migrations/2026-11-25T0100-create-accounts.js';
import * as createAuditLog from './migrations/2026-11-25T0200-create-audit-log.js';
import * as scopeEvents from './migrations/2026-11-26T0100-scope-events.js';
import * as createInspectionRequests from './migrations/2026-11-26T0200-create-inspection-requests.js';
import * as recordCodeIssuers from './migrations/2026-11-26T0300-record-code-issuers.js';
import * as createPublicService from './migrations/2026-11-27T0100-create-public-service.js';
import * as logScansInOrder from './migrations/2026-11-27T0200-log-scans-in-order.js';
import * as countRateWindows from './migrations/2026-11-28T0100-count-rate-windows.js';
import * as keepScansApart from './migrations/2026-11-29T0100-keep-scans-apart.js';
import * as keepCodesInCodeOrder from './migrations/2026-11-30T0100-keep-codes-in-code-order.js';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

// Listed by hand rather than read from the folder, so that migrations work the same from source and from a bundle.
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23T0300-create-ledger': createLedger,
  '2026-11-24T0100-create-sector-tables': createSectorTables,
  '2026-11-24T0200-index-trace-codes-by-issue': indexTraceCodesByIssue,
  '2026-11-25T0100-create-accounts': createAccounts,
  '2026-11-25T0200-create-audit-log': createAuditLog,
  '2026-11-26T0100-scope-events': scopeEvents,
  '2026-11-26T0200-create-inspection-requests': createInspectionRequests,
  '2026-11-26T0300-record-code-issuers': recordCodeIssuers,
  '2026-11-27T0100-create-public-service': createPublicService,
  '2026-11-27T0200-log-scans-in-order': logScansInOrder,
  '2026-11-28T0100-count-rate-windows': countRateWindows,
  '2026-11-29T0100-keep-scans-apart': keepScansApart,
  '2026-11-30T0100-keep-codes-in-code-order': keepCodesInCodeOrder,
};

const migrationProvider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export interface DbOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  sqliteFile?: string;
  /** PostgreSQL schema to use instead of the default (tests give each database its own). */
  searchPath?: string;
  /** SQLite: the write lock of another thread's connection to the same file. */
  writeLock?: SharedArrayBuffer;
  /** SQLite: checkpoint the WAL on a thread of its own (the server) rather than in the commits that find it long. */
  checkpointInBackground?: boolean;
}

interface DbExtras {
  writer: EventWriter;
  codeWriter: CodeWriter;
  /** SQLite files keep their scans in a file of their own; elsewhere they are rows like any other (kyselyScanLog). */
  scanLog?: ScanLog | undefined;
  lock: WriteLock;
  options: DbOptions;
  reader?: SqliteReader | undefined;
}

// What the store needs beside the Kysely instance: the dialect's fastest way to append events, the lock that keeps
// writers of one SQLite file in line, and how to open the same database from another thread.
const extras = new WeakMap<Db, DbExtras>();

/** Opens PostgreSQL when `databaseUrl` is given, else the embedded SQLite file under `dataDir`. */
export function createDb(opts: DbOptions): Db {
  if (opts.databaseUrl) {
    const dialect = createPostgresDialect(opts.databaseUrl, opts.searchPath ? { searchPath: opts.searchPath } : {});
    const db = new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] });
    extras.set(db, { writer: kyselyEventWriter, codeWriter: postgresCodeWriter, lock: noWriteLock, options: opts });
    return db;
  }
  const sqliteFile = opts.sqliteFile ?? join(opts.dataDir ?? 'data', 'zhuisu.db');
  const scansFile = sqliteFile === ':memory:' ? undefined : scansFileOf(sqliteFile);
  const scanLog = scansFile ? createSqliteScanLog(scansFile) : undefined;
  const database = createSqliteDatabase(sqliteFile);
  // Attached so that the migrations (and any query of the store) reach the scan tables by their names as before.
  if (scansFile) database.prepare('attach database ? as scans').run(scansFile);
  const reader = createSqliteReader(sqliteFile);
  const checkpointer = opts.checkpointInBackground && scansFile ? startCheckpointer([sqliteFile, scansFile]) : undefined;
  const closed = () => {
    reader?.close();
    scanLog?.close();
    void checkpointer?.stop();
  };
  const db = new Kysely<Database>({ dialect: createSqliteDialect(database, { onClose: closed, onWrite: reader?.refresh }), plugins: [new CamelCasePlugin()] });
  const lock = createWriteLock(opts.writeLock);
  extras.set(db, { writer: createSqliteEventWriter(database), codeWriter: createSqliteCodeWriter(database), scanLog, lock, options: { sqliteFile, writeLock: lock.buffer }, reader });
  return db;
}

export function eventWriterOf(db: Db): EventWriter {
  return extras.get(db)?.writer ?? kyselyEventWriter;
}

/** The dialect's way to append an issue of trace codes. */
export function codeWriterOf(db: Db): CodeWriter {
  const writer = extras.get(db)?.codeWriter;
  if (!writer) throw new Error('this database was not opened with createDb');
  return writer;
}

/** The scan log of an SQLite file (see createSqliteScanLog); undefined where scans are rows like any other. */
export function sqliteScanLogOf(db: Db): ScanLog | undefined {
  return extras.get(db)?.scanLog;
}

/** SQLite's read-only connection for the busiest reads, if the database has one (see createSqliteReader). */
export function committedReaderOf(db: Db): SqliteReader | undefined {
  return extras.get(db)?.reader;
}

export function writeLockOf(db: Db): WriteLock {
  return extras.get(db)?.lock ?? noWriteLock;
}

/** Options that open the same database, sharing its write lock, from another thread. */
export function sameDbOptions(db: Db): DbOptions {
  const options = extras.get(db)?.options;
  if (!options) throw new Error('this database was not opened with createDb');
  return options;
}

export function dialectOf(db: Db): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Brings the schema up to date; run at every start. `schema` names a PostgreSQL schema other than the default. */
export async function migrateToLatest(db: Db, opts: { schema?: string } = {}): Promise<void> {
  await migrate(db, opts, (migrator) => migrator.migrateToLatest());
}

/** Brings the schema up to the migration named `through` only: a database as an older release left it. */
export async function migrateThrough(db: Db, through: string): Promise<void> {
  await migrate(db, {}, (migrator) => migrator.migrateTo(through));
}

async function migrate(db: Db, opts: { schema?: string }, run: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, ...(opts.schema ? { migrationTableSchema: opts.schema } : {}) });
  const { error, results } = await run(migrator);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
