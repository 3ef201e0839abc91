import { sql, type Kysely } from 'kysely';
import { mergeScanRegions } from '../domain/public-query/scan-regions.js';
import { inChunks } from './in-list.js';
import type { ScanSummary } from './scan-store.js';
import type { Database, ScanLogTable } from './schema.js';

/** What a batch adds to one code's summary. */
export interface SummaryDelta extends ScanSummary {
  unitKey: string;
  registered: boolean;
}

export interface ScanBatch {
  log: Array<Omit<ScanLogTable, 'seq'>>;
  summaries: SummaryDelta[];
}

/** The dialect's way to store a batch of public queries. */
export interface ScanWriter {
  /**
   * Stores a batch in one transaction: appends its log rows and adds each delta to the code's stored summary, new
   * regions joining those stored. Calls `committed` once the batch is stored: on an SQLite file at the commit itself,
   * before anything else on this thread can read it; elsewhere when the commit is acknowledged. Answers false, having
   * stored nothing, when another connection holds the write lock: try again later.
   */
  write(batch: ScanBatch, committed: () => void): Promise<boolean>;
}

const ROWS_PER_STATEMENT = 200;

/** Multi-row statements built by Kysely, in a transaction that waits for the write lock: PostgreSQL's, and an in-memory SQLite's. */
export function kyselyScanWriter(db: Kysely<Database>): ScanWriter {
  return {
    async write(batch, committed) {
      await db.transaction().execute(async (tx) => {
        for (let i = 0; i < batch.log.length; i += ROWS_PER_STATEMENT) await tx.insertInto('scanLog').values(batch.log.slice(i, i + ROWS_PER_STATEMENT)).execute();
        // New regions join those stored, read in this transaction.
        const withRegions = batch.summaries.filter((d) => d.regions.length > 0).map((d) => d.unitKey);
        const storedRegions = new Map((await inChunks(withRegions, (chunk) => tx.selectFrom('scanSummary').select(['unitKey', 'regions']).where('unitKey', 'in', chunk).execute()))
          .map((row) => [row.unitKey, row.regions]));
        const rows = batch.summaries.map((d) => summaryRow(d, storedRegions.get(d.unitKey)));
        for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
          await tx.insertInto('scanSummary').values(rows.slice(i, i + ROWS_PER_STATEMENT)).onConflict((oc) => oc.column('unitKey').doUpdateSet({
            scanCount: sql`scan_summary.scan_count + excluded.scan_count`,
            lastAt: sql`excluded.last_at`,
            regions: sql`case when excluded.regions = '' then scan_summary.regions else excluded.regions end`,
          })).execute();
        }
      });
      committed();
      return true;
    },
  };
}

/**
 * The row a delta stores. Its regions are merged with `storedRegions` (comma-separated) here; a delta without regions
 * writes none, and the statement leaves the stored ones alone.
 */
export function summaryRow(d: SummaryDelta, storedRegions: string | undefined): Database['scanSummary'] {
  const regions = d.regions.length > 0 ? mergeScanRegions(storedRegions ? storedRegions.split(',') : [], d.regions) : [];
  return { unitKey: d.unitKey, registered: d.registered ? 1 : 0, scanCount: d.count, firstAt: d.firstAt, firstRegion: d.firstRegion ?? null, lastAt: d.lastAt, regions: regions.join(',') };
}
