import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { stageColumns } from '../../src/capture/import/columns.js';
import { registerParty } from '../support/parties.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-db.js';
import { csvOf, FARM, farmingRow, MANGO_GTIN, stageOf, utf8WithBom } from '../capture/import/import-fixtures.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FARMING = stageOf('edible-agri', 'farming');

for (const dialect of testDialects()) {
  describe(`import routes (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect);
      await registerParty(t.app, t.auth, { uscc: FARM, name: '海口芒果农场', region: '460105' });
      const product = await t.app.inject({
        method: 'POST', url: '/api/v1/products', headers: t.auth, payload: { party: FARM, code: 'MANGO', name: '贵妃芒', catalogueEntry: 'edible-agri.tropical-fruit', gtin: MANGO_GTIN },
      });
      expect(product.statusCode, product.body).toBe(201);
    });
    afterEach(() => t.close());

    const upload = (body: Buffer, type = 'text/csv', query = 'sector=edible-agri&stage=farming') =>
      t.app.inject({ method: 'POST', url: `/api/v1/records/import?${query}`, headers: { ...t.auth, 'content-type': type }, payload: body });

    it('gives the CSV template of a stage: UTF-8 with BOM, Chinese headers with the ids in brackets, required ones starred', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/sectors/edible-agri/stages/slaughter/template.csv' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="edible-agri-slaughter.csv"');
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(res.rawPayload.subarray(3).toString('utf8')).toBe(
        '*追溯主体统一社会信用代码 (party),产品 (product),批次号 (lot),单品编码 (codes),数量 (quantity),单位 (unit),对方统一社会信用代码 (counterpart),地点 (site),' +
        '行政区划 (region),*时间 (time),单据号 (reference),投入产品 (inputs.product),投入批次 (inputs.lot),投入单品编码 (inputs.codes),投入数量 (inputs.quantity),' +
        '投入单位 (inputs.unit),*动物检疫合格证明编号 (animalQuarantineCertificate),*肉品品质检验合格证号 (meatQualityCertificate),定点屠宰证号 (slaughterLicence),' +
        '非洲猪瘟检测报告编号 (asfTestReport)\r\n',
      );
    });

    it('gives the XLSX template of a stage with a notes sheet and a drop-down list for each choice', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/sectors/edible-agri/stages/processing/template.xlsx' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Uint8Array.from(res.rawPayload).buffer);
      const [data, notes] = workbook.worksheets;
      const columns = stageColumns(stageOf('edible-agri', 'processing'));
      const header = data?.getRow(1).values;
      expect((Array.isArray(header) ? header : []).slice(1)).toEqual(columns.map((c) => c.header));
      const grade = columns.findIndex((c) => c.id === 'grade') + 1;
      expect(data?.getCell(2, grade).dataValidation).toMatchObject({ type: 'list', formulae: ['"特级,一级,二级"'] });
      expect(notes?.name).toBe('说明 Notes');
      expect(notes?.getRow(1).values).toEqual([undefined, '列 Column', '必填 Required', '格式 Format', '单位 Unit', '可选值 Allowed values', '说明 Notes']);
      const gradeNote = notes?.getRow(grade + 1).values;
      expect(Array.isArray(gradeNote) ? gradeNote.slice(1, 6) : []).toEqual(['等级 (grade)', '否 no', '以下之一：特级、一级、二级 / one of premium, first, second', '', '特级（premium）、一级（first）、二级（second）']);
    });

    it('answers 404 for the template of a stage the sector does not have', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/sectors/edible-agri/stages/smelting/template.csv' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'sector_not_found', type: 'epcisException:NoSuchResourceException' });
    });

    it('imports a good CSV, and its records come back through the EPCIS query with their zhuisu: fields', async () => {
      const res = await upload(utf8WithBom(csvOf(FARMING, [farmingRow('L001'), farmingRow('L002', { quantity: '320' })])));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({ captureId: expect.any(String), rows: 2, stored: 2, skipped: 0, alerts: [] });
      const job = await t.app.inject({ method: 'GET', headers: t.auth, url: `/epcis/v2/capture/${res.json().captureId}` });
      expect(job.json()).toMatchObject({ captureID: res.json().captureId, running: false, success: true, eventCount: 2, storedCount: 2 });
      const query = await t.app.inject({ method: 'GET', headers: t.auth, url: '/epcis/v2/events?EQ_bizStep=commissioning' });
      const events = query.json().epcisBody.queryResults.resultsBody.eventList;
      expect(events).toHaveLength(2);
      expect(events[1]).toMatchObject({
        type: 'ObjectEvent', action: 'ADD', quantityList: [{ epcClass: 'urn:epc:class:lgtin:6901234.000001.L002', quantity: 320, uom: 'KGM' }],
        'zhuisu:sector': 'edible-agri', 'zhuisu:stage': 'farming', 'zhuisu:party': FARM, 'zhuisu:region': '460105', 'zhuisu:product': MANGO_GTIN,
        ilmd: { 'zhuisu:originRegion': '460105', 'zhuisu:baseName': '海口芒果基地', 'zhuisu:harvestDate': '2026-03-04' },
      });
    });

    it('stores nothing from a file with a bad row and answers 400 with the row, column and reason of each problem', async () => {
      const res = await upload(utf8WithBom(csvOf(FARMING, [
        farmingRow('L001'),
        farmingRow('L002', { party: '91460100MA5T0FXM30', 'data.originRegion': '469999' }),
        farmingRow('L003', { 'data.baseName': '' }),
      ])));
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ type: 'epcisException:ValidationException', code: 'invalid_record', status: 400 });
      expect(res.json().errors).toEqual([
        { row: 3, column: '*追溯主体统一社会信用代码 (party)', field: 'party', reason: expect.stringContaining('校验码错误') },
        { row: 3, column: '*产地 (originRegion)', field: 'data.originRegion', reason: expect.stringContaining('“469999”不在GB/T 2260中') },
        { row: 4, column: '*基地（养殖场）名称 (baseName)', field: 'data.baseName', reason: expect.stringContaining('缺少本环节必填的数据项“基地（养殖场）名称”') },
      ]);
      const query = await t.app.inject({ method: 'GET', headers: t.auth, url: '/epcis/v2/events' });
      expect(query.json().epcisBody.queryResults.resultsBody.eventList).toEqual([]);
    });

    it('imports an XLSX file', async () => {
      const template = await t.app.inject({ method: 'GET', url: '/api/v1/sectors/edible-agri/stages/farming/template.xlsx' });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Uint8Array.from(template.rawPayload).buffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error('the template has no sheet');
      const row = farmingRow('X001');
      stageColumns(FARMING).forEach((c, i) => {
        if (row[c.field] !== undefined) sheet.getCell(2, i + 1).value = row[c.field];
      });
      const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ rows: 1, stored: 1 });
    });

    it('answers a repeat import with the rows already stored, not an error', async () => {
      const csv = utf8WithBom(csvOf(FARMING, [farmingRow('L001')]));
      expect((await upload(csv)).statusCode).toBe(201);
      const again = await upload(csv);
      expect(again.statusCode).toBe(201);
      expect(again.json()).toMatchObject({ rows: 1, stored: 0, skipped: 1 });
    });

    it('refuses an import without an administrator token', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/records/import?sector=edible-agri&stage=farming', headers: { 'content-type': 'text/csv' }, payload: 'x' });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthorized' });
    });

    it('refuses a body that is neither CSV nor XLSX with 415', async () => {
      const res = await upload(Buffer.from('party,time\n'), 'text/plain');
      expect(res.statusCode).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('refuses an XLSX body that is not a workbook, at row 1', async () => {
      const res = await upload(Buffer.from('not a zip file'), XLSX);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_record', errors: [{ row: 1, column: '', field: '', reason: expect.stringContaining('无法读取XLSX文件') }] });
    });
  });
}
