import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerParty, usccOf } from '../../support/parties.js';
import { buildTestApp, type TestApp } from '../../support/test-app.js';
import { testDialects } from '../../support/test-db.js';

const MAKER = usccOf('460100', 'MA5T00001');
const RIVAL = usccOf('460200', 'MA5T00009');

for (const dialect of testDialects()) {
  describe(`an enterprise writes for itself only (${dialect})`, () => {
    let t: TestApp;
    let operator: Record<string, string>;
    beforeEach(async () => {
      t = await buildTestApp(dialect);
      await registerParty(t.app, t.auth, { uscc: MAKER, name: '海南某制药有限公司', region: '460100', sectors: ['drug'] });
      await registerParty(t.app, t.auth, { uscc: RIVAL, name: '三亚某药业有限公司', region: '460200', sectors: ['drug'] });
      for (const party of [MAKER, RIVAL]) {
        const product = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: t.auth, payload: { party, code: 'AMX-250', name: '阿莫西林胶囊', catalogueEntry: 'drug.preparation' } });
        expect(product.statusCode).toBe(201);
      }
      const issued = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.auth, payload: { name: 'MES', role: 'enterprise_operator', enterprise: MAKER } });
      operator = { authorization: `Bearer ${issued.json().token}` };
    });
    afterEach(() => t.close());

    const production = (party: string) => ({
      sector: 'drug', stage: 'production', party, product: 'AMX-250', lot: '20260301', quantity: 2, unit: '盒', time: '2026-03-01T08:00:00+08:00',
      data: { approvalNumber: '国药准字H20230001', batchNumber: '20260301', productionDate: '2026-03-01', expiryDate: '2028-02-28' },
    });

    it('refuses a record for another enterprise, stores nothing, and names the operator’s own', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: operator, payload: production(RIVAL) });
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toBe(`party: 只能为本企业（${MAKER}）操作，不能代${RIVAL}操作 / you act for ${MAKER} only, not for ${RIVAL}`);
      expect(await t.db.selectFrom('sectorRecord').selectAll().execute()).toEqual([]);
    });

    it('refuses a product registered for another enterprise', async () => {
      const admin = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.auth, payload: { name: 'admin', role: 'enterprise_admin', enterprise: MAKER } });
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: { authorization: `Bearer ${admin.json().token}` }, payload: { party: RIVAL, code: 'FAKE', name: '假药', catalogueEntry: 'drug.preparation' } });
      expect(res.statusCode).toBe(403);
    });

    it('records for its own enterprise and the audit log names the token, its enterprise and the client address', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: operator, remoteAddress: '10.1.2.3', payload: production(MAKER) });
      expect(res.statusCode).toBe(201);
      const last = await t.db.selectFrom('auditLog').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(last).toMatchObject({ actorType: 'token', actorName: 'MES', enterprise: MAKER, address: '10.1.2.3' });
    });
  });
}
