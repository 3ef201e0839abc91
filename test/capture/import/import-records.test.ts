import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { templateXlsx } from '../../../src/capture/import/template.js';
import { BUILT_IN_PROFILES } from '../../../src/domain/sectors/index.js';
import { DomainError } from '../../../src/domain/errors.js';
import { canonicalId } from '../../../src/domain/event.js';
import type { Db } from '../../../src/store/db.js';
import { createTestDb, testDialects } from '../../support/test-db.js';
import { BUYER, csvOf, FARM, farmingRow, gbk, MANGO_GTIN, PHARMACY, setUpLedger, stageOf, utf8WithBom } from './import-fixtures.js';

const FARMING = stageOf('edible-agri', 'farming');
const DISTRIBUTION = stageOf('drug', 'distribution');
const DISPENSING = stageOf('drug', 'dispensing');

async function refusalOf(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(err)}`);
  return err;
}

/** The farming stage's XLSX template as a user opens it, and its cell of a record field in a row. */
async function farmingTemplate() {
  const profile = BUILT_IN_PROFILES.find((p) => p.id === 'edible-agri');
  if (!profile) throw new Error('no edible-agri profile');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(await templateXlsx(profile, FARMING)).buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the template has no sheet');
  const header = sheet.getRow(1).values;
  const columns = (Array.isArray(header) ? header : []).slice(1).map(String);
  const cellOf = (row: number, field: string) => sheet.getCell(row, columns.findIndex((h) => h.endsWith(`(${field.replace('data.', '')})`)) + 1);
  return { workbook, cellOf };
}

async function count(db: Db, table: 'event' | 'sectorRecord' | 'unitClaim'): Promise<number> {
  return Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

for (const dialect of testDialects()) {
  describe(`record import (${dialect})`, () => {
    let db: Db;
    beforeEach(async () => {
      db = await createTestDb(dialect);
    });
    afterEach(() => db.destroy());

    it('stores every row of a good CSV as a sector record with its event', async () => {
      const { importer } = await setUpLedger(db);
      const csv = utf8WithBom(csvOf(FARMING, [farmingRow('L001'), farmingRow('L002', { quantity: '1.5', unit: '吨' }), farmingRow('L003', { product: 'LYCHEE' })]));
      const result = await importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: csv });
      expect(result).toMatchObject({ rows: 3, stored: 3, skipped: 0, alerts: [] });
      const records = await db.selectFrom('sectorRecord').select(['stage', 'party', 'productId', 'quantity', 'uom']).orderBy('quantity').execute();
      expect(records).toEqual([
        { stage: 'farming', party: FARM, productId: MANGO_GTIN, quantity: 1.5, uom: 'TNE' },
        { stage: 'farming', party: FARM, productId: MANGO_GTIN, quantity: 500, uom: 'KGM' },
        { stage: 'farming', party: FARM, productId: `${FARM}/LYCHEE`, quantity: 500, uom: 'KGM' },
      ]);
      expect(await count(db, 'event')).toBe(3);
    });

    it('stores the same event as recording the row through the recorder', async () => {
      const { importer } = await setUpLedger(db);
      await importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: utf8WithBom(csvOf(FARMING, [farmingRow('L001')])) });
      const imported = await db.selectFrom('event').select(['eventId', 'body', 'identifiers', 'namespaces', 'readPoint']).executeTakeFirstOrThrow();

      const other = await createTestDb(dialect);
      try {
        const { recorder } = await setUpLedger(other);
        const recorded = await recorder.record({
          sector: 'edible-agri', stage: 'farming', party: FARM, product: MANGO_GTIN, lot: 'L001', quantity: 500, unit: '千克', time: '2026-03-05T09:00:00+08:00',
          data: { originRegion: '460105', baseName: '海口芒果基地', producerName: '王大明', variety: '贵妃芒', harvestDate: '2026-03-04' },
        });
        const stored = await other.selectFrom('event').select(['eventId', 'body', 'identifiers', 'namespaces', 'readPoint']).executeTakeFirstOrThrow();
        expect(imported.eventId).toBe(recorded.eventId);
        expect({ ...JSON.parse(imported.body), recordTime: undefined }).toEqual({ ...JSON.parse(stored.body), recordTime: undefined });
        expect([imported.identifiers, imported.namespaces, imported.readPoint]).toEqual([stored.identifiers, stored.namespaces, stored.readPoint]);
      } finally {
        await other.destroy();
      }
    });

    it('stores nothing from a file with bad rows and reports the row, column and reason of each', async () => {
      const { importer } = await setUpLedger(db);
      const good = { party: PHARMACY, codes: '83857930000879766660', counterpart: BUYER, time: '2026-03-05T10:00:00+08:00', 'data.invoiceNumber': 'SX-001' };
      const csv = utf8WithBom(csvOf(DISTRIBUTION, [
        good,
        { ...good, codes: '83857930000879766661', 'data.invoiceNumber': '' },
        { ...good, codes: '83857930000879766662', counterpart: '91110000710925462Y' },
        { ...good, codes: '83857930000879766663', region: '469999' },
        { ...good, codes: '8385793000087976666' },
      ]));
      const err = await refusalOf(importer.importRecords({ sector: 'drug', stage: 'distribution', format: 'csv', data: csv }));
      expect(err.code).toBe('invalid_record');
      expect(err.details?.errors).toEqual([
        { row: 3, column: '*随货同行单号 (invoiceNumber)', field: 'data.invoiceNumber', reason: expect.stringContaining('缺少本环节必填的数据项“随货同行单号”') },
        { row: 4, column: '*对方统一社会信用代码 (counterpart)', field: 'counterpart', reason: expect.stringContaining('校验码错误') },
        { row: 5, column: '行政区划 (region)', field: 'region', reason: expect.stringContaining('行政区划代码“469999”不在GB/T 2260中') },
        { row: 6, column: '单品编码 (codes)', field: 'codes[0]', reason: '药品追溯码应为20位数字，实为19位 / a drug trace code has 20 digits, "8385793000087976666" has 19' },
      ]);
      expect(await count(db, 'event')).toBe(0);
      expect(await count(db, 'sectorRecord')).toBe(0);
    });

    it('reports an unknown column and a missing required column against the header row', async () => {
      const { importer } = await setUpLedger(db);
      const csv = csvOf(FARMING, [farmingRow('L001')], { headers: ['party', 'product', 'lot', 'quantity', 'unit', 'time', 'originRegion', 'baseName', '采收日期'] });
      const err = await refusalOf(importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: Buffer.from(csv) }));
      expect(err.details?.errors).toEqual([
        { row: 1, column: '采收日期', field: '', reason: expect.stringContaining('“采收日期”不是“种植养殖”环节模板的列') },
        { row: 1, column: '*采收（出栏、捕捞）日期 (harvestDate)', field: 'data.harvestDate', reason: '缺少必填列“*采收（出栏、捕捞）日期 (harvestDate)” / the required column "*采收（出栏、捕捞）日期 (harvestDate)" is missing' },
      ]);
    });

    it('refuses an empty file at row 1 and a file of the header alone at row 2', async () => {
      const { importer } = await setUpLedger(db);
      const empty = await refusalOf(importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: utf8WithBom('') }));
      expect(empty.details?.errors).toEqual([{ row: 1, column: '', field: '', reason: '文件为空，第1行应为列标题 / the file is empty; row 1 must be the header row' }]);
      const headerOnly = await refusalOf(importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: utf8WithBom(csvOf(FARMING, [])) }));
      expect(headerOnly.details?.errors).toEqual([{ row: 2, column: '', field: '', reason: '文件没有数据行 / the file has no data rows' }]);
    });

    it('reports a quantity that is not a number once, at its column', async () => {
      const { importer } = await setUpLedger(db);
      const err = await refusalOf(importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: utf8WithBom(csvOf(FARMING, [farmingRow('L1', { quantity: '五百' })])) }));
      expect(err.details?.errors).toEqual([{ row: 2, column: '*数量 (quantity)', field: 'quantity', reason: '数量“五百”不是数字 / quantity "五百" is not a number' }]);
    });

    it('accepts headers written as the bare id or the bare Chinese name', async () => {
      const { importer } = await setUpLedger(db);
      const csv = csvOf(FARMING, [farmingRow('L001')], {
        headers: ['追溯主体统一社会信用代码', 'product', '批次号', 'quantity', '单位', 'time', '产地', 'baseName', '*采收（出栏、捕捞）日期 (harvestDate)'],
      });
      const result = await importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: Buffer.from(csv) });
      expect(result).toMatchObject({ rows: 1, stored: 1 });
    });

    it('treats a repeat import of the same file as already stored, not as an error', async () => {
      const { importer } = await setUpLedger(db);
      const csv = utf8WithBom(csvOf(FARMING, [farmingRow('L001'), farmingRow('L002')]));
      await importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: csv });
      const again = await importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: csv });
      expect(again).toMatchObject({ rows: 2, stored: 0, skipped: 2 });
      expect(await count(db, 'event')).toBe(2);
      expect(await count(db, 'sectorRecord')).toBe(2);
    });

    it('stores a row repeated within a file once', async () => {
      const { importer } = await setUpLedger(db);
      const csv = utf8WithBom(csvOf(FARMING, [farmingRow('L001'), farmingRow('L001')]));
      expect(await importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: csv })).toMatchObject({ rows: 2, stored: 1, skipped: 1 });
    });

    it('reads a GBK-encoded CSV as Chinese Excel saves it', async () => {
      const { importer } = await setUpLedger(db);
      const csv = gbk(csvOf(FARMING, [farmingRow('L001', { 'data.baseName': '琼山区芒果基地' })]));
      expect(await importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: csv })).toMatchObject({ stored: 1 });
      const { body } = await db.selectFrom('event').select('body').executeTakeFirstOrThrow();
      expect(JSON.parse(body).ilmd).toMatchObject({ 'zhuisu:baseName': '琼山区芒果基地', 'zhuisu:producerName': '王大明' });
    });

    it('imports the rows of an XLSX template filled in, skipping its notes sheet and blank rows', async () => {
      const { importer } = await setUpLedger(db);
      const { workbook, cellOf } = await farmingTemplate();
      const put = (row: number, values: Record<string, string | number>) => {
        for (const [field, value] of Object.entries(values)) cellOf(row, field).value = value;
      };
      put(2, { ...farmingRow('X001'), quantity: 500 });
      put(4, farmingRow('X002'));
      // A date typed into a date-formatted cell is a date, which reads as the date it shows.
      const harvest = cellOf(4, 'data.harvestDate');
      harvest.value = new Date(Date.UTC(2026, 2, 4));
      harvest.numFmt = 'yyyy-mm-dd';
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      const result = await importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'xlsx', data: file });
      expect(result).toMatchObject({ rows: 2, stored: 2 });
      const bodies = (await db.selectFrom('event').select('body').execute()).map((r) => JSON.parse(r.body).ilmd['zhuisu:harvestDate']);
      expect(bodies).toEqual(['2026-03-04', '2026-03-04']);
    });

    it('refuses a second sale of one drug code within a file, naming the row', async () => {
      const { importer } = await setUpLedger(db);
      const sale = { party: PHARMACY, codes: '83857930000879766660', time: '2026-03-05T10:00:00+08:00' };
      const csv = utf8WithBom(csvOf(DISPENSING, [sale, { ...sale, codes: '83857930000879766661' }, { ...sale, codes: '83857930000879766660', time: '2026-03-05T11:00:00+08:00' }]));
      const err = await refusalOf(importer.importRecords({ sector: 'drug', stage: 'dispensing', format: 'csv', data: csv }));
      expect(err.details?.errors).toEqual([
        { row: 4, column: '*单品编码 (codes)', field: 'codes', reason: expect.stringContaining('urn:zhuisu:drug:83857930000879766660已于记录') },
      ]);
      expect(await count(db, 'unitClaim')).toBe(0);
    });

    it('refuses a sale of a drug code sold by an earlier import, and claims the codes it stores', async () => {
      const { importer } = await setUpLedger(db);
      const sale = { party: PHARMACY, codes: '83857930000879766660', time: '2026-03-05T10:00:00+08:00' };
      await importer.importRecords({ sector: 'drug', stage: 'dispensing', format: 'csv', data: utf8WithBom(csvOf(DISPENSING, [sale])) });
      expect(await count(db, 'unitClaim')).toBe(1);
      const err = await refusalOf(importer.importRecords({
        sector: 'drug', stage: 'dispensing', format: 'csv', data: utf8WithBom(csvOf(DISPENSING, [{ ...sale, time: '2026-03-06T10:00:00+08:00' }])),
      }));
      expect(err.details?.errors).toMatchObject([{ row: 2, field: 'codes', reason: expect.stringContaining('同一追溯码不能再次销售') }]);
    });

    it('prepares rows on worker threads with the same result', async () => {
      const { importer } = await setUpLedger(db, { workers: 2, workerThresholdBytes: 0 });
      const rows = Array.from({ length: 300 }, (_, i) => farmingRow(`W${String(i).padStart(4, '0')}`));
      rows[120] = farmingRow('W0120', { party: '91460100MA5T0FXM30' });
      const csv = utf8WithBom(csvOf(FARMING, rows));
      const err = await refusalOf(importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: csv }));
      expect(err.details?.errors).toMatchObject([{ row: 122, column: '*追溯主体统一社会信用代码 (party)', field: 'party' }]);
      rows[120] = farmingRow('W0120');
      const result = await importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: utf8WithBom(csvOf(FARMING, rows)) });
      expect(result).toMatchObject({ rows: 300, stored: 300, skipped: 0 });
      expect(await count(db, 'sectorRecord')).toBe(300);
    });

    it('applies the stage rules to rows prepared on worker threads, and reads XLSX there too', async () => {
      const { importer } = await setUpLedger(db, { workers: 2, workerThresholdBytes: 0 });
      const sale = { party: PHARMACY, codes: '83857930000879766660', time: '2026-03-05T10:00:00+08:00' };
      const sales = Array.from({ length: 50 }, (_, i) => ({ ...sale, codes: `838579300008797${String(66000 + i)}` }));
      sales[40] = { ...sale, time: '2026-03-05T11:00:00+08:00' };
      const err = await refusalOf(importer.importRecords({ sector: 'drug', stage: 'dispensing', format: 'csv', data: utf8WithBom(csvOf(DISPENSING, [sale, ...sales])) }));
      expect(err.details?.errors).toMatchObject([{ row: 43, field: 'codes', reason: expect.stringContaining('同一追溯码不能再次销售') }]);

      const { workbook, cellOf } = await farmingTemplate();
      for (let r = 0; r < 20; r++) {
        for (const [field, value] of Object.entries(farmingRow(`XW${r}`))) cellOf(r + 2, field).value = value;
      }
      const result = await importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'xlsx', data: Buffer.from(await workbook.xlsx.writeBuffer()) });
      expect(result).toMatchObject({ rows: 20, stored: 20 });
    });
  });
}

describe('imported units', () => {
  it('are canonical already, so that the import need not convert them again', () => {
    for (const id of ['urn:epc:class:lgtin:6901234.000001.L001', 'urn:zhuisu:drug:83857930000879766660', `urn:zhuisu:lot:${FARM}:LYCHEE:L003`]) {
      expect(canonicalId(id)).toBe(id);
    }
  });
});
