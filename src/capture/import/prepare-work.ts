import { CsvChunkError, parseCsvChunk, type CsvChunk } from './csv-source.js';
import type { PreparedRow, RowIssue, RowPreparer } from './prepare-rows.js';

/** A unit of work: a chunk of CSV bytes, or rows already read from a worksheet. */
export type ChunkWork = { csv: CsvChunk } | { sheet: { rows: string[][]; numbers: number[] } };

/** What preparing a chunk gave: the rows to store, the problems found, and how many (non-blank) rows it had. */
export interface ChunkResult {
  prepared: PreparedRow[];
  issues: RowIssue[];
  count: number;
}

/** Parses (for CSV) and prepares one chunk; a malformed CSV record is reported at its row, and the chunk ends there. */
export async function prepareWork(preparer: RowPreparer, work: ChunkWork): Promise<ChunkResult> {
  if ('sheet' in work) {
    const { rows, numbers } = work.sheet;
    return preparer.prepare(rows, (i) => numbers[i] ?? 0);
  }
  const { csv } = work;
  try {
    const rows = parseCsvChunk(csv);
    return await preparer.prepare(rows, (i) => csv.firstRow + i);
  } catch (err) {
    if (!(err instanceof CsvChunkError)) throw err;
    return { prepared: [], issues: [{ row: csv.firstRow + err.before, column: '', field: '', reason: err.message }], count: err.before + 1 };
  }
}
