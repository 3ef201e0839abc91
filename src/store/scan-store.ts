import type { ClientClass } from '../domain/public-query/client-class.js';
import { combineScanSummaries as combine, scanSummaryOf, type ScanSummary } from '../domain/public-query/scan-summary.js';
import { sqliteScanLogOf, type Db } from './db.js';
import { kyselyScanLog } from './kysely-scan-log.js';
import type { ScanBatch } from './scan-log.js';

/** One public query of a code. */
export interface Scan {
  /** The canonical unit id of a registered code, else the code as it was asked. */
  unitKey: string;
  registered: boolean;
  at: string;
  /** GB/T 2260 code the client gave (its city at most). */
  clientRegion?: string;
  clientClass: ClientClass;
}

/** How long a scan waits in its process before it is written, and so counted by the others. */
export const SCAN_FLUSH_MS = 200;

// A batch that found the write lock taken is tried again after this long.
const BUSY_RETRY_MS = 10;

/**
 * The scan log. A query is answered at once, from the stored summary and the scans not yet written, and the log and
 * summaries are written in batches (every `flushEveryMs`, or sooner past `maxPending` scans): a row per query would
 * make the busiest page of the platform wait on the database's write lock. What is not yet written is lost only if
 * the process dies, and those are log lines, never trace data.
 *
 * Five batches a second: one batch a second served 10-20% more queries flat out when each batch rewrote the summaries
 * of its codes, but a batch that large held the event loop long enough to take the p99 at 2,000 queries a second from
 * 9-12 ms to as much as 20 ms. On an SQLite file a batch now only appends to the log, which is counted in the stored
 * summaries every few seconds (createSqliteScanLog).
 *
 * The written summary is read at every query rather than kept: another process serving the same database writes its
 * own scans, and a summary kept here would miss them.
 */
export function createScanStore(db: Db, opts: { flushEveryMs?: number; maxPending?: number } = {}) {
  const flushEveryMs = opts.flushEveryMs ?? SCAN_FLUSH_MS;
  const maxPending = opts.maxPending ?? 1_000;
  const log = sqliteScanLogOf(db) ?? kyselyScanLog(db);
  let pendingScans: Scan[] = [];
  let pending = new Map<string, ScanSummary>();
  // Handed to a write that has not committed yet.
  let inFlight = new Map<string, ScanSummary>();
  let held: { scans: Scan[]; deltas: Map<string, ScanSummary>; batch: ScanBatch } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let flushSoon = false;

  /** The code's summary as written, then as counted by this store since, in the order the scans came. */
  async function summaryNow(unitKey: string): Promise<ScanSummary | null> {
    let summary = await log.summaryOf(unitKey);
    for (const unwritten of [inFlight.get(unitKey), pending.get(unitKey)]) if (unwritten) summary = combine(summary, unwritten);
    return summary;
  }

  /**
   * One batch of what is pending; false when the write lock was taken. Such a batch stays in flight and is tried
   * again as it is: putting it back and building it anew cost as much as the batch itself on every try, and another
   * process writing its own batch keeps the lock for a while.
   */
  async function writeBatch(): Promise<boolean> {
    if (!held) {
      const scans = pendingScans;
      const deltas = pending;
      pendingScans = [];
      pending = new Map();
      inFlight = deltas;
      const registered = new Map(scans.map((s) => [s.unitKey, s.registered]));
      held = {
        scans, deltas,
        batch: {
          log: scans.map((s) => ({ unitKey: s.unitKey, registered: s.registered ? 1 : 0, scannedAt: s.at, clientRegion: s.clientRegion ?? null, clientClass: s.clientClass })),
          summaries: Array.from(deltas, ([unitKey, d]) => ({ unitKey, registered: registered.get(unitKey) ?? false, count: d.count, firstAt: d.firstAt, firstRegion: d.firstRegion, lastAt: d.lastAt, regions: d.regions })),
        },
      };
    }
    const { scans, deltas, batch } = held;
    try {
      const stored = await log.write(batch, () => {
        inFlight = new Map();
      });
      if (stored) held = undefined;
      return stored;
    } catch (err) {
      held = undefined;
      inFlight = new Map();
      pendingScans = [...scans, ...pendingScans];
      for (const [key, delta] of deltas) pending.set(key, combine(delta, pending.get(key)));
      throw err;
    }
  }

  /**
   * Writes what is pending, one batch after another, so that a summary's increments land in the order they were
   * counted. `everything` keeps on until nothing is pending (closing, or a caller that waits for the log); otherwise
   * one batch is written and later scans wait for the timer.
   */
  function flushNow(everything: boolean): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    // A batch under way takes what is pending when it starts; the timer set as it ends takes the rest.
    if (writing && !everything) return writing;
    const run = (writing ?? Promise.resolve()).then(async () => {
      while (pendingScans.length > 0 || held) {
        if (!(await writeBatch())) {
          await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
          continue;
        }
        if (!everything) break;
      }
    }).finally(() => {
      if (writing === run) writing = undefined;
      if (pendingScans.length > 0 || held) schedule();
    });
    writing = run;
    return run;
  }

  async function foldAll(): Promise<void> {
    await flushNow(true);
    while (!(await log.fold())) await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
  }

  function schedule(): void {
    timer ??= setTimeout(() => void flushNow(false).catch(() => undefined), flushEveryMs);
  }

  return {
    /** Logs one query and answers the code's summary before it and with it counted. */
    async record(scan: Scan): Promise<{ before: ScanSummary | undefined; after: ScanSummary }> {
      const delta = scanSummaryOf(scan.at, scan.clientRegion);
      const before = await summaryNow(scan.unitKey);
      pending.set(scan.unitKey, combine(pending.get(scan.unitKey), delta));
      pendingScans.push(scan);
      // Written from a callback of its own, never inside a query: a query's read of the stored summary and of what is
      // still in flight then always see the same side of a commit.
      if (pendingScans.length >= maxPending && !flushSoon) {
        flushSoon = true;
        setImmediate(() => {
          flushSoon = false;
          void flushNow(false).catch(() => undefined);
        });
      } else schedule();
      return { before: before ?? undefined, after: combine(before, delta) };
    },

    /** The summary of a code as stored and pending, or undefined when it was never queried. */
    async summaryOf(unitKey: string): Promise<ScanSummary | undefined> {
      return (await summaryNow(unitKey)) ?? undefined;
    },

    /** Writes everything pending; resolves when it is stored. */
    flush: () => flushNow(true),

    /** Writes everything pending and counts the whole log in the stored summaries (see createSqliteScanLog). */
    fold: foldAll,

    /** Writes everything pending, and leaves the stored summaries counting it all: a stopped server leaves no log unfolded. */
    close: foldAll,
  };
}

export type ScanStore = ReturnType<typeof createScanStore>;
