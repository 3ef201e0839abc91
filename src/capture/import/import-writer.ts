import { CamelCasePlugin, Kysely, type ControlledTransaction } from 'kysely';
import type { AuditActor } from '../../domain/audit/actor.js';
import { DEFAULT_AUDIT_ALGORITHM, isAuditAlgorithm, type AuditAlgorithm } from '../../domain/audit/chain-hash.js';
import { createLedgerDigest } from '../../domain/audit/ledger-digest.js';
import { contentHashOfHashId } from '../../domain/event-hash.js';
import { createAuditStore } from '../../store/audit-store.js';
import { committedReaderOf, dialectOf, eventWriterOf, sameDbOptions, writeLockOf, type Db, type DbOptions } from '../../store/db.js';
import { createSqliteDatabase, createSqliteDialect, createSqliteEventWriter } from '../../store/dialect/sqlite.js';
import { jobRow, type CaptureJob } from '../../store/event-store.js';
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
  /** Commits, with the import's capture job and its audit entry: who imported it, and what (`details`). */
  commit(job: CaptureJob, audit: { actor: AuditActor; details: Record<string, unknown> }): Promise<void>;
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

/**
 * Copies SQLite's write-ahead log into the database file on a connection of its own (PASSIVE: readers and writers
 * carry on meanwhile). After an import of a million rows the log holds about 2 GB; left alone, the next commit of the
 * server would copy it, holding up that request for seconds. Nothing to do on PostgreSQL.
 */
export function checkpointLog(options: DbOptions): void {
  if (options.databaseUrl || !options.sqliteFile) return;
  const connection = createSqliteDatabase(options.sqliteFile);
  try {
    connection.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    connection.close();
  }
}

/**
 * Opens the transaction an import writes in. SQLite: a connection of the import's own, holding the write lock that
 * the server's writers share, with events stored by the SQLite event writer and sector records by a prepared
 * statement (a million rows through the query builder would take longer than the rest of the import); the
 * server's own connection keeps answering reads meanwhile. PostgreSQL: a transaction on the pool, through the stores.
 */
export async function openImportWriter(db: Db): Promise<ImportWriter> {
  // The digest of the file's events is built as they are stored, so its algorithm is settled now: the chain's.
  const head = await createAuditStore(db).head();
  const algorithm = head && isAuditAlgorithm(head.algorithm) ? head.algorithm : DEFAULT_AUDIT_ALGORITHM;
  if (dialectOf(db) === 'postgres') {
    const trx = await db.startTransaction().execute();
    const records = createSectorRecordStore(db).within(trx);
    return transactionWriter(db, trx, algorithm, eventWriterOf(db), async (rows) => {
      for (const row of rows) await records.insert(row);
    }, async () => {});
  }

  const file = sameDbOptions(db).sqliteFile;
  // An in-memory database cannot be opened a second time: the import would write into another, empty one.
  if (!file || file === ':memory:') throw new Error('bulk import needs an SQLite database in a file, which it opens a second connection to');
  const connection = createSqliteDatabase(file);
  connection.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  // The log is copied into the database after the commit (checkpointLog), not by the commit itself under the lock.
  connection.pragma('wal_autocheckpoint = 0');
  // Its commits are this thread's too: the server's reads see them at once.
  const own = new Kysely<Database>({ dialect: createSqliteDialect(connection, { onWrite: committedReaderOf(db)?.refresh }), plugins: [new CamelCasePlugin()] });
  const release = await holdLock(writeLockOf(db));
  const close = async () => {
    release();
    await own.destroy();
  };
  let trx: ControlledTransaction<Database>;
  try {
    trx = await own.startTransaction().execute();
  } catch (err) {
    await close();
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
  return transactionWriter(db, trx, algorithm, createSqliteEventWriter(connection), insertRecords, close);
}

function transactionWriter(
  db: Db,
  trx: ControlledTransaction<Database>,
  algorithm: AuditAlgorithm,
  events: EventWriter,
  insertRecords: (rows: readonly SectorRecordRow[]) => Promise<void>,
  close: () => Promise<void>,
): ImportWriter {
  const records = createSectorRecordStore(trx).within(trx);
  const end = async (commit: boolean) => {
    try {
      if (commit) await trx.commit().execute();
      else if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute();
    } catch (err) {
      if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute();
      throw err;
    } finally {
      await close();
    }
  };
  // One audit entry for the whole file, its digest built batch by batch: a few bytes hashed per event, no row written.
  const digest = createLedgerDigest(algorithm);
  const range = { firstSeq: 0, lastSeq: 0 };
  return {
    async write(rows, claims) {
      const inserted = await events.insert(trx, rows.map((r) => r.event));
      // An imported event is named by its CBV 2.0 hash (sealedRecordEvent), so its content hash is in its eventID.
      for (const eventId of inserted.eventIds) digest.addEvent(eventId, contentHashOfHashId(eventId));
      if (range.firstSeq === 0) range.firstSeq = inserted.seqs[0] ?? 0;
      range.lastSeq = inserted.seqs.at(-1) ?? range.lastSeq;
      const stored = new Set(inserted.eventIds);
      await insertRecords(rows.filter((r) => stored.has(r.event.eventId)).map((r) => r.record));
      for (const claim of claims) await records.claim(claim.units, claim.rule, claim.recordId);
      return stored;
    },
    async commit(job, audit) {
      try {
        await trx.insertInto('captureJob').values(jobRow(audit.actor.enterprise ? { ...job, capturedBy: audit.actor.enterprise } : job)).execute();
        const count = digest.count;
        await createAuditStore(db).append({
          at: job.finishedAt ?? job.createdAt, actor: audit.actor, action: 'import', subject: job.captureId,
          details: { ...audit.details, recordTime: job.createdAt, sent: job.eventCount }, algorithm,
          ...(count > 0 ? { events: { firstSeq: range.firstSeq, lastSeq: range.lastSeq, count, digest: digest.digest() } } : {}),
        }, trx);
      } catch (err) {
        await end(false);
        throw err;
      }
      await end(true);
    },
    rollback: () => end(false),
  };
}
