import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordResult } from '../../../src/capture/records/record-capture.js';
import { specialEquipmentChain } from '../../../src/demo/chains/special-equipment.js';
import { replayChain } from '../../support/replay-chain.js';
import { buildTestApp, type TestApp } from '../../support/test-app.js';
import { testDialects } from '../../support/test-db.js';

const uscc = (name: string) => specialEquipmentChain.parties.find((p) => p.name.includes(name))?.uscc ?? '';
const INSTITUTE = uscc('特种设备检验检测院');
const CYLINDER_STATION = uscc('气瓶检验站');
const BUILDING = uscc('物业服务');

type Headers = Record<string, string>;

for (const dialect of testDialects()) {
  describe(`inspection requests (${dialect})`, () => {
    let t: TestApp;
    let results: RecordResult[];
    const as: Record<string, Headers> = {};
    const elevator = () => results[0]?.units[0] ?? '';
    const issue = async (name: string, scope: Record<string, unknown>): Promise<Headers> => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.auth, payload: { name, ...scope } });
      expect(res.statusCode, res.body).toBe(201);
      return { authorization: `Bearer ${res.json().token}` };
    };
    const ask = (headers: Headers, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/inspections', headers, payload });
    const answer = (headers: Headers, requestId: string, time = '2027-03-18T10:00:00+08:00') => t.app.inject({
      method: 'POST', url: `/api/v1/inspections/${requestId}/result`, headers,
      payload: { time, data: { reportNumber: 'HNTJ-DT-2027-000001', result: 'pass', nextInspectionDate: '2028-03-18' } },
    });

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      results = await replayChain(t.app, t.auth, specialEquipmentChain);
      as.regulator = await issue('海南省市场监管局', { role: 'regulator', region: '460000', sectors: ['special-equipment'] });
      as.institute = await issue('检验院', { role: 'inspection_body', enterprise: INSTITUTE });
      as.station = await issue('气瓶站', { role: 'inspection_body', enterprise: CYLINDER_STATION });
      as.building = await issue('物业', { role: 'enterprise_operator', enterprise: BUILDING });
    });
    afterAll(() => t.close());

    it('lets a regulator ask an inspection body to inspect an elevator, and the body attach its result once, as its own record', async () => {
      const asked = await ask(as.regulator ?? {}, { inspector: INSTITUTE, unit: elevator(), sector: 'special-equipment', stage: 'elevator-inspection', note: '年度定期检验' });
      expect(asked.statusCode, asked.body).toBe(201);
      const { requestId } = asked.json();
      expect(asked.json()).toMatchObject({ inspector: INSTITUTE, unitId: elevator(), stage: 'elevator-inspection', note: '年度定期检验' });
      expect(asked.json().requestedFor).toBeUndefined();

      const open = await t.app.inject({ method: 'GET', url: '/api/v1/inspections?open=true', headers: as.institute });
      expect(open.json().map((r: { requestId: string }) => r.requestId)).toEqual([requestId]);

      const answered = await answer(as.institute ?? {}, requestId);
      expect(answered.statusCode, answered.body).toBe(201);
      const { record, request } = answered.json();
      expect(request).toMatchObject({ requestId, recordId: record.recordId });
      expect(record.units).toEqual([elevator()]);
      const stored = await t.app.inject({ method: 'GET', url: `/api/v1/records/${record.recordId}`, headers: t.auth });
      expect(stored.json()).toMatchObject({ party: INSTITUTE, stage: 'elevator-inspection', sector: 'special-equipment' });

      const again = await answer(as.institute ?? {}, requestId, '2027-03-19T10:00:00+08:00');
      expect(again.statusCode).toBe(409);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/inspections?open=true', headers: as.institute })).json()).toEqual([]);
    });

    it('keeps a request from every inspection body but the one asked', async () => {
      const asked = await ask(as.building ?? {}, { inspector: INSTITUTE, unit: elevator(), sector: 'special-equipment', stage: 'elevator-inspection' });
      expect(asked.statusCode, asked.body).toBe(201);
      expect(asked.json().requestedFor).toBe(BUILDING);
      const { requestId } = asked.json();
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/inspections/${requestId}`, headers: as.station })).statusCode).toBe(404);
      expect((await answer(as.station ?? {}, requestId)).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/inspections/${requestId}`, headers: as.building })).statusCode).toBe(200);
    });

    it('gives an inspection body no way to record anything but the results it was asked for', async () => {
      const record = await t.app.inject({
        method: 'POST', url: '/api/v1/records', headers: as.institute,
        payload: { sector: 'special-equipment', stage: 'elevator-inspection', party: INSTITUTE, codes: [elevator()], time: '2027-04-01T10:00:00+08:00', data: { reportNumber: 'X', result: 'pass', nextInspectionDate: '2028-04-01' } },
      });
      expect(record.statusCode).toBe(403);
      expect((await ask(as.institute ?? {}, { inspector: INSTITUTE, unit: elevator(), sector: 'special-equipment', stage: 'elevator-inspection' })).statusCode).toBe(403);
    });

    it('refuses a request for a stage that is not an inspection, naming the sector’s inspection stages', async () => {
      const res = await ask(as.regulator ?? {}, { inspector: INSTITUTE, unit: elevator(), sector: 'special-equipment', stage: 'elevator-maintenance' });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toBe('stage: “elevator-maintenance”不是special-equipment的检验环节；检验环节：elevator-inspection、cylinder-inspection / "elevator-maintenance" is not an inspection stage of special-equipment; inspection stages: elevator-inspection, cylinder-inspection');
    });

    it('refuses an inspection body that is not registered, and a unit the asker may not see', async () => {
      const unknown = await ask(as.regulator ?? {}, { inspector: '91460000MA5T00000X', unit: elevator(), sector: 'special-equipment', stage: 'elevator-inspection' });
      expect(unknown.statusCode).toBe(404);
      const outside = await issue('三亚市市场监管局', { role: 'regulator', region: '460200', sectors: [] });
      const unseen = await ask(outside, { inspector: INSTITUTE, unit: elevator(), sector: 'special-equipment', stage: 'elevator-inspection' });
      expect(unseen.statusCode).toBe(404);
    });

    it('names each request in the audit log with who asked', async () => {
      const entries = await t.db.selectFrom('auditLog').select(['action', 'actorName']).where('action', '=', 'inspection.request').orderBy('seq').execute();
      expect(entries.map((e) => e.actorName)).toEqual(['海南省市场监管局', '物业']);
    });
  });
}
