import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Rows of a worksheet with their row numbers, which skip where the sheet has no row. */
export interface SheetRows {
  rows: string[][];
  numbers: number[];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * A cell as the text a clerk sees. Excel keeps dates as wall-clock times without a zone: a date alone becomes
 * `YYYY-MM-DD`, a date and time is read as China Standard Time (`+08:00`).
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) {
    const date = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const seconds = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
    return seconds === 0 ? date : `${date}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}+08:00`;
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part: unknown) => (typeof part === 'object' && part !== null && 'text' in part ? String(part.text) : '')).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return cellText(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/**
 * Reads the first worksheet of an XLSX file as it streams (exceljs WorkbookReader), in batches of rows; other sheets
 * (the notes of a template) are not read. The first batch is the header row alone. The reader is patched
 * (patches/exceljs+4.4.0.patch) to take every entry of the zip: as published it can stop before the shared strings.
 */
export async function* readXlsxRows(source: Readable | Uint8Array, opts: { batchRows: number }): AsyncGenerator<SheetRows> {
  // exceljs waits for ever on a stream that ends before the first byte; an empty file has no rows.
  if (source instanceof Uint8Array && source.length === 0) return;
  const input = source instanceof Readable ? source : Readable.from([Buffer.from(source)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
  let batch: SheetRows = { rows: [], numbers: [] };
  let sawHeader = false;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = Array.isArray(row.values) ? row.values : [];
      const cells: string[] = [];
      // row.values is 1-based: index 0 is always empty.
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]).trim());
      if (!sawHeader) {
        sawHeader = true;
        yield { rows: [cells], numbers: [row.number] };
        continue;
      }
      batch.rows.push(cells);
      batch.numbers.push(row.number);
      if (batch.rows.length >= opts.batchRows) {
        yield batch;
        batch = { rows: [], numbers: [] };
      }
    }
    break;
  }
  if (batch.rows.length > 0) yield batch;
}
