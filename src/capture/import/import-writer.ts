import { CamelCasePlugin, Kysely, type ControlledTransaction } from 'kysely';
import { dialectOf, eventWriterOf, sameDbOptions, writeLockOf, type Db } from '../../store/db.js';
import { createSqliteDatabase, createSqliteDialect, createSqliteEventWriter } from '../../store/dialect/sqlite.js';
import type { CaptureJob } from '../../store/event-store.js';
import type { EventWriter } from '../../store/event-writer.js';
import type { Database } from '../../store/schema.js';
import { createSectorRecordStore, type SectorRecordRow } from '../../store/sector-record-store.js';
import type { WriteLock } from '../../store/write-lock.js';
import type { PreparedRow } from './prepare-rows.js';

/** Units a row claims under a once-per-unit rule. */
export interface Claim {
  rule: string;
  units: string[];
  recordId: string;
}

/**
 * One import's transaction: every batch of rows goes into it, and it is committed whole or rolled back whole, so
 * that a file is stored entirely or not at all, even if the process dies half way.
 */
export interface ImportWriter {
  /** Stores the rows whose events the ledger lacks, and the claims; returns the ids of the events stored now. */
  write(rows: readonly PreparedRow[], claims: readonly Claim[]): Promise<Set<string>>;
  /** Commits, with the import's capture job; `checkpoint` afterwards is SQLite's copy of its log into the database. */
  commit(job: CaptureJob): Promise<{ checkpoint: () => Promise<void> }>;
  rollback(): Promise<void>;
}

// SQLite page cache of the import's own connection: the indexes of a million rows stay in memory while they grow.
const IMPORT_CACHE_KIB = 256 * 1024;

/** Waits for the write lock and holds it until the returned function is called. */
function holdLock(lock: WriteLock): Promise<() => void> {
  return new Promise((resolve) => {
    void lock.run(() => new Promise<void>((release) => resolve(release)));
  });
}

function jobRow(job: CaptureJob): Database['captureJob'] {
  return {
    captureId: job.captureId, createdAt: job.createdAt, finishedAt: job.finishedAt ?? null, status: job.status, eventCount: job.eventCount,
    storedCount: job.storedCount, errors: JSON.stringify(job.errors),
  };
}

/**
 * Opens the transaction an import writes in. SQLite: a connection of the import's own, holding the write lock that
 * the server's writers share, with events stored by the SQLite event writer and sector records by a prepared
 * statement (a million rows through the query builder would take longer than the rest of the import); the
 * server's own connection keeps answering reads meanwhile. PostgreSQL: a transaction on the pool, through the stores.
 */
export async function openImportWriter(db: Db): Promise<ImportWriter> {
  if (dialectOf(db) === 'postgres') {
    const trx = await db.startTransaction().execute();
    const records = createSectorRecordStore(db).within(trx);
    return transactionWriter(trx, eventWriterOf(db), async (rows) => {
      for (const row of rows) await records.insert(row);
    }, { close: async () => {}, checkpoint: async () => {} });
  }

  const file = sameDbOptions(db).sqliteFile;
  if (!file) throw new Error('this SQLite database has no file to open a second connection to');
  const connection = createSqliteDatabase(file);
  connection.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  // The log is copied into the database after the commit, outside the write lock, rather than by the commit itself.
  connection.pragma('wal_autocheckpoint = 0');
  const own = new Kysely<Database>({ dialect: createSqliteDialect(connection), plugins: [new CamelCasePlugin()] });
  const release = await holdLock(writeLockOf(db));
  let trx: ControlledTransaction<Database>;
  try {
    trx = await own.startTransaction().execute();
  } catch (err) {
    release();
    await own.destroy();
    throw err;
  }
  const insertRecord = connection.prepare(`insert into sector_record (record_id, sector, stage, profile_version, party, counterpart, product_id, region,
    event_time, event_id, quantity, uom, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (record_id) do nothing`);
  const insertRecords = async (rows: readonly SectorRecordRow[]) => {
    for (const r of rows) {
      insertRecord.run(r.recordId, r.sector, r.stage, r.profileVersion, r.party, r.counterpart ?? null, r.productId ?? null, r.region, r.eventTime,
        r.eventId, r.quantity ?? null, r.uom ?? null, r.recordedAt);
    }
  };
  let released = false;
  const close = async () => {
    if (!released) release();
    released = true;
    await own.destroy();
  };
  return transactionWriter(trx, createSqliteEventWriter(connection), insertRecords, {
    close,
    checkpoint: async () => {
      connection.pragma('wal_checkpoint(PASSIVE)');
    },
    afterEnd: () => {
      if (!released) release();
      released = true;
    },
  });
}

function transactionWriter(
  trx: ControlledTransaction<Database>,
  events: EventWriter,
  insertRecords: (rows: readonly SectorRecordRow[]) => Promise<void>,
  life: { close: () => Promise<void>; checkpoint: () => Promise<void>; afterEnd?: () => void },
): ImportWriter {
  const records = createSectorRecordStore(trx).within(trx);
  return {
    async write(rows, claims) {
      const stored = new Set(await events.insert(trx, rows.map((r) => r.event)));
      await insertRecords(rows.filter((r) => stored.has(r.event.eventId)).map((r) => r.record));
      for (const claim of claims) await records.claim(claim.units, claim.rule, claim.recordId);
      return stored;
    },
    async commit(job) {
      try {
        await trx.insertInto('captureJob').values(jobRow(job)).execute();
        await trx.commit().execute();
      } catch (err) {
        if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute();
        life.afterEnd?.();
        await life.close();
        throw err;
      }
      life.afterEnd?.();
      return {
        checkpoint: async () => {
          try {
            await life.checkpoint();
          } finally {
            await life.close();
          }
        },
      };
    },
    async rollback() {
      try {
        if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute();
      } finally {
        life.afterEnd?.();
        await life.close();
      }
    },
  };
}
