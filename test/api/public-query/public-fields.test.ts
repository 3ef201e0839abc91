import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoInto, type DemoSummary } from '../../../src/demo/load-demo.js';
import { DEMO } from '../../../src/demo/pork-chain.js';
import { isObject, type JsonObject } from '../../../src/domain/event.js';
import { BUILT_IN_PROFILES } from '../../../src/domain/sectors/index.js';
import { buildTestApp, type TestApp } from '../../support/test-app.js';
import { testDialects } from '../../support/test-db.js';

const publicElementNames = new Set(BUILT_IN_PROFILES.flatMap((p) => p.stages.flatMap((s) => s.elements.filter((e) => e.visibility === 'public').map((e) => e.name.zh))));

const PUBLIC_RECORD_FIELDS = new Set(['zhuisu:party', 'zhuisu:region', 'zhuisu:product', 'zhuisu:sector', 'zhuisu:stage']);

/** Every value an event holds that the public may not read: elements the profile keeps for regulators or the owner, documents, references. */
function secretsOf(bodies: JsonObject[]): Set<string> {
  const secret = new Set<string>();
  const open = new Set<string>();
  for (const body of bodies) {
    const sector = BUILT_IN_PROFILES.find((p) => p.id === body['zhuisu:sector']);
    const stage = sector?.stages.find((s) => s.id === body['zhuisu:stage']);
    const fields: Array<[string, unknown]> = [...Object.entries(body), ...Object.entries(isObject(body.ilmd) ? body.ilmd : {})];
    for (const [key, value] of fields) {
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const element = stage?.elements.find((e) => `zhuisu:${e.id}` === key);
      if (element) (element.visibility === 'public' ? open : secret).add(String(value));
      if (key === 'zhuisu:reference') secret.add(String(value));
      if (PUBLIC_RECORD_FIELDS.has(key)) open.add(String(value));
    }
    for (const t of Array.isArray(body.bizTransactionList) ? body.bizTransactionList : []) {
      if (isObject(t) && typeof t.bizTransaction === 'string') secret.add(t.bizTransaction);
    }
  }
  // Short values (a pass mark, a number of boxes) and values that some public element also holds say nothing.
  return new Set([...secret].filter((v) => v.length >= 4 && !open.has(v)));
}

for (const dialect of testDialects()) {
  describe(`public query of every demo code (${dialect})`, () => {
    let t: TestApp;
    let demo: DemoSummary;
    let units: string[];
    let bodies: JsonObject[];

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      ({ demo } = await loadDemoInto(t.db, { nodeCode: '460100' }));
      units = (await t.db.selectFrom('eventEpc').select('epc').distinct().where('role', '<>', 'parent').execute()).map((r) => r.epc);
      bodies = (await t.db.selectFrom('event').select('body').execute()).map((r) => JSON.parse(r.body) as JsonObject);
    }, 120_000);
    afterAll(() => t.close());

    it('answers every demo code and unit without a field the sector profile does not mark public', async () => {
      const secrets = secretsOf(bodies);
      expect(secrets.size).toBeGreaterThan(10);
      const queried = [...demo.codes, ...units];
      expect(queried.length).toBeGreaterThanOrEqual(30);
      let stages = 0;
      for (const code of queried) {
        const res = await t.app.inject({ method: 'GET', url: `/t/${encodeURIComponent(code)}`, headers: { accept: 'application/json' } });
        expect(res.statusCode, code).toBe(200);
        const answer = res.json();
        expect(answer.registered, code).toBe(true);
        const text = res.body;
        for (const value of secrets) expect(text.includes(JSON.stringify(value)), `${code} shows "${value}"`).toBe(false);
        expect(text).not.toMatch(/"quantity"|"sourceList"|"destinationList"|"counterpart"|"bizTransaction"/);
        const facts = [...answer.certificates, ...answer.marks, ...answer.stages.flatMap((s: { facts: unknown[] }) => s.facts)];
        for (const fact of facts as Array<{ name: { zh: string } }>) {
          if (fact.name.zh !== '认证信息') expect(publicElementNames.has(fact.name.zh), `${code}: ${fact.name.zh}`).toBe(true);
        }
        stages += answer.stages.length;
      }
      expect(stages).toBeGreaterThan(queried.length);
    }, 300_000);

    it('tells a retail pack the story of its lot, and counts each query of its code', async () => {
      const code = demo.codes[0] ?? '';
      const first = (await t.app.inject({ method: 'GET', url: `/t/${code}?region=460100`, headers: { accept: 'application/json' } })).json();
      const second = (await t.app.inject({ method: 'GET', url: `/t/${code}`, headers: { accept: 'application/json' } })).json();
      expect(first.product.name).toBe('海南猪里脊肉 1 kg 装 Hainan pork loin, 1 kg pack');
      expect(first.stages.map((s: { bizStep: string }) => s.bizStep).at(-1)).toBe('retail_selling');
      expect(second.scans.count).toBe(first.scans.count + 1);
      expect(second.scans.firstAt).toBe(first.scans.firstAt);
    });

    it('names the enterprise registered at each place of a chain captured as plain EPCIS, the farm as producer and origin', async () => {
      const answer = (await t.app.inject({ method: 'GET', url: `/t/${demo.codes[1] ?? ''}`, headers: { accept: 'application/json' } })).json();
      expect(answer.producer).toEqual({ uscc: DEMO.farm.uscc, name: DEMO.farm.name, region: '469021', regionName: '海南省定安县' });
      expect(answer.origin).toEqual({ region: '469021', regionName: '海南省定安县' });
      const partyByStep = answer.stages.map((s: { bizStep: string; party?: { uscc: string } }) => [s.bizStep, s.party?.uscc]);
      expect(partyByStep).toEqual([
        ['commissioning', DEMO.farm.uscc], ['shipping', DEMO.farm.uscc], ['receiving', DEMO.slaughterhouse.uscc], ['killing', DEMO.slaughterhouse.uscc],
        ['zhuisu:cutting', DEMO.slaughterhouse.uscc], ['packing', DEMO.slaughterhouse.uscc], ['shipping', DEMO.slaughterhouse.uscc],
        ['receiving', DEMO.market.uscc], ['unpacking', DEMO.market.uscc], ['shipping', DEMO.market.uscc],
        ['receiving', DEMO.stall.uscc], ['retail_selling', DEMO.stall.uscc],
      ]);
    });
  });
}
