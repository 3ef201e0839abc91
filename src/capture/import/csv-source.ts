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
  let pending: Buffer = Buffer.alloc(0);
  let scanned = 0;
  let inQuotes = false;
  let ends: number[] = [];
  let nextRow = 1;
  let encoding: CsvEncoding | undefined;
  let first = true;

  const cut = (end: number, records: number): CsvChunk => {
    const bytes = pending.subarray(0, end);
    const chunk: CsvChunk = { firstRow: nextRow, records, bytes: new Uint8Array(bytes), encoding: encodingOf(bytes, nextRow) };
    nextRow += records;
    pending = pending.subarray(end);
    scanned -= end;
    ends = ends.slice(records).map((e) => e - end);
    return chunk;
  };
  const encodingOf = (bytes: Uint8Array, row: number): CsvEncoding => {
    if (isAscii(bytes)) return encoding ?? 'utf-8';
    const valid = isUtf8(bytes);
    if (encoding === undefined) encoding = valid ? 'utf-8' : 'gb18030';
    else if (encoding === 'utf-8' && !valid) {
      throw new UnreadableCsv(row, `从第${row}行起文件不是有效的UTF-8编码，请整个文件以同一编码（UTF-8或GBK）保存 / from row ${row} on the file is not valid UTF-8; save the whole file in one encoding (UTF-8 or GBK)`);
    }
    return encoding;
  };

  for await (const block of source) {
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
    if (nextRow === 1 && ends.length > 0) yield cut((ends[0] ?? 0) + 1, 1);
    while (ends.length > 0 && (ends.at(-1) ?? 0) + 1 >= opts.chunkBytes) {
      // The last record end at or before the chunk size, or the first one after it.
      let i = ends.findIndex((e) => e + 1 >= opts.chunkBytes);
      if (i < 0) i = ends.length - 1;
      yield cut((ends[i] ?? 0) + 1, i + 1);
    }
  }
  if (first && pending.length > 0 && UTF8_BOM.every((b, i) => pending[i] === b)) pending = pending.subarray(3);
  const trailing = pending.length > (ends.at(-1) ?? -1) + 1 && !isOnlyLineEnd(pending.subarray((ends.at(-1) ?? -1) + 1)) ? 1 : 0;
  if (ends.length + trailing > 0) yield cut(pending.length, ends.length + trailing);
}

function isOnlyLineEnd(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 13);
}

/** Finds the record ends (newlines outside quotes) from `from` on; returns whether the scan ends inside quotes. */
function scan(bytes: Buffer, from: number, inQuotes: boolean, ends: number[]): boolean {
  let pos = from;
  let quoted = inQuotes;
  while (pos < bytes.length) {
    if (quoted) {
      const close = bytes.indexOf(QUOTE, pos);
      if (close < 0) return true;
      quoted = false;
      pos = close + 1;
      continue;
    }
    const newline = bytes.indexOf(NEWLINE, pos);
    const open = bytes.indexOf(QUOTE, pos);
    if (open >= 0 && (newline < 0 || open < newline)) {
      quoted = true;
      pos = open + 1;
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
