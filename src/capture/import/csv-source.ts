import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';

/** The encodings a CSV file may come in: UTF-8 (with or without BOM), or GB18030/GBK as Chinese Excel saves it. */
export type CsvEncoding = 'utf-8' | 'gb18030';

/** A run of whole records of a CSV file, as bytes, with the spreadsheet row of its first record. */
export interface CsvChunk {
  firstRow: number;
  /** How many records (rows) the bytes hold, blank ones included. */
  records: number;
  bytes: Uint8Array;
  encoding: CsvEncoding;
}

const NEWLINE = 10;
const QUOTE = 34;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Why a file cannot be read as CSV at all (a UTF-16 text export, a mix of encodings). */
export class UnreadableCsv extends Error {
  constructor(readonly row: number, message: string) {
    super(message);
  }
}

/**
 * Splits a CSV byte stream into chunks of whole records, so that each can be parsed on its own thread: a newline
 * outside quotes ends a record. The header record comes alone, as the first chunk. The encoding is decided by the
 * first bytes beyond ASCII: UTF-8 when they are valid UTF-8, else GB18030 (which contains GBK).
 */
export async function* splitCsv(source: AsyncIterable<Uint8Array>, opts: { chunkBytes: number }): AsyncGenerator<CsvChunk> {
  // `pending` holds the bytes not yet cut off from `start` on; `ends` the record ends found in it, from `head` on.
  let pending: Buffer = Buffer.alloc(0);
  let start = 0;
  let scanned = 0;
  let inQuotes = false;
  let ends: number[] = [];
  let head = 0;
  let nextRow = 1;
  let encoding: CsvEncoding | undefined;
  let first = true;

  const encodingOf = (bytes: Uint8Array, row: number): CsvEncoding => {
    if (isAscii(bytes)) return encoding ?? 'utf-8';
    const valid = isUtf8(bytes);
    if (encoding === undefined) encoding = valid ? 'utf-8' : 'gb18030';
    else if (encoding === 'utf-8' && !valid) {
      throw new UnreadableCsv(row, `从第${row}行起文件不是有效的UTF-8编码，请整个文件以同一编码（UTF-8或GBK）保存 / from row ${row} on the file is not valid UTF-8; save the whole file in one encoding (UTF-8 or GBK)`);
    }
    return encoding;
  };
  // Cuts the chunk that ends at `end` (exclusive), holding `records` records.
  const cut = (end: number, records: number): CsvChunk => {
    const bytes = new Uint8Array(pending.subarray(start, end));
    const chunk: CsvChunk = { firstRow: nextRow, records, bytes, encoding: encodingOf(bytes, nextRow) };
    nextRow += records;
    start = end;
    head += records;
    return chunk;
  };

  for await (const block of source) {
    // Keep only what is not cut yet, so that a long stream does not pile up in memory.
    if (start > 0) {
      pending = pending.subarray(start);
      ends = ends.slice(head).map((e) => e - start);
      scanned -= start;
      head = 0;
      start = 0;
    }
    pending = pending.length === 0 ? Buffer.from(block) : Buffer.concat([pending, block]);
    if (first && pending.length >= 3) {
      first = false;
      if ((pending[0] === 0xff && pending[1] === 0xfe) || (pending[0] === 0xfe && pending[1] === 0xff)) {
        throw new UnreadableCsv(1, '文件为UTF-16编码（Unicode文本），请另存为“CSV UTF-8（逗号分隔）” / the file is UTF-16 (Unicode text); save it as "CSV UTF-8 (comma delimited)"');
      }
      if (UTF8_BOM.every((b, i) => pending[i] === b)) {
        pending = pending.subarray(3);
        encoding = 'utf-8';
      }
    }
    inQuotes = scan(pending, scanned, inQuotes, ends);
    scanned = pending.length;
    if (nextRow === 1 && ends.length > head) yield cut((ends[head] ?? 0) + 1, 1);
    while (ends.length > head && (ends.at(-1) ?? 0) + 1 - start >= opts.chunkBytes) {
      // The first record end at or after the chunk size.
      let i = head;
      while (i < ends.length - 1 && (ends[i] ?? 0) + 1 - start < opts.chunkBytes) i++;
      yield cut((ends[i] ?? 0) + 1, i - head + 1);
    }
  }
  if (first && pending.length > 0 && UTF8_BOM.every((b, i) => pending[i] === b)) pending = pending.subarray(3);
  const lastEnd = ends.length > head ? (ends.at(-1) ?? 0) + 1 : start;
  const trailing = pending.length > lastEnd && !isOnlyLineEnd(pending.subarray(lastEnd)) ? 1 : 0;
  if (ends.length - head + trailing > 0) yield cut(pending.length, ends.length - head + trailing);
}

function isOnlyLineEnd(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 13);
}

/** Finds the record ends (newlines outside quotes) from `from` on; returns whether the scan ends inside quotes. */
function scan(bytes: Buffer, from: number, inQuotes: boolean, ends: number[]): boolean {
  let pos = from;
  let quoted = inQuotes;
  // The next quote from `pos` on, looked for again only once passed: most files have none, or few.
  let nextQuote = -2;
  while (pos < bytes.length) {
    if (nextQuote !== -1 && nextQuote < pos) nextQuote = bytes.indexOf(QUOTE, pos);
    if (quoted) {
      if (nextQuote < 0) return true;
      quoted = false;
      pos = nextQuote + 1;
      continue;
    }
    const newline = bytes.indexOf(NEWLINE, pos);
    if (nextQuote >= 0 && (newline < 0 || nextQuote < newline)) {
      quoted = true;
      pos = nextQuote + 1;
      continue;
    }
    if (newline < 0) return false;
    ends.push(newline);
    pos = newline + 1;
  }
  return quoted;
}

const DECODERS: Record<CsvEncoding, TextDecoder> = { 'utf-8': new TextDecoder('utf-8'), gb18030: new TextDecoder('gb18030') };
const LONE_CR = /\r(?!\n)/;

/**
 * The records of a chunk as cells. Text without quotes is split directly (a comma ends a cell, a newline a record,
 * as RFC 4180 has it); anything quoted goes through csv-parse. A malformed record throws a `CsvChunkError` that
 * says how many records came before it.
 */
export function parseCsvChunk(chunk: Pick<CsvChunk, 'bytes' | 'encoding'>): string[][] {
  const text = DECODERS[chunk.encoding].decode(chunk.bytes);
  if (!text.includes('"') && !LONE_CR.test(text)) {
    const lines = text.split('\n');
    if (lines.at(-1) === '' || lines.at(-1) === '\r') lines.pop();
    return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line).split(','));
  }
  try {
    return parse(text, { record_delimiter: ['\r\n', '\n'], relax_column_count: true, skip_empty_lines: false });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const before = typeof err.records === 'number' ? err.records : 0;
    throw new CsvChunkError(before, `CSV格式错误：${err.message} / malformed CSV: ${err.message}`);
  }
}

/** A record csv-parse could not read, `before` records into its chunk. */
export class CsvChunkError extends Error {
  constructor(readonly before: number, message: string) {
    super(message);
  }
}
