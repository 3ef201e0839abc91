import { mergeScanRegions } from '../domain/public-query/scan-regions.js';
import type { ScanSummary } from '../domain/public-query/scan-summary.js';
import type { Database, ScanLogTable } from './schema.js';

/** What a batch adds to one code's summary. */
export interface SummaryDelta extends ScanSummary {
  unitKey: string;
  registered: boolean;
}

export interface ScanBatch {
  log: Array<Omit<ScanLogTable, 'seq'>>;
  /** The batch's scans summed up per code, in the order the codes were first queried. */
  summaries: SummaryDelta[];
}

/** The dialect's way to keep the log of public queries and each code's summary. */
export interface ScanLog {
  /** The code's summary as the reads of this thread see it: every scan written so far, by any process, counted. */
  summaryOf(unitKey: string): Promise<ScanSummary | null>;
  /**
   * Stores a batch in one transaction. Calls `committed` once the batch is stored: on an SQLite file at the commit
   * itself, before anything else on this thread can read it; elsewhere when the commit is acknowledged. Answers false,
   * having stored nothing, when another connection holds the write lock: try again later.
   */
  write(batch: ScanBatch, committed: () => void): Promise<boolean>;
  /**
   * Counts every scan of the log in the stored summaries, where they are not counted as they are written (SQLite).
   * Answers false, having done nothing, when another connection holds the write lock.
   */
  fold(): Promise<boolean>;
}

/** A stored summary row as a summary. */
export function storedSummary(scanCount: number | string, firstAt: string, firstRegion: string | null, lastAt: string, regions: string): ScanSummary {
  const summary: ScanSummary = { count: Number(scanCount), firstAt, lastAt, regions: regions ? regions.split(',') : [] };
  if (firstRegion) summary.firstRegion = firstRegion;
  return summary;
}

/**
 * The row a delta stores. Its regions are merged with `storedRegions` (comma-separated) here; a delta without regions
 * writes none, and the statement leaves the stored ones alone.
 */
export function summaryRow(d: SummaryDelta, storedRegions: string | undefined): Database['scanSummary'] {
  const regions = d.regions.length > 0 ? mergeScanRegions(storedRegions ? storedRegions.split(',') : [], d.regions) : [];
  return { unitKey: d.unitKey, registered: d.registered ? 1 : 0, scanCount: d.count, firstAt: d.firstAt, firstRegion: d.firstRegion ?? null, lastAt: d.lastAt, regions: regions.join(',') };
}
