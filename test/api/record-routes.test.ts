import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerParty, usccOf } from '../support/parties.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-db.js';

const MAKER = usccOf('460100', 'MA5T00001');
const WHOLESALER = usccOf('460100', 'MA5T00002');
const HOSPITAL = usccOf('460105', 'MA5T00003');
const CODES = ['83857930000879766660', '83857930000879766661'];

for (const dialect of testDialects()) {
  describe(`POST /api/v1/records, drugs (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect);
      await registerParty(t.app, t.auth, { uscc: MAKER, name: '海南某制药有限公司', region: '460100' });
      await registerParty(t.app, t.auth, { uscc: WHOLESALER, name: '海南某医药公司', region: '460100' });
      await registerParty(t.app, t.auth, { uscc: HOSPITAL, name: '海口市某医院', region: '460105' });
      const product = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: t.auth, payload: { party: MAKER, code: 'AMX-250', name: '阿莫西林胶囊 0.25g×24粒', catalogueEntry: 'drug.preparation' } });
      expect(product.statusCode).toBe(201);
    });
    afterEach(() => t.close());

    const record = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/records', headers: t.auth, payload: { sector: 'drug', ...body } });

    it('records production and a sale, and refuses a second sale of the same drug code with an alert', async () => {
      const produced = await record({
        stage: 'production', party: MAKER, product: 'AMX-250', lot: '20260301', quantity: 2, unit: '盒', codes: CODES, time: '2026-03-01T08:00:00+08:00',
        data: { approvalNumber: '国药准字H20230001', batchNumber: '20260301', productionDate: '2026-03-01', expiryDate: '2028-02-28' },
      });
      expect(produced.statusCode).toBe(201);
      expect(produced.json().units).toEqual([`urn:zhuisu:lot:${MAKER}:AMX-250:20260301`, ...CODES.map((c) => `urn:zhuisu:drug:${c}`)]);

      const sold = await record({ stage: 'dispensing', party: HOSPITAL, codes: [CODES[0]], time: '2026-03-10T10:00:00+08:00' });
      expect(sold.statusCode).toBe(201);
      const again = await record({ stage: 'dispensing', party: HOSPITAL, codes: [CODES[0]], time: '2026-03-11T10:00:00+08:00' });
      expect(again.statusCode).toBe(422);
      expect(again.headers['content-type']).toContain('application/problem+json');
      expect(again.json()).toMatchObject({ code: 'rule_violation', status: 422 });
      expect(again.json().detail).toContain(`urn:zhuisu:drug:${CODES[0]}已于记录${sold.json().recordId}中销售`);
      const alerts = await t.app.inject({ method: 'GET', url: '/api/v1/alerts?rule=drug-sold-once', headers: t.auth });
      expect(alerts.json()).toHaveLength(1);
      expect(alerts.json()[0]).toMatchObject({ rule: 'drug-sold-once', sector: 'drug', unitId: `urn:zhuisu:drug:${CODES[0]}`, party: HOSPITAL });

      const trace = await t.app.inject({ method: 'GET', url: `/api/v1/trace/${encodeURIComponent(`urn:zhuisu:drug:${CODES[0]}`)}?direction=backward` });
      expect(trace.statusCode).toBe(200);
    });

    it('finds a product with a GTIN by its owner\'s code too, and stores its lot as an LGTIN', async () => {
      const registered = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: t.auth, payload: { party: MAKER, code: 'VC-100', name: '维生素C片 100mg×100片', catalogueEntry: 'drug.preparation', gtin: '6901234567892' } });
      expect(registered.statusCode, registered.body).toBe(201);
      const produced = await record({
        stage: 'production', party: MAKER, product: 'VC-100', lot: 'B2603', quantity: 10, unit: '瓶', time: '2026-03-01T08:00:00+08:00',
        data: { approvalNumber: '国药准字H46020001', batchNumber: 'B2603', productionDate: '2026-03-01', expiryDate: '2028-02-28' },
      });
      expect(produced.statusCode, produced.body).toBe(201);
      expect(produced.json().units).toEqual(['urn:epc:class:lgtin:6901234.056789.B2603']);
      const events = await t.app.inject({ method: 'GET', headers: t.auth, url: `/epcis/v2/events?EQ_eventID=${encodeURIComponent(produced.json().eventId)}` });
      const [event] = events.json().epcisBody.queryResults.resultsBody.eventList;
      expect(event).toMatchObject({ 'zhuisu:sector': 'drug', 'zhuisu:stage': 'production', 'zhuisu:party': MAKER, ilmd: { 'zhuisu:approvalNumber': '国药准字H46020001', 'zhuisu:expiryDate': '2028-02-28' } });
    });

    it('sends the same record twice as one record', async () => {
      const body = { stage: 'dispensing', party: HOSPITAL, codes: [CODES[1]], time: '2026-03-10T10:00:00+08:00' };
      const first = await record(body);
      const second = await record(body);
      expect(first.statusCode).toBe(201);
      expect(second.statusCode).toBe(200);
      expect(second.json()).toMatchObject({ recordId: first.json().recordId, created: false });
    });

    it('names a missing required element in Chinese and English', async () => {
      const res = await record({
        stage: 'production', party: MAKER, product: 'AMX-250', lot: '20260302', quantity: 1, unit: 'H87', time: '2026-03-02T08:00:00+08:00',
        data: { approvalNumber: '国药准字H20230001', batchNumber: '20260302', productionDate: '2026-03-02' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_record' });
      expect(res.json().errors).toEqual([{ field: 'data.expiryDate', reason: '缺少本环节必填的数据项“有效期至” / the required element "expiry date" (expiryDate) of stage "production" is missing' }]);
    });

    it('refuses a wrong USCC check character, an unknown region and a malformed drug code, naming each field', async () => {
      const badUscc = `${MAKER.slice(0, 17)}${MAKER.endsWith('0') ? '1' : '0'}`;
      const res = await record({ stage: 'dispensing', party: badUscc, region: '469999', codes: ['8385793000087976666'], time: '2026-03-10T10:00:00+08:00' });
      expect(res.statusCode).toBe(400);
      const fields = res.json().errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(['party', 'region', 'codes[0]']);
      const [party, region, code] = res.json().errors.map((e: { reason: string }) => e.reason);
      expect(party).toContain('校验码错误');
      expect(region).toContain('469999');
      expect(code).toContain('20');
    });
  });
}
