import { Readable } from 'node:stream';
import { DomainError } from '../../domain/errors.js';
import { CsvChunkError, parseCsvChunk, splitCsv, UnreadableCsv } from './csv-source.js';
import type { ChunkWork } from './prepare-work.js';
import { readXlsxRows } from './xlsx-source.js';

/** The file formats an import takes. */
export type ImportFormat = 'csv' | 'xlsx';

/** The bytes of a file: all in memory (a request body) or as they are read (a file on disk). */
export type ImportData = Uint8Array | Readable;

// About 3,000 rows of a typical stage per chunk: enough to keep a worker busy, small enough to keep the pipeline short.
const CHUNK_BYTES = 512 * 1024;
const SHEET_ROWS = 5000;

function unreadable(row: number, reason: string): DomainError {
  return new DomainError('invalid_record', `第${row}行 row ${row}: ${reason}`, { errors: [{ row, column: '', field: '', reason }] });
}

/**
 * A file read as its header row and then chunks of work in file order. A file that is not CSV or XLSX at all, or
 * has no header row, is refused here with `invalid_record` at row 1.
 */
export async function readImportFile(format: ImportFormat, data: ImportData): Promise<{ header: string[]; chunks: AsyncGenerator<ChunkWork> }> {
  const source = format === 'csv' ? csvWork(data) : xlsxWork(data);
  let first: IteratorResult<ChunkWork>;
  try {
    first = await source.next();
  } catch (err) {
    throw refusalOf(err, format);
  }
  const header = first.done ? undefined : headerOf(first.value);
  if (!header || header.every((cell) => cell.trim() === '')) throw unreadable(1, '文件为空，第1行应为列标题 / the file is empty; row 1 must be the header row');
  async function* rest(): AsyncGenerator<ChunkWork> {
    try {
      yield* source;
    } catch (err) {
      throw refusalOf(err, format);
    }
  }
  return { header, chunks: rest() };
}

function headerOf(work: ChunkWork): string[] | undefined {
  try {
    const rows = 'csv' in work ? parseCsvChunk(work.csv) : work.sheet.rows;
    return rows[0]?.map((cell) => cell.replace(/^\uFEFF/, ''));
  } catch (err) {
    if (err instanceof CsvChunkError) throw unreadable(1, err.message);
    throw err;
  }
}

function refusalOf(err: unknown, format: ImportFormat): unknown {
  if (err instanceof UnreadableCsv) return unreadable(err.row, err.message);
  if (err instanceof DomainError || format === 'csv') return err;
  // exceljs and its unzip say only that the bytes are not a workbook.
  const reason = err instanceof Error ? err.message : String(err);
  return unreadable(1, `无法读取XLSX文件（${reason}） / the file cannot be read as XLSX (${reason})`);
}

async function* csvWork(data: ImportData): AsyncGenerator<ChunkWork> {
  const blocks: AsyncIterable<Uint8Array> = data instanceof Readable ? data : Readable.from([data]);
  for await (const csv of splitCsv(blocks, { chunkBytes: CHUNK_BYTES })) yield { csv };
}

async function* xlsxWork(data: ImportData): AsyncGenerator<ChunkWork> {
  for await (const sheet of readXlsxRows(data, { batchRows: SHEET_ROWS })) yield { sheet };
}
