import type { Insertable, Transaction } from 'kysely';
import { BoundedMap } from '../domain/bounded-memo.js';
import type { ClientClass } from '../domain/public-query/client-class.js';
import { scanWriterOf, type Db } from './db.js';
import { inChunks } from './in-list.js';
import { precompiled } from './precompiled.js';
import type { Database } from './schema.js';


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

/** How often and since when a code has been queried, this query included. */
export interface ScanSummary {
  count: number;
  firstAt: string;
  firstRegion?: string;
  lastAt: string;
  /** The distinct client regions it was queried from (at most MAX_REGIONS). */
  regions: string[];
}

/** The dialect's way to write a batch of scans, inside the caller's transaction. */
export interface ScanWriter {
  appendLog(tx: Transaction<Database>, rows: ReadonlyArray<Insertable<Database['scanLog']>>): Promise<void>;
  /** Adds each row's count to the stored summary, or stores it as the code's first. */
  addToSummaries(tx: Transaction<Database>, rows: ReadonlyArray<Database['scanSummary']>): Promise<void>;
}

const MAX_REGIONS = 10;
// Rows written per turn of the event loop: an embedded database writes on the thread that answers queries, and a
// flush of a busy second written in one go held every query up by 20-30 ms.
const ROWS_PER_TURN = 200;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
// Summaries of codes queried lately. A cached summary lived long enough for the collector to move it to the old
// generation; with 200,000 of them, collecting that generation paused the server for 30-70 ms every few seconds.
const CACHED_SUMMARIES = 20_000;

/**
 * The scan log. A query is answered at once from the summary in memory, and the log and summaries are written in
 * batches (every `flushEveryMs`, or sooner past `maxPending` scans): a row per query would make the busiest page of
 * the platform wait on the database's write lock. What is not yet written is lost only if the process dies, and
 * those are log lines, never trace data.
 */
export function createScanStore(db: Db, opts: { flushEveryMs?: number; maxPending?: number; cachedSummaries?: number } = {}) {
  const flushEveryMs = opts.flushEveryMs ?? 200;
  const maxPending = opts.maxPending ?? 2_000;
  // As of the last write; `null` remembers a code never queried before, so that its second query reads no row either.
  const stored = new BoundedMap<string, ScanSummary | null>(opts.cachedSummaries ?? CACHED_SUMMARIES);
  const loading = new Map<string, Promise<ScanSummary | null>>();
  let pendingScans: Scan[] = [];
  let pendingByKey = new Map<string, ScanSummary>();
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const writer = scanWriterOf(db);
  const summaryRow = precompiled(db, (unitKey: string) => db.selectFrom('scanSummary').selectAll().where('unitKey', '=', unitKey), 1);

  async function load(unitKey: string): Promise<ScanSummary | null> {
    if (stored.has(unitKey)) return stored.get(unitKey) ?? null;
    let promise = loading.get(unitKey);
    if (!promise) {
      promise = summaryRow(unitKey).then(([row]) => {
        const summary = row ? toSummary(row) : null;
        stored.set(unitKey, summary);
        loading.delete(unitKey);
        return summary;
      }, (err: unknown) => {
        loading.delete(unitKey);
        throw err;
      });
      loading.set(unitKey, promise);
    }
    return promise;
  }

  async function write(scans: Scan[], deltas: Map<string, ScanSummary>): Promise<void> {
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < scans.length; i += ROWS_PER_TURN) {
        await writer.appendLog(tx, scans.slice(i, i + ROWS_PER_TURN).map((s) => ({
          unitKey: s.unitKey, registered: s.registered ? 1 : 0, scannedAt: s.at, clientRegion: s.clientRegion ?? null, clientClass: s.clientClass,
        })));
        await nextTurn();
      }
      const registered = new Map(scans.map((s) => [s.unitKey, s.registered]));
      // New regions join those stored, read in this transaction: the cache may no longer hold the code.
      const withRegions = [...deltas].filter(([, d]) => d.regions.length > 0).map(([unitKey]) => unitKey);
      const storedRegions = new Map((await inChunks(withRegions, (chunk) => tx.selectFrom('scanSummary').select(['unitKey', 'regions']).where('unitKey', 'in', chunk).execute()))
        .map((row) => [row.unitKey, row.regions ? row.regions.split(',') : []]));
      const rows = [...deltas].map(([unitKey, d]) => ({
        unitKey, registered: registered.get(unitKey) ? 1 : 0, scanCount: d.count, firstAt: d.firstAt, firstRegion: d.firstRegion ?? null, lastAt: d.lastAt,
        regions: mergeRegions(storedRegions.get(unitKey) ?? [], d.regions).join(','),
      }));
      for (let i = 0; i < rows.length; i += ROWS_PER_TURN) {
        await writer.addToSummaries(tx, rows.slice(i, i + ROWS_PER_TURN));
        await nextTurn();
      }
    });
    for (const [unitKey, delta] of deltas) {
      if (!stored.has(unitKey)) continue;
      stored.set(unitKey, combine(stored.get(unitKey) ?? null, delta));
    }
  }

  function flushNow(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pendingScans.length === 0) return writing;
    const scans = pendingScans;
    const deltas = pendingByKey;
    pendingScans = [];
    pendingByKey = new Map();
    // Writes go one after another, so that a summary's increments land in the order they were counted.
    writing = writing.then(() => write(scans, deltas)).catch((err: unknown) => {
      // Put them back: the next flush tries again rather than losing the count.
      pendingScans = [...scans, ...pendingScans];
      for (const [key, delta] of deltas) pendingByKey.set(key, combine(delta, pendingByKey.get(key)));
      throw err;
    });
    return writing;
  }

  return {
    /** Logs one query and answers the code's summary with it counted. */
    async record(scan: Scan): Promise<ScanSummary> {
      const before = await load(scan.unitKey);
      const delta = combine(pendingByKey.get(scan.unitKey) ?? null, {
        count: 1, firstAt: scan.at, lastAt: scan.at, regions: scan.clientRegion ? [scan.clientRegion] : [], ...(scan.clientRegion ? { firstRegion: scan.clientRegion } : {}),
      });
      pendingByKey.set(scan.unitKey, delta);
      pendingScans.push(scan);
      if (pendingScans.length >= maxPending) void flushNow().catch(() => undefined);
      else timer ??= setTimeout(() => void flushNow().catch(() => undefined), flushEveryMs);
      return combine(before, delta);
    },

    /** The summary of a code as stored and pending, or undefined when it was never queried. */
    async summaryOf(unitKey: string): Promise<ScanSummary | undefined> {
      const before = await load(unitKey);
      const pending = pendingByKey.get(unitKey);
      return before || pending ? combine(before, pending) : undefined;
    },

    /** Writes what is pending; resolves when it is stored. */
    flush: flushNow,

    async close(): Promise<void> {
      await flushNow();
    },
  };
}

export type ScanStore = ReturnType<typeof createScanStore>;

function toSummary(row: { scanCount: number | string; firstAt: string; firstRegion: string | null; lastAt: string; regions: string }): ScanSummary {
  const summary: ScanSummary = { count: Number(row.scanCount), firstAt: row.firstAt, lastAt: row.lastAt, regions: row.regions ? row.regions.split(',') : [] };
  if (row.firstRegion) summary.firstRegion = row.firstRegion;
  return summary;
}

/** `earlier` followed by `later`: counts add up, the first query stays the earlier one's. */
function combine(earlier: ScanSummary | null | undefined, later: ScanSummary | null | undefined): ScanSummary {
  if (!earlier) return later ? { ...later, regions: [...later.regions] } : { count: 0, firstAt: '', lastAt: '', regions: [] };
  if (!later) return { ...earlier, regions: [...earlier.regions] };
  const summary: ScanSummary = { count: earlier.count + later.count, firstAt: earlier.firstAt, lastAt: later.lastAt, regions: mergeRegions(earlier.regions, later.regions) };
  const firstRegion = earlier.firstRegion ?? (earlier.count === 0 ? later.firstRegion : undefined);
  if (firstRegion) summary.firstRegion = firstRegion;
  return summary;
}

function mergeRegions(a: readonly string[], b: readonly string[]): string[] {
  const merged = [...a];
  for (const r of b) if (!merged.includes(r) && merged.length < MAX_REGIONS) merged.push(r);
  return merged;
}
