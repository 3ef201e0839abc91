import { sql, type Kysely } from 'kysely';
import { inChunks } from './in-list.js';
import { precompiled } from './precompiled.js';
import { storedSummary, summaryRow, type ScanLog } from './scan-log.js';
import type { Database } from './schema.js';

const ROWS_PER_STATEMENT = 200;

/**
 * PostgreSQL's, and an in-memory SQLite's: each batch appends its log rows and adds its deltas to the stored summaries
 * in one transaction that waits for the write lock, with multi-row statements built by Kysely. PostgreSQL takes row
 * locks and drops no reader's cache at a commit, so nothing is gained by summing the log up later.
 */
export function kyselyScanLog(db: Kysely<Database>): ScanLog {
  const summaryRows = precompiled(db, (unitKey: string) => db.selectFrom('scanSummary').selectAll().where('unitKey', '=', unitKey), 1);
  return {
    async summaryOf(unitKey) {
      const [row] = await summaryRows(unitKey);
      return row ? storedSummary(row.scanCount, row.firstAt, row.firstRegion, row.lastAt, row.regions) : null;
    },
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
    fold: () => Promise.resolve(true),
  };
}
