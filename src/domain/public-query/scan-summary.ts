import { MAX_SCAN_REGIONS, mergeScanRegions } from './scan-regions.js';

/** How often and since when a code has been queried. */
export interface ScanSummary {
  count: number;
  firstAt: string;
  firstRegion?: string;
  lastAt: string;
  /** The distinct client regions it was queried from (at most MAX_SCAN_REGIONS). */
  regions: string[];
}

/** `earlier` followed by `later`: counts add up, the first query stays the earlier one's. */
export function combineScanSummaries(earlier: ScanSummary | null | undefined, later: ScanSummary | null | undefined): ScanSummary {
  if (!earlier) return later ? { ...later, regions: [...later.regions] } : { count: 0, firstAt: '', lastAt: '', regions: [] };
  if (!later) return { ...earlier, regions: [...earlier.regions] };
  const summary: ScanSummary = { count: earlier.count + later.count, firstAt: earlier.firstAt, lastAt: later.lastAt, regions: mergeScanRegions(earlier.regions, later.regions) };
  const firstRegion = earlier.firstRegion ?? (earlier.count === 0 ? later.firstRegion : undefined);
  if (firstRegion) summary.firstRegion = firstRegion;
  return summary;
}

/** The summary of one query. */
export function scanSummaryOf(at: string, clientRegion: string | null | undefined): ScanSummary {
  const summary: ScanSummary = { count: 1, firstAt: at, lastAt: at, regions: clientRegion ? [clientRegion] : [] };
  if (clientRegion) summary.firstRegion = clientRegion;
  return summary;
}

/**
 * Counts one more query into `summary` in place, as `combineScanSummaries(summary, scanSummaryOf(at, clientRegion))`
 * would: folding a log of scans into one summary per code then makes no new object per scan.
 */
export function addScan(summary: ScanSummary, at: string, clientRegion: string | null | undefined): void {
  summary.count += 1;
  summary.lastAt = at;
  if (clientRegion && !summary.regions.includes(clientRegion) && summary.regions.length < MAX_SCAN_REGIONS) summary.regions.push(clientRegion);
}
