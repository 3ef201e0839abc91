import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { formatTraceCode } from '../domain/ids/trace-code.js';
import type { IssuedCode } from '../store/code-store.js';
import { traceQueryUrl } from './query-url.js';

/** The columns of a label printer's data file, each headed in Chinese and English. */
export const LABEL_CSV_COLUMNS = [
  { key: 'code', header: '追溯码 Code' },
  { key: 'display', header: '显示码 Display code' },
  { key: 'url', header: '二维码内容 QR content' },
  { key: 'product', header: '产品 Product' },
  { key: 'lot', header: '批次 Lot' },
  { key: 'issueId', header: '赋码批次号 Issue ID' },
  { key: 'issuedAt', header: '赋码时间 Issued at' },
] as const;

type LabelRecord = Record<(typeof LABEL_CSV_COLUMNS)[number]['key'], string>;

function toRecord(code: IssuedCode, publicBaseUrl: string): LabelRecord {
  return {
    code: code.code,
    display: formatTraceCode(code.code),
    url: traceQueryUrl(publicBaseUrl, code.code),
    product: code.product ?? '',
    lot: code.lotId ?? '',
    issueId: code.issueId,
    issuedAt: code.issuedAt,
  };
}

/**
 * A data file for label printers (BarTender, NiceLabel): one row per code with the QR content and the printed texts.
 * UTF-8 with a byte order mark, which Excel on Chinese Windows needs to read it as UTF-8; RFC 4180 quoting and CRLF;
 * a cell that a spreadsheet would run as a formula gets a leading '.
 */
export function labelCsvStream(pages: AsyncIterable<readonly IssuedCode[]>, opts: { publicBaseUrl: string }): Readable {
  async function* records() {
    for await (const page of pages) {
      for (const code of page) yield toRecord(code, opts.publicBaseUrl);
    }
  }
  const csv = stringify({ bom: true, header: true, columns: [...LABEL_CSV_COLUMNS], record_delimiter: 'windows', escape_formulas: true });
  // pipeline rather than pipe: a failed read destroys the CSV stream too, so that the download ends in an error.
  return pipeline(Readable.from(records()), csv, () => {});
}

/** The same data file as one string, for small issues and tests. */
export async function renderLabelCsv(codes: readonly IssuedCode[], opts: { publicBaseUrl: string }): Promise<string> {
  async function* onePage() {
    yield codes;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of labelCsvStream(onePage(), opts)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
