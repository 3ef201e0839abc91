import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usccOf } from '../support/parties.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-db.js';

const FARM = usccOf('469006', 'MA5T0F001');

for (const dialect of testDialects()) {
  describe(`parties, products and the catalogue (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect);
    });
    afterEach(() => t.close());

    const post = (url: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url, headers: t.auth, payload });

    it('registers a party and refuses the same code twice with 409', async () => {
      const first = await post('/api/v1/parties', { uscc: FARM.toLowerCase(), name: '万宁市兴隆咖啡种植专业合作社', region: '469006', sectors: ['edible-agri'] });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ party: { uscc: FARM, region: '469006', site: `urn:zhuisu:site:${FARM}`, checkOverridden: false }, warnings: [] });
      const again = await post('/api/v1/parties', { uscc: FARM, name: '重复', region: '469006' });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('already_registered');
    });

    it('refuses a wrong check character unless an administrator overrides it for a legacy code, and keeps the override', async () => {
      const wrong = FARM.slice(0, 17) + (FARM.endsWith('1') ? '2' : '1');
      const refused = await post('/api/v1/parties', { uscc: wrong, name: '老企业', region: '469006' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toHaveLength(1);
      expect(refused.json().errors[0].field).toBe('uscc');
      expect(refused.json().errors[0].reason).toContain('overrideCheckCharacter');
      const overridden = await post('/api/v1/parties', { uscc: wrong, name: '老企业', region: '469006', overrideCheckCharacter: true });
      expect(overridden.statusCode).toBe(201);
      expect(overridden.json().party.checkOverridden).toBe(true);
      expect(overridden.json().warnings[0]).toContain('校验码错误');
    });

    it('refuses an unknown GB/T 2260 region code, naming the field', async () => {
      const res = await post('/api/v1/parties', { uscc: FARM, name: '某企业', region: '469099' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'region', reason: expect.stringContaining('469099') }]);
    });

    it('registers a product under a catalogue entry and refuses a bad GTIN check digit', async () => {
      await post('/api/v1/parties', { uscc: FARM, name: '某合作社', region: '469006' });
      const bad = await post('/api/v1/products', { party: FARM, code: 'MANGO-5KG', name: '贵妃芒 5kg', catalogueEntry: 'edible-agri.tropical-fruit', gtin: '6901234567891' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('gtin');
      const good = await post('/api/v1/products', { party: FARM, code: 'MANGO-5KG', name: '贵妃芒 5kg', catalogueEntry: 'edible-agri.tropical-fruit', gtin: '6901234567892' });
      expect(good.statusCode, good.body).toBe(201);
      expect(good.json()).toMatchObject({ productId: '06901234567892', sector: 'edible-agri' });
    });

    it('keeps the catalogue versioned: a local entry compatible with a national one, a retired entry still readable at its old version', async () => {
      const start = (await t.app.inject({ method: 'GET', url: '/api/v1/catalogue' })).json();
      expect(start.entries.map((e: { id: string }) => e.id)).toContain('edible-agri.tropical-fruit');
      const local = await post('/api/v1/catalogue', { scope: '460000', sector: 'edible-agri', productKind: 'coconut', name: { zh: '海南椰子', en: 'Hainan coconut' }, list: 'encouraged', compatibleWith: 'edible-agri.tropical-fruit' });
      expect(local.statusCode, local.body).toBe(201);
      expect(local.json()).toMatchObject({ entry: { id: '460000.edible-agri.coconut', scope: '460000', compatibleWith: 'edible-agri.tropical-fruit', addedIn: start.version + 1 }, version: start.version + 1 });
      const orphan = await post('/api/v1/catalogue', { scope: '460000', sector: 'edible-agri', productKind: 'durian', name: { zh: '榴莲', en: 'durian' }, list: 'encouraged' });
      expect(orphan.statusCode).toBe(400);
      expect(orphan.json().errors[0].field).toBe('compatibleWith');
      const retired = await t.app.inject({ method: 'DELETE', url: '/api/v1/catalogue/460000.edible-agri.coconut', headers: t.auth });
      expect(retired.json()).toEqual({ version: start.version + 2 });
      const now = (await t.app.inject({ method: 'GET', url: '/api/v1/catalogue' })).json();
      expect(now.entries.map((e: { id: string }) => e.id)).not.toContain('460000.edible-agri.coconut');
      const then = (await t.app.inject({ method: 'GET', url: `/api/v1/catalogue?version=${start.version + 1}` })).json();
      expect(then.entries.map((e: { id: string }) => e.id)).toContain('460000.edible-agri.coconut');
      await post('/api/v1/parties', { uscc: FARM, name: '某合作社', region: '469006' });
      const product = await post('/api/v1/products', { party: FARM, code: 'COCO', name: '椰子', catalogueEntry: '460000.edible-agri.coconut' });
      expect(product.statusCode).toBe(400);
      expect(product.json().errors[0].reason).toContain('撤销');
    });

    it('registers a new profile version as data and records against it without a migration', async () => {
      const current = (await t.app.inject({ method: 'GET', url: '/api/v1/sectors/rare-earth' })).json();
      const next = { ...current, version: current.version + 1, stages: current.stages.map((s: { id: string; elements: unknown[] }) => (s.id === 'export' ? { ...s, elements: [...s.elements, { id: 'carbonFootprint', name: { zh: '碳足迹', en: 'carbon footprint' }, type: { kind: 'number', unit: 'KGM' }, required: true, visibility: 'public' }] } : s)) };
      const registered = await post('/api/v1/sectors', next);
      expect(registered.statusCode, registered.body).toBe(201);
      expect((await post('/api/v1/sectors', next)).statusCode).toBe(409);
      const latest = (await t.app.inject({ method: 'GET', url: '/api/v1/sectors/rare-earth' })).json();
      expect(latest.version).toBe(current.version + 1);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/sectors/rare-earth?version=${current.version}` })).json().version).toBe(current.version);
      const bad = await post('/api/v1/sectors', { ...next, version: next.version + 1, rules: [{ id: 'x', kind: 'once-per-unit', stages: ['nowhere'], action: 'reject', name: { zh: '一', en: 'one' } }] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('invalid_profile');
    });
  });
}
