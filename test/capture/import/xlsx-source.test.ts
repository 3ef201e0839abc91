import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../../src/capture/import/xlsx-source.js';

async function workbookBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('种植养殖');
  sheet.addRow(['批次 (lot)', '数量 (quantity)']);
  sheet.addRow(['L001', '12']);
  sheet.addRow(['L002', '7']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same parts zipped anew, in the order `order` gives them and with `compression`. */
async function rezipped(bytes: Buffer, order: (path: string) => number, compression: 'DEFLATE' | 'STORE' = 'DEFLATE'): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files).filter((f) => !f.dir).sort((a, b) => order(a.name) - order(b.name));
  const out = new JSZip();
  for (const file of files) out.file(file.name, await file.async('uint8array'));
  return out.generateAsync({ type: 'nodebuffer', compression });
}

async function allRows(source: Buffer | Readable, batchRows = 100): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of readXlsxRows(source, { batchRows })) rows.push(...batch.rows);
  return rows;
}

describe('readXlsxRows', () => {
  it('reads the first sheet row by row, the header first', async () => {
    expect(await allRows(await workbookBytes())).toEqual([['批次 (lot)', '数量 (quantity)'], ['L001', '12'], ['L002', '7']]);
  });

  it('reads a file whose worksheet comes after the shared strings and before the workbook part', async () => {
    const rank = (path: string) => ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'].indexOf(path) + (path === 'xl/workbook.xml' ? 10 : 0);
    const bytes = await rezipped(await workbookBytes(), rank);
    expect(await allRows(bytes)).toEqual([['批次 (lot)', '数量 (quantity)'], ['L001', '12'], ['L002', '7']]);
  });

  // Nothing to inflate lets the unzip reach the end of the file while the reader is still storing the worksheet; the
  // shared strings, styles and workbook part after it must still be read.
  it('reads an uncompressed file whose shared strings come after its worksheet', async () => {
    const bytes = await rezipped(await workbookBytes(), () => 0, 'STORE');
    expect(await allRows(bytes)).toEqual([['批次 (lot)', '数量 (quantity)'], ['L001', '12'], ['L002', '7']]);
  });

  it('reads a file that arrives in small pieces', async () => {
    const bytes = await workbookBytes();
    const pieces = Array.from({ length: Math.ceil(bytes.length / 512) }, (_, i) => bytes.subarray(i * 512, (i + 1) * 512));
    expect(await allRows(Readable.from(pieces), 1)).toEqual([['批次 (lot)', '数量 (quantity)'], ['L001', '12'], ['L002', '7']]);
  });
});
