import { setImmediate as nextTurn } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { addScan, combineScanSummaries, scanSummaryOf, type ScanSummary } from '../../domain/public-query/scan-summary.js';
import { storedSummary, summaryRow, type ScanLog, type SummaryDelta } from '../scan-log.js';
import { createSqliteDatabase, openSqliteReadOnly } from './sqlite.js';

/** How often a serving process counts the log written since into the stored summaries. */
export const SCAN_FOLD_MS = 10_000;

/** How long the reads of summaries share one snapshot, and so how much later they see another process's scans. */
export const SCAN_SNAPSHOT_MS = 50;
// Log rows read at a time, while catching up or folding: about 3 ms.
const ROWS_PER_READ = 5_000;
// Summaries a fold writes before it lets the event loop answer queries again: about 2 ms.
const SUMMARIES_PER_TURN = 500;

/** The file beside an SQLite ledger that holds the scans of its public queries: `zhuisu.db` → `zhuisu.scans.db`. */
export function scansFileOf(ledgerFile: string): string {
  return ledgerFile.replace(/(\.db)?$/, '.scans.db');
}

export interface SqliteScanLog extends ScanLog {
  close(): void;
}

type LogRow = [seq: number, unitKey: string, registered: number, scannedAt: string, clientRegion: string | null];
// Read by both connections: the reader catches up with the log, the writer before each batch and to fold it.
const FOLDED_THROUGH = 'select folded_through from scan_fold';
const LOG_AFTER = 'select seq, unit_key, registered, scanned_at, client_region from scan_log where seq > ? order by seq limit ?';
type SummaryRow = [scanCount: number, firstAt: string, firstRegion: string | null, lastAt: string, regions: string];

/**
 * Scans on SQLite, in a file of their own, appended to the log as they come and counted in the stored summaries only
 * every `foldEveryMs`.
 *
 * Both halves are about what a commit costs the other connections. A commit to a file makes every connection reading
 * it drop the pages it had read and unmap the file, and a scan's commit in the ledger's file had the readers of codes
 * and stories fault the pages of a million codes back in ten times a second: in a file of its own it costs them
 * nothing. And a summary per code queried at random rewrote about one page of `scan_summary` per scan; a fold of ten
 * seconds' scans rewrites each page once. Flat out on two processes the two together served a quarter more queries
 * (docs/benchmarks.md).
 *
 * A code's summary is therefore the stored one plus the scans logged after the last fold (`folded_through` in
 * `scan_fold`), which each connection keeps counted per code as it reads the log's new rows: at the start of each
 * read snapshot (at most every SCAN_SNAPSHOT_MS), and in each batch's write transaction before its own rows. A fold
 * by any process moves `folded_through`, and what is kept is then counted again from the log past it, a few hundred
 * milliseconds of scans.
 * A fold writes in slices, letting queries be answered in between; it holds the file's write lock meanwhile, so
 * batches of scans wait for it, counted all along by their own process.
 */
export function createSqliteScanLog(file: string, opts: { foldEveryMs?: number } = {}): SqliteScanLog {
  const foldEveryMs = opts.foldEveryMs ?? SCAN_FOLD_MS;
  // Opened at once, so that the file exists with the ledger's page size and journal before the ledger's own
  // connection attaches it (and its migrations create the tables).
  const writer = createSqliteDatabase(file);
  // A batch does not wait for the write lock, rather than stop the event loop: better-sqlite3 waits by sleeping.
  writer.pragma('busy_timeout = 0');
  // Prepared at first use: the tables are made by the migrations, after this is opened.
  let writes: ReturnType<typeof writeStatements> | undefined;
  let reads: ReturnType<typeof readStatements> | undefined;
  let inSnapshot = false;

  // What this thread knows of the log: the seq through which the stored summaries count it, the last seq it has read,
  // and the scans in between summed up per code.
  let foldedThrough = -1;
  let readThrough = 0;
  let unfolded = new Map<string, ScanSummary>();

  let folding: Promise<boolean> | undefined;
  let foldTimer: NodeJS.Timeout | undefined;

  function writeStatements() {
    return {
      foldedThrough: writer.prepare(FOLDED_THROUGH).pluck(),
      rowsAfter: writer.prepare(LOG_AFTER).raw(),
      append: writer.prepare('insert into scan_log (unit_key, registered, scanned_at, client_region, client_class) values (?, ?, ?, ?, ?)'),
      // One statement per row: a multi-row INSERT … ON CONFLICT keeps a statement journal, and past 64 KiB SQLite
      // writes it to a temporary file.
      summary: writer.prepare(`insert into scan_summary (unit_key, registered, scan_count, first_at, first_region, last_at, regions) values (?, ?, ?, ?, ?, ?, ?)
        on conflict (unit_key) do update set scan_count = scan_summary.scan_count + excluded.scan_count, last_at = excluded.last_at,
        regions = case when excluded.regions = '' then scan_summary.regions else excluded.regions end`),
      regions: writer.prepare('select regions from scan_summary where unit_key = ?').pluck(),
      setFoldedThrough: writer.prepare('update scan_fold set folded_through = ?'),
    };
  }

  function readStatements() {
    const connection = openSqliteReadOnly(file);
    return {
      connection,
      foldedThrough: connection.prepare(FOLDED_THROUGH).pluck(),
      rowsAfter: connection.prepare(LOG_AFTER).raw(),
      summary: connection.prepare('select scan_count, first_at, first_region, last_at, regions from scan_summary where unit_key = ?').raw(),
    };
  }

  /** Brings what this thread knows up to the connection's snapshot: a new fold, then the log's new rows. */
  function catchUp(statements: { foldedThrough: SQLite.Statement; rowsAfter: SQLite.Statement }): void {
    const folded = statements.foldedThrough.get() as number;
    if (folded !== foldedThrough) {
      foldedThrough = folded;
      readThrough = folded;
      unfolded = new Map();
    }
    for (const rows of logAfter(statements.rowsAfter, readThrough)) {
      for (const [seq, unitKey, , at, region] of rows) {
        const summary = unfolded.get(unitKey);
        if (summary) addScan(summary, at, region);
        else unfolded.set(unitKey, scanSummaryOf(at, region));
        readThrough = seq;
      }
    }
  }

  // The reads of SCAN_SNAPSHOT_MS share one snapshot: the log is caught up with once for all of them, and a new
  // snapshot after another process's commit drops the connection's pages. This thread's own commits end it at once;
  // another process's scans are seen up to SCAN_SNAPSHOT_MS later than their commit.
  const endSnapshot = () => {
    inSnapshot = false;
    if (reads?.connection.inTransaction) reads.connection.exec('COMMIT');
  };

  function snapshot(): ReturnType<typeof readStatements> {
    reads ??= readStatements();
    if (!inSnapshot) {
      inSnapshot = true;
      setTimeout(endSnapshot, SCAN_SNAPSHOT_MS);
    }
    if (!reads.connection.inTransaction) {
      reads.connection.exec('BEGIN');
      catchUp(reads);
    }
    return reads;
  }

  /** Takes the write lock, or answers false at once. */
  function begin(): boolean {
    try {
      writer.exec('BEGIN IMMEDIATE');
      return true;
    } catch (err) {
      if (err instanceof SQLite.SqliteError && err.code.startsWith('SQLITE_BUSY')) return false;
      throw err;
    }
  }

  function rollback(): void {
    if (writer.open && writer.inTransaction) writer.exec('ROLLBACK');
  }

  function scheduleFold(): void {
    foldTimer ??= setTimeout(() => {
      foldTimer = undefined;
      void fold().then((done) => {
        if (!done) scheduleFold();
      }, () => undefined);
    }, foldEveryMs).unref();
  }

  function fold(): Promise<boolean> {
    folding ??= foldOnce().finally(() => {
      folding = undefined;
    });
    return folding;
  }

  async function foldOnce(): Promise<boolean> {
    // Closed with its database: there is nothing this thread can fold any more.
    if (!writer.open) return true;
    const statements = (writes ??= writeStatements());
    if (!begin()) return false;
    try {
      const from = statements.foldedThrough.get() as number;
      let through = from;
      const deltas = new Map<string, SummaryDelta>();
      for (const rows of logAfter(statements.rowsAfter, from)) {
        for (const [seq, unitKey, registered, at, region] of rows) {
          const delta = deltas.get(unitKey);
          if (delta) addScan(delta, at, region);
          else deltas.set(unitKey, { unitKey, registered: registered === 1, ...scanSummaryOf(at, region) });
          through = seq;
        }
        await nextTurn();
      }
      let written = 0;
      for (const delta of deltas.values()) {
        const row = summaryRow(delta, delta.regions.length > 0 ? (statements.regions.get(delta.unitKey) as string | undefined) : undefined);
        statements.summary.run(row.unitKey, row.registered, row.scanCount, row.firstAt, row.firstRegion, row.lastAt, row.regions);
        if (++written % SUMMARIES_PER_TURN === 0) await nextTurn();
      }
      if (through !== from) statements.setFoldedThrough.run(through);
      writer.exec('COMMIT');
      // The lock was held from the first read, so the log ended at `through`: nothing is left unfolded.
      foldedThrough = through;
      readThrough = through;
      unfolded = new Map();
      return true;
    } catch (err) {
      rollback();
      throw err;
    } finally {
      endSnapshot();
    }
  }

  return {
    async summaryOf(unitKey) {
      const { summary } = snapshot();
      const row = summary.get(unitKey) as SummaryRow | undefined;
      const stored = row ? storedSummary(...row) : null;
      const beyond = unfolded.get(unitKey);
      return beyond ? combineScanSummaries(stored, beyond) : stored;
    },

    async write(batch, committed) {
      // A fold holds the lock across turns of the event loop, on this same connection.
      if (folding) return false;
      const statements = (writes ??= writeStatements());
      if (!begin()) return false;
      let last = 0;
      try {
        // Rows other processes wrote since this thread last read the log come before this batch's.
        catchUp(statements);
        for (const r of batch.log) last = Number(statements.append.run(r.unitKey, r.registered, r.scannedAt, r.clientRegion, r.clientClass).lastInsertRowid);
        writer.exec('COMMIT');
      } catch (err) {
        rollback();
        endSnapshot();
        throw err;
      }
      for (const { unitKey, count, firstAt, firstRegion, lastAt, regions } of batch.summaries) {
        const own: ScanSummary = { count, firstAt, lastAt, regions: [...regions] };
        if (firstRegion) own.firstRegion = firstRegion;
        const known = unfolded.get(unitKey);
        unfolded.set(unitKey, known ? combineScanSummaries(known, own) : own);
      }
      if (last > 0) readThrough = last;
      // Reads from now on see the batch in a new snapshot, and a fold another process made in the one it replaces.
      endSnapshot();
      committed();
      scheduleFold();
      return true;
    },

    fold,

    close() {
      if (foldTimer) clearTimeout(foldTimer);
      foldTimer = undefined;
      endSnapshot();
      reads?.connection.close();
      reads = undefined;
      writer.close();
    },
  };
}

/** The log's rows past `seq`, in order, ROWS_PER_READ at a time (one statement run per chunk, none left open). */
function* logAfter(rowsAfter: SQLite.Statement, seq: number): Generator<LogRow[]> {
  let after = seq;
  for (;;) {
    const rows = rowsAfter.all(after, ROWS_PER_READ) as LogRow[];
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < ROWS_PER_READ) return;
    after = last[0];
  }
}
