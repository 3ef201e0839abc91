import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDemoInto, type DemoSummary } from '../../../src/demo/load-demo.js';
import { DEMO } from '../../../src/demo/pork-chain.js';
import { ALERT_FLUSH_MS } from '../../../src/trace/public-query/alert-queue.js';
import { buildTestApp, type TestApp } from '../../support/test-app.js';
import { testDialects } from '../../support/test-db.js';

for (const dialect of testDialects()) {
  describe(`alerts for regulators from public queries (${dialect})`, () => {
    let t: TestApp;
    let demo: DemoSummary;

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      ({ demo } = await loadDemoInto(t.db, { nodeCode: '460100' }));
    }, 120_000);
    afterAll(() => t.close());

    async function queryTimes(code: string, times: number, region?: (i: number) => string): Promise<number[]> {
      const counts: number[] = [];
      for (let i = 0; i < times; i++) {
        const url = `/t/${encodeURIComponent(code)}${region ? `?region=${region(i)}` : ''}`;
        const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });
        expect(res.statusCode).toBe(200);
        counts.push(res.json().scans.count);
      }
      return counts;
    }

    /** The alerts stored for a unit, once the alerts raised within the last flush are written. */
    async function storedAlerts(unitId: string, expected: number) {
      const read = () => t.db.selectFrom('alert').select(['rule', 'sector', 'party', 'details', 'status']).where('unitId', '=', unitId).orderBy('rule').execute();
      await vi.waitFor(async () => expect((await read()).length).toBe(expected), { timeout: ALERT_FLUSH_MS * 5, interval: 50 });
      // One flush more: nothing else comes.
      await new Promise((resolve) => setTimeout(resolve, ALERT_FLUSH_MS + 200));
      return (await read()).map((a) => ({ ...a, details: JSON.parse(a.details) as unknown }));
    }

    it('raises one alert for an unregistered code at its third query, and none at the fourth and fifth', async () => {
      const code = 'HZ-NOT-ISSUED-0001';
      expect(await queryTimes(code, 5)).toEqual([1, 2, 3, 4, 5]);
      const alerts = await storedAlerts(code, 1);
      expect(alerts).toEqual([{ rule: 'scan.unknown-code', sector: '', party: null, details: { code, scans: 3, regions: 0 }, status: 'open' }]);
    });

    it('raises one alert for a sold retail pack queried from a third region and one at its fifth query after its sale', async () => {
      // The demo's first two packs are sold at the stall. Its chain is plain EPCIS, which names no sector.
      const code = demo.codes[1] ?? '';
      const regions = ['460100', '460200', '110100', '110100', '460100'];
      expect(await queryTimes(code, 5, (i) => regions[i] ?? '')).toEqual([1, 2, 3, 4, 5]);
      const unitId = (await t.app.inject({ method: 'GET', url: `/t/${code}`, headers: { accept: 'application/json' } })).json().unitId as string;
      const alerts = await storedAlerts(unitId, 2);
      expect(alerts).toEqual([
        { rule: 'scan.after-final-sale', sector: '', party: DEMO.farm.uscc, details: { code, scans: 5, regions: 3 }, status: 'open' },
        { rule: 'scan.many-places', sector: '', party: DEMO.farm.uscc, details: { code, scans: 3, regions: 3 }, status: 'open' },
      ]);
    });

    it('holds the alerts raised for up to a second, and writes them when the server stops', async () => {
      const own = await buildTestApp(dialect);
      const code = 'HZ-NOT-ISSUED-0002';
      const read = () => own.db.selectFrom('alert').select('rule').where('unitId', '=', code).execute();
      try {
        for (let i = 0; i < 3; i++) await own.app.inject({ method: 'GET', url: `/t/${code}`, headers: { accept: 'application/json' } });
        expect(await read()).toEqual([]);
        await own.app.close();
        expect(await read()).toEqual([{ rule: 'scan.unknown-code' }]);
      } finally {
        await own.db.destroy();
      }
    });
  });
}
