import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import { BoundedMap } from '../../domain/bounded-memo.js';
import { toEpcRows, toPartyRows } from '../event-rows.js';
import type { CodeWriter } from '../code-store.js';
import type { EventWriter, StoredEvents } from '../event-writer.js';

const MMAP_BYTES = 1 << 30;

/** The embedded database: one file, WAL journal, every commit synced before it is acknowledged. */
export function createSqliteDatabase(file: string): SQLite.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  // Takes effect only on a new file: 8 KiB pages suit the ~1.5 KB event rows and cut the pages a commit writes.
  database.pragma('page_size = 8192');
  database.pragma('journal_mode = WAL');
  // NORMAL: a commit is in the WAL file before it is acknowledged, so it survives kill -9 of the server; the WAL is
  // synced to disk at checkpoints, so a power cut may lose the last commits (PostgreSQL is the production database).
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('cache_size = -65536');
  // Reads straight from the mapped file rather than a copy per page: the public query looks up codes at random in
  // tables far larger than the page cache.
  database.pragma(`mmap_size = ${String(MMAP_BYTES)}`);
  // Checkpoint every ~40 MB of WAL instead of every 4 MB: pages rewritten by consecutive captures are copied once.
  database.pragma('wal_autocheckpoint = 10000');
  return database;
}

// Statements kept per connection, and the longest SQL kept: the hot queries are short, while a multi-row INSERT is
// long, differs with its row count and would only crowd the cache.
const CACHED_STATEMENTS = 500;
const CACHED_SQL_LENGTH = 4_000;

/**
 * Kysely's SQLite driver prepares every query anew; preparing took an eighth of the public query's time, more than
 * running it. The connection it is given keeps prepared statements by their SQL. A statement still being iterated
 * (a streamed query) is busy and cannot run twice at once, so such a query gets a fresh statement.
 */
export function createSqliteDialect(database: SQLite.Database, hooks: { onClose?: () => void; onWrite?: (() => void) | undefined } = {}): SqliteDialect {
  const prepare = statementCache(database);
  return new SqliteDialect({
    database: {
      close: () => {
        database.close();
        hooks.onClose?.();
      },
      // Kysely prepares each statement right before running it, the COMMIT of a transaction too.
      prepare: (sql) => {
        const statement = prepare(sql);
        if (!statement.reader) hooks.onWrite?.();
        return statement;
      },
    },
  });
}

function statementCache(database: SQLite.Database): (sql: string) => SQLite.Statement {
  const statements = new BoundedMap<string, SQLite.Statement>(CACHED_STATEMENTS);
  return (sql) => {
    const cached = statements.get(sql);
    if (cached && !cached.busy) return cached;
    const statement = database.prepare(sql);
    if (!cached && sql.length <= CACHED_SQL_LENGTH) statements.set(sql, statement);
    return statement;
  };
}

/** Rows of committed data, read at once rather than in turn with the writes. */
export interface SqliteReader {
  /** The rows as arrays of values, in the order of `columns`: no object with named members is made for a row. */
  raw(sql: string, parameters: readonly unknown[]): { columns: readonly string[]; values: unknown[][] };
  /** Reads from now on see what has just been committed on another connection of this thread. */
  refresh: () => void;
  close(): void;
}

/** A read-only connection for the busiest reads: a smaller page cache, the file mapped. */
export function openSqliteReadOnly(file: string): SQLite.Database {
  const connection = new SQLite(file, { readonly: true });
  connection.pragma('busy_timeout = 5000');
  connection.pragma('cache_size = -16384');
  connection.pragma(`mmap_size = ${String(MMAP_BYTES)}`);
  return connection;
}

/**
 * A second, read-only connection to the file for the busiest reads (the public query): it reads the last committed
 * state, in WAL mode without waiting for a writer, and is called directly instead of queueing behind every write on
 * Kysely's one connection. Opened at the first read. An in-memory database has no second connection, so it has none.
 */
export function createSqliteReader(file: string): SqliteReader | undefined {
  if (file === ':memory:') return undefined;
  let open: { connection: SQLite.Database; prepare: (sql: string) => SQLite.Statement } | undefined;
  const columnsOf = new WeakMap<SQLite.Statement, string[]>();
  let inTurn = false;
  // The reads of one turn of the event loop share one read transaction: each statement outside a transaction takes
  // and drops WAL read locks of its own, which cost as much as a lookup, and under load one turn answers dozens of
  // queries. Its snapshot is taken after the turn's events arrived, so it holds every commit another thread announced
  // in them; a commit on this thread's own writer calls `refresh`. Ending at the next turn, it never holds back a
  // checkpoint for long.
  const endSnapshot = () => {
    if (open?.connection.inTransaction) open.connection.exec('COMMIT');
  };
  const endTurn = () => {
    inTurn = false;
    endSnapshot();
  };
  return {
    raw(sql, parameters) {
      if (!open) {
        const connection = openSqliteReadOnly(file);
        open = { connection, prepare: statementCache(connection) };
      }
      if (!inTurn) {
        inTurn = true;
        setImmediate(endTurn);
      }
      if (!open.connection.inTransaction) open.connection.exec('BEGIN');
      const statement = open.prepare(sql);
      let columns = columnsOf.get(statement);
      if (!columns) {
        columns = statement.columns().map((column) => column.name);
        columnsOf.set(statement, columns);
      }
      return { columns, values: statement.raw(true).all(parameters) as unknown[][] };
    },
    refresh: endSnapshot,
    close() {
      endSnapshot();
      open?.connection.close();
      open = undefined;
    },
  };
}

/** The columns of an `event` row, in the order of `toEventRow`'s fields, then the scope's. */
export const EVENT_COLUMNS = ['event_id', 'event_key', 'event_type', 'event_time', 'event_time_zone_offset', 'record_time', 'action', 'biz_step', 'disposition',
  'read_point', 'biz_location', 'transformation_id', 'identifiers', 'parties', 'body', 'namespaces', 'capture_id', 'recorder', 'region', 'sector'];

/**
 * The capture hot path on SQLite: statements prepared once and run row by row. Kysely's driver prepares every query
 * anew and builds a syntax tree for each multi-row INSERT, which took a fifth of capture time at 1,000-event documents.
 * Runs on the same connection, inside the Kysely transaction that the caller holds.
 */
export function createSqliteEventWriter(database: SQLite.Database): EventWriter {
  let statements: { stored: SQLite.Statement; event: SQLite.Statement; epc: SQLite.Statement; party: SQLite.Statement } | undefined;
  const prepared = () =>
    (statements ??= {
      // One query for the whole capture rather than one per event. The caller holds the write lock, so nothing can
      // insert between this check and the inserts.
      stored: database.prepare('select event_id from event where event_key in (select value from json_each(?))').pluck(),
      event: database.prepare(`insert into event (${EVENT_COLUMNS.join(', ')}) values (${EVENT_COLUMNS.map(() => '?').join(', ')})`),
      epc: database.prepare('insert into event_epc (epc, event_time, event_seq, ordinal, role, is_class, quantity, uom) values (?, ?, ?, ?, ?, ?, ?, ?)'),
      party: database.prepare('insert into event_party (party, event_seq) values (?, ?)'),
    });
  return {
    async insert(_tx, events) {
      const { stored, event: insertEvent, epc: insertEpc, party: insertParty } = prepared();
      // Ids already in the ledger, then each id as it is stored, so that an event sent twice in one capture is stored once.
      const present = new Set(stored.all(JSON.stringify(events.map((e) => e.row.eventKey))).filter((id) => typeof id === 'string'));
      const inserted: StoredEvents = { eventIds: [], seqs: [] };
      for (const e of events) {
        const r = e.row;
        if (present.has(r.eventId)) continue;
        present.add(r.eventId);
        const { lastInsertRowid } = insertEvent.run(r.eventId, r.eventKey, r.eventType, r.eventTime, r.eventTimeZoneOffset, r.recordTime, r.action, r.bizStep,
          r.disposition, r.readPoint, r.bizLocation, r.transformationId, r.identifiers, r.parties, r.body, r.namespaces, r.captureId,
          e.scope.recorder, e.scope.region, e.scope.sector);
        const seq = Number(lastInsertRowid);
        inserted.eventIds.push(e.eventId);
        inserted.seqs.push(seq);
        for (const x of toEpcRows(e, seq)) insertEpc.run(x.epc, x.eventTime, x.eventSeq, x.ordinal, x.role, x.isClass, x.quantity, x.uom);
        for (const x of toPartyRows(e.scope, seq)) insertParty.run(x.party, x.eventSeq);
      }
      return inserted;
    },
  };
}

// Codes per INSERT: a JSON array of this many codes is about 230 KB.
const CODE_ROWS_PER_INSERT = 10_000;

/**
 * Trace codes on SQLite: one prepared statement that reads a JSON array of codes with json_each, everything else bound
 * once. Binding two strings a row took a fifth longer, a `run` per row twice as long, and Kysely rebuilds each INSERT's
 * syntax tree. Runs on the same connection, inside the Kysely transaction that the caller holds.
 */
export function createSqliteCodeWriter(database: SQLite.Database): CodeWriter {
  let statement: SQLite.Statement | undefined;
  return {
    async insert(_tx, issue, codes) {
      statement ??= database.prepare(`insert into trace_code (code, unit_id, lot_id, product, issue_id, issued_at)
        select value, ? || value, ?, ?, ?, ? from json_each(?)`);
      for (let start = 0; start < codes.length; start += CODE_ROWS_PER_INSERT) {
        const part = JSON.stringify(codes.slice(start, start + CODE_ROWS_PER_INSERT));
        statement.run(issue.unitIdPrefix, issue.lotId ?? null, issue.product ?? null, issue.issueId, issue.issuedAt, part);
      }
    },
  };
}
