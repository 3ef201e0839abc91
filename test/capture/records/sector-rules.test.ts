import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerParty, usccOf } from '../../support/parties.js';
import { buildTestApp, type TestApp } from '../../support/test-app.js';
import { testDialects } from '../../support/test-db.js';

const MAKER = usccOf('320200', 'MA1CY0001');
const STATION = usccOf('460100', 'MA5CY0002');
const MAINTAINER = usccOf('460100', 'MA5EL0003');
const HOLDER = usccOf('460100', 'MA5FW0002');
const SMELTER = usccOf('360700', 'MA3RE0002');
const CYLINDER = '146A01000123';
const ELEVATOR = '31104601052019070012';

for (const dialect of testDialects()) {
  describe(`sector rules (${dialect})`, () => {
    let t: TestApp;
    let clock = new Date('2026-04-01T00:00:00Z');
    beforeEach(async () => {
      clock = new Date('2026-04-01T00:00:00Z');
      t = await buildTestApp(dialect, { now: () => clock });
      for (const [uscc, region] of [[MAKER, '320200'], [STATION, '460100'], [MAINTAINER, '460100'], [HOLDER, '460100'], [SMELTER, '360700']] as const) {
        await registerParty(t.app, t.auth, { uscc, name: `企业 ${uscc}`, region });
      }
    });
    afterEach(() => t.close());

    const record = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/records', headers: t.auth, payload: body });
    const alerts = async (rule: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/alerts?rule=${encodeURIComponent(rule)}`, headers: t.auth })).json();
    const product = async (party: string, code: string, catalogueEntry: string) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: t.auth, payload: { party, code, name: code, catalogueEntry } });
      expect(res.statusCode, res.body).toBe(201);
    };

    const fill = (time: string) => record({
      sector: 'special-equipment', stage: 'cylinder-filling', party: STATION, codes: [CYLINDER], time,
      data: { fillingLicence: 'TS4246001-2027', medium: '液化石油气', preFillCheck: 'pass', postFillCheck: 'pass', filler: '王建国' },
    });

    it('rejects a cylinder filling when its inspection is overdue, and accepts one on the due date', async () => {
      const made = await record({
        sector: 'special-equipment', stage: 'cylinder-manufacture', party: MAKER, codes: [CYLINDER], time: '2022-06-01T09:00:00+08:00',
        data: { manufactureLicence: 'TS2232019-2026', factoryNumber: 'HG22-061553', manufactureDate: '2022-06-01', medium: '液化石油气', nextInspectionDate: '2026-06-01' },
      });
      expect(made.statusCode, made.body).toBe(201);
      expect((await fill('2026-06-01T18:00:00+08:00')).statusCode).toBe(201);
      const late = await fill('2026-06-02T08:00:00+08:00');
      expect(late.statusCode).toBe(422);
      expect(late.json()).toMatchObject({ code: 'rule_violation', errors: [{ rule: 'cylinder-inspection-overdue', unit: `urn:zhuisu:cylinder:${CYLINDER}`, dueDate: '2026-06-01' }] });
      expect(late.json().detail).toBe(`urn:zhuisu:cylinder:${CYLINDER}已超过定期检验日期2026-06-01，不得充装（超过定期检验日期的气瓶不得充装） / urn:zhuisu:cylinder:${CYLINDER} was due for its periodic inspection on 2026-06-01; a cylinder past its periodic inspection may not be filled`);
      expect(await alerts('cylinder-inspection-overdue')).toHaveLength(1);
    });

    it('accepts a filling after an inspection that moved the due date on', async () => {
      await record({
        sector: 'special-equipment', stage: 'cylinder-manufacture', party: MAKER, codes: [CYLINDER], time: '2022-06-01T09:00:00+08:00',
        data: { manufactureLicence: 'TS2232019-2026', factoryNumber: 'HG22-061553', manufactureDate: '2022-06-01', medium: '液化石油气', nextInspectionDate: '2026-06-01' },
      });
      const inspected = await record({
        sector: 'special-equipment', stage: 'cylinder-inspection', party: STATION, codes: [CYLINDER], time: '2026-05-20T11:00:00+08:00',
        data: { reportNumber: 'HKQP-2026-05-0412', result: 'pass', nextInspectionDate: '2030-05-20' },
      });
      expect(inspected.statusCode, inspected.body).toBe(201);
      expect((await fill('2026-06-10T08:00:00+08:00')).statusCode).toBe(201);
    });

    it('rejects filling a cylinder that has no recorded inspection date', async () => {
      const res = await fill('2026-03-02T08:00:00+08:00');
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toContain('没有定期检验记录');
    });

    const maintain = (time: string) => record({
      sector: 'special-equipment', stage: 'elevator-maintenance', party: MAINTAINER, codes: [ELEVATOR], time,
      data: { maintenanceType: 'half-monthly', result: 'pass', maintainerCertificate: 'T2-4601-2019-00318' },
    });

    it('flags an elevator maintained more than 15 days after its last maintenance', async () => {
      expect((await maintain('2026-03-01T09:00:00+08:00')).json().alerts).toEqual([]);
      expect((await maintain('2026-03-16T09:00:00+08:00')).json().alerts).toEqual([]);
      const late = await maintain('2026-04-02T09:00:00+08:00');
      expect(late.statusCode).toBe(201);
      expect(late.json().alerts).toEqual([{
        rule: 'elevator-maintenance-interval',
        message: `urn:zhuisu:elevator:${ELEVATOR}距上次记录已17日，超过15日（电梯维保间隔不得超过15日） / urn:zhuisu:elevator:${ELEVATOR} went 17 days since 2026-03-16, over the 15-day limit: an elevator is maintained at least every 15 days`,
      }]);
    });

    it('flags an elevator whose last maintenance is more than 15 days old when swept, once', async () => {
      await maintain('2026-03-20T09:00:00+08:00');
      const sweep = () => t.app.inject({ method: 'POST', url: '/api/v1/alerts/sweep', headers: t.auth });
      clock = new Date('2026-04-04T00:00:00Z');
      expect((await sweep()).json()).toEqual([]);
      clock = new Date('2026-04-10T00:00:00Z');
      const raised = (await sweep()).json();
      expect(raised).toHaveLength(1);
      expect(raised[0]).toMatchObject({ rule: 'elevator-maintenance-interval:overdue', sector: 'special-equipment', unitId: `urn:zhuisu:elevator:${ELEVATOR}`, details: { days: 20, limit: 15 } });
      expect((await sweep()).json()).toEqual([]);
    });

    it("raises an alert when a hazardous-goods holder's ledger does not balance at a stock count", async () => {
      await product(HOLDER, 'YH-100', 'hazardous.fireworks');
      const lot = { sector: 'hazardous', party: HOLDER, product: 'YH-100', lot: 'LY260110', unit: '箱' };
      const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(201);
      ok(await record({ ...lot, stage: 'production', quantity: 500, time: '2026-01-10T17:00:00+08:00', data: { productionLicence: '(湘)YH安许证字[2024]000123', batchNumber: 'LY260110', productionDate: '2026-01-10' } }));
      ok(await record({ ...lot, stage: 'sale', quantity: 300, counterpart: MAINTAINER, time: '2026-01-15T08:00:00+08:00', data: { purchasePermit: '琼公烟购字2026第0012号' } }));
      ok(await record({ ...lot, stage: 'destruction', quantity: 10, time: '2026-01-16T08:00:00+08:00', data: { destructionApproval: '海公治销字2026第003号', method: 'burning', witness: '陈警官' } }));
      const balanced = await record({ ...lot, stage: 'storage', quantity: 190, time: '2026-01-31T17:00:00+08:00', data: { warehouse: '1号库' } });
      expect(balanced.json().alerts).toEqual([]);
      const short = await record({ ...lot, stage: 'storage', quantity: 182, time: '2026-02-01T17:00:00+08:00', data: { warehouse: '1号库' } });
      expect(short.json().alerts).toEqual([{
        rule: 'hazardous-balance',
        message: `${HOLDER}的${HOLDER}/YH-100台账不平衡：购入与生产500，使用、销售与销毁310，库存182，差额8 H87 / the ledger of ${HOLDER} for ${HOLDER}/YH-100 does not balance: in 500, out 310, stock 182, difference 8 H87`,
      }]);
    });

    it("raises an alert when rare-earth output goes beyond the enterprise's quota, or names a quota never given", async () => {
      await product(SMELTER, 'PRND-OX', 'rare-earth.separated');
      const quota = await t.app.inject({
        method: 'POST', url: `/api/v1/parties/${SMELTER}/quotas`, headers: t.auth,
        payload: { reference: 'Q-2026-15', sector: 'rare-earth', periodStart: '2026-01-01T00:00:00+08:00', periodEnd: '2027-01-01T00:00:00+08:00', quantity: 100, unit: 'TNE' },
      });
      expect(quota.statusCode, quota.body).toBe(201);
      const output = (lot: string, quantity: number, unit: string, quotaReference: string) => record({
        sector: 'rare-earth', stage: 'smelting-separation', party: SMELTER, product: 'PRND-OX', lot, quantity, unit, time: '2026-03-20T18:00:00+08:00',
        inputs: [{ lot: 'urn:zhuisu:lot:ore:1', quantity: 200, unit: 'TNE' }],
        data: { quotaReference, productName: '氧化镨钕', packageLabel: `JY-${lot}` },
      });
      expect((await output('PN-1', 60, '吨', 'Q-2026-15')).json().alerts).toEqual([]);
      expect((await output('PN-2', 40000, 'KGM', 'Q-2026-15')).json().alerts).toEqual([]);
      const over = await output('PN-3', 500, 'KGM', 'Q-2026-15');
      expect(over.json().alerts).toEqual([{
        rule: 'rare-earth-quota',
        message: `${SMELTER}产量100500 KGM超过指标“Q-2026-15”的100000 KGM，超出500 / ${SMELTER} has produced 100500 KGM against quota "Q-2026-15" of 100000 KGM, 500 over: rare-earth output stays within the enterprise quota`,
      }]);
      const unknown = await output('PN-4', 1, 'TNE', 'Q-NONE');
      expect(unknown.json().alerts[0]).toMatchObject({ rule: 'rare-earth-quota' });
      expect(unknown.json().alerts[0].message).toContain('“Q-NONE”未登记');
    });
  });
}
