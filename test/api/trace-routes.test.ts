import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commission, documentOf, move, pack, pgln, q, sscc, lot, transform } from '../support/chain.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-db.js';
import { MAX_CODES_PER_ISSUE } from '../../src/capture/issue-codes.js';

for (const dialect of testDialects()) {
  describe(`trace routes (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect);
      const doc = documentOf([
        commission(0, [q(lot('RAW'), 100)]),
        transform(10, [q(lot('RAW'), 100)], [q(lot('MEAL'), 80)]),
        pack(20, sscc('5'), { quantities: [q(lot('MEAL'), 80)] }),
        move(30, 'shipping', { epcs: [sscc('5')] }, pgln('1'), pgln('2'), 'DA-1,2'),
      ]);
      const captured = await t.app.inject({ method: 'POST', url: '/epcis/v2/capture', headers: t.auth, payload: doc });
      expect(captured.statusCode).toBe(202);
    });
    afterEach(() => t.close());

    it('traces a URL-encoded EPC URI backward with the documented shape', async () => {
      const res = await t.app.inject({ method: 'GET', headers: t.auth, url: `/api/v1/trace/${encodeURIComponent(lot('MEAL'))}?direction=backward` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(['direction', 'edges', 'events', 'locations', 'nodes', 'parties', 'root', 'truncated', 'visibility']);
      expect(body.visibility).toEqual({ sight: 'all', outOfSight: [], forwardWithheld: false });
      expect(body.root).toBe(lot('MEAL'));
      expect(body.direction).toBe('backward');
      expect(body.nodes.map((n: { id: string }) => n.id).sort()).toEqual([lot('MEAL'), lot('RAW'), sscc('5')].sort());
    });

    it('traces the Digital Link spelling forward to the party that received the pallet', async () => {
      const link = 'https://id.gs1.org/01/06901234123456/10/MEAL';
      const res = await t.app.inject({ method: 'GET', headers: t.auth, url: `/api/v1/trace/${encodeURIComponent(link)}?direction=forward` });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.root).toBe(lot('MEAL'));
      const receiver = body.parties.find((p: { id: string }) => p.id === pgln('2'));
      expect(receiver.received).toEqual([
        { unit: lot('MEAL'), quantity: 80, uom: 'KGM', eventId: expect.stringMatching(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/), eventTime: '2026-05-01T00:30:00.000Z', bizStep: 'shipping' },
      ]);
    });

    it('exports the trace as a CSV spreadsheet, one row per event, with quoting', async () => {
      const res = await t.app.inject({ method: 'GET', headers: t.auth, url: `/api/v1/trace/${encodeURIComponent(lot('MEAL'))}/export.csv?direction=both` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]).toBe('event_time,time_zone,event_type,action,biz_step,disposition,units,quantities,via_containers,from,to,read_point,biz_location,documents,event_id');
      expect(lines).toHaveLength(5);
      expect(lines.map((l) => l.split(',')[4])).toEqual(['biz_step', 'commissioning', 'commissioning', 'packing', 'shipping']);
      expect(lines[4]).toContain('"desadv=urn:example:desadv:DA-1,2"');
    });

    it('answers 404 problem+json for an id no event names', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/trace/${encodeURIComponent(lot('GHOST'))}` });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(res.json()).toMatchObject({ type: 'epcisException:NoSuchResourceException', code: 'unit_not_found', status: 404 });
    });

    it('answers 400 naming the identifier when a Digital Link has a wrong check digit', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/trace/${encodeURIComponent('https://id.gs1.org/01/06901234123457/10/MEAL')}` });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_identifier', detail: 'GTIN 06901234123457 has check digit 7, expected 6' });
    });

    it('refuses an unknown direction and an unknown query parameter', async () => {
      const direction = await t.app.inject({ method: 'GET', url: `/api/v1/trace/${encodeURIComponent(lot('MEAL'))}?direction=sideways` });
      expect(direction.statusCode).toBe(400);
      const unknown = await t.app.inject({ method: 'GET', url: `/api/v1/trace/${encodeURIComponent(lot('MEAL'))}?depth=3` });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ code: 'unknown_query_parameter' });
    });
  });

  describe(`trace code routes (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect);
    });
    afterEach(() => t.close());

    it('issues codes for a lot that resolve to their unit and trace back through the lot', async () => {
      await t.app.inject({ method: 'POST', url: '/epcis/v2/capture', headers: t.auth, payload: documentOf([commission(0, [q(lot('L9'), 10)])]) });
      const issued = await t.app.inject({ method: 'POST', url: '/api/v1/codes', headers: t.auth, payload: { count: 3, lot: lot('L9'), product: '海南芒果 Hainan mango' } });
      expect(issued.statusCode).toBe(201);
      const { codes } = issued.json();
      expect(codes).toHaveLength(3);
      expect(new Set(codes.map((c: { code: string }) => c.code)).size).toBe(3);
      const [first] = codes;
      expect(first.code).toMatch(/^460100[0-9A-HJKMNP-TV-Z]{14}$/);
      expect(first.url).toBe(`https://trace.example.cn/t/${first.code}`);
      expect(first.unit).toBe(`urn:zhuisu:code:${first.code}`);

      const resolved = await t.app.inject({ method: 'GET', url: `/api/v1/codes/${first.display.toLowerCase()}` });
      expect(resolved.statusCode).toBe(200);
      expect(resolved.json()).toMatchObject({ code: first.code, lot: lot('L9'), product: '海南芒果 Hainan mango' });

      const traced = await t.app.inject({ method: 'GET', url: `/api/v1/trace/${first.code}?direction=backward` });
      expect(traced.statusCode).toBe(200);
      expect(traced.json().edges).toEqual([{ from: lot('L9'), to: first.unit, type: 'member' }]);
    });

    it('tells a mistyped code from an unregistered one', async () => {
      const issued = await t.app.inject({ method: 'POST', url: '/api/v1/codes', headers: t.auth, payload: { count: 1 } });
      const { code } = issued.json().codes[0];
      const last = code.at(-1) === '0' ? '1' : '0';
      const mistyped = await t.app.inject({ method: 'GET', url: `/api/v1/codes/${code.slice(0, -1)}${last}` });
      expect(mistyped.statusCode).toBe(400);
      expect(mistyped.json().code).toBe('invalid_identifier');
    });

    it('requires the administrator token to issue codes and refuses a count out of range', async () => {
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/codes', payload: { count: 1 } })).statusCode).toBe(401);
      const tooMany = await t.app.inject({ method: 'POST', url: '/api/v1/codes', headers: t.auth, payload: { count: MAX_CODES_PER_ISSUE + 1 } });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().detail).toContain('count');
    });
  });
}
