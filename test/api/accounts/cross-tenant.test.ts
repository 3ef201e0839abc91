import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordResult } from '../../../src/capture/records/record-capture.js';
import { drugChain } from '../../../src/demo/chains/drug.js';
import { RECORD_CONTEXT } from '../../../src/domain/sectors/record-events.js';
import { eventListOf, jsonBody } from '../../support/api-requests.js';
import { replayChain } from '../../support/replay-chain.js';
import { buildTestApp, type TestApp } from '../../support/test-app.js';
import { testDialects } from '../../support/test-db.js';
import { csvOf, stageOf } from '../../capture/import/import-fixtures.js';

// The demo drug chain: 0 production (maker), 1 distribution maker → wholesaler, 2 receipt by the wholesaler,
// 3 distribution wholesaler → hospital, 4 receipt by the hospital, 5 dispensing by the hospital.
const [MAKER, WHOLESALER, HOSPITAL] = drugChain.parties.map((p) => p.uscc) as [string, string, string];
const SEES = { [MAKER]: [0, 1, 2], [WHOLESALER]: [1, 2, 3, 4], [HOSPITAL]: [3, 4, 5] };

type Headers = Record<string, string>;

for (const dialect of testDialects()) {
  describe(`what each role sees of the ledger (${dialect})`, () => {
    let t: TestApp;
    let results: RecordResult[];
    const as: Record<string, Headers> = {};
    const eventIdsOf = (records: number[]) => records.map((i) => results[i]?.eventId ?? '').sort();
    const dispensedCode = () => results[5]?.units[0] ?? '';
    const lotOfChain = () => results[0]?.units.find((u) => u.startsWith('urn:zhuisu:lot:')) ?? '';

    const issue = async (name: string, scope: Record<string, unknown>): Promise<Headers> => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.auth, payload: { name, ...scope } });
      expect(res.statusCode, res.body).toBe(201);
      return { authorization: `Bearer ${res.json().token}` };
    };
    const get = (url: string, headers: Headers = {}) => t.app.inject({ method: 'GET', url, headers });
    const queried = async (headers: Headers, params = 'perPage=1000') => {
      const res = await get(`/epcis/v2/events?${params}`, headers);
      expect(res.statusCode, res.body).toBe(200);
      return eventListOf(jsonBody(res)).map((e) => String(e.eventID)).sort();
    };

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      results = await replayChain(t.app, t.auth, drugChain);
      for (const party of [MAKER, WHOLESALER, HOSPITAL]) as[party] = await issue(`ERP ${party}`, { role: 'enterprise_operator', enterprise: party });
      as.hainan = await issue('海南省药监局', { role: 'regulator', region: '460000', sectors: ['drug'] });
      as.haikou = await issue('海口市市场监管局', { role: 'regulator', region: '460100', sectors: [] });
      as.sanya = await issue('三亚市市场监管局', { role: 'regulator', region: '460200', sectors: [] });
      as.hainanFood = await issue('海南省农业农村厅', { role: 'regulator', region: '460000', sectors: ['edible-agri'] });
    });
    afterAll(() => t.close());

    it('lets each enterprise query its own events and those naming it as source or destination, and no other', async () => {
      for (const party of [MAKER, WHOLESALER, HOSPITAL]) {
        expect({ party, events: await queried(as[party] ?? {}) }).toEqual({ party, events: eventIdsOf(SEES[party] ?? []) });
      }
    });

    it('answers a query naming another enterprise’s unit with only the events the asker may see', async () => {
      const code = dispensedCode();
      expect(await queried(as[MAKER] ?? {}, `MATCH_epc=${encodeURIComponent(code)}`)).toEqual(eventIdsOf([0, 1, 2]));
      expect(await queried(as[MAKER] ?? {}, `EQ_eventID=${encodeURIComponent(results[5]?.eventId ?? '')}`)).toEqual([]);
      expect(await queried(as[MAKER] ?? {}, 'EQ_bizStep=retail_selling')).toEqual([]);
    });

    it('answers 404 to an enterprise asking for another’s event or record by its id, as for one that does not exist', async () => {
      const event = await get(`/epcis/v2/events/${encodeURIComponent(results[5]?.eventId ?? '')}`, as[MAKER]);
      expect(event.statusCode).toBe(404);
      const record = await get(`/api/v1/records/${results[0]?.recordId ?? ''}`, as[HOSPITAL]);
      expect(record.statusCode).toBe(404);
      expect((await get(`/api/v1/records/${results[0]?.recordId ?? ''}`, as[MAKER])).statusCode).toBe(200);
    });

    it('lets a regulator see everything of its region and sectors, and nothing outside them', async () => {
      const all = eventIdsOf([0, 1, 2, 3, 4, 5]);
      expect(await queried(as.hainan ?? {})).toEqual(all);
      // A city sees its districts: the hospital is in Longhua (460106), a district of Haikou.
      expect(await queried(as.haikou ?? {})).toEqual(all);
      expect(await queried(as.sanya ?? {})).toEqual([]);
      expect(await queried(as.hainanFood ?? {})).toEqual([]);
    });

    it('traces backward for the hospital up to what it may see, and names the units whose chain goes on out of its sight', async () => {
      const res = await get(`/api/v1/trace/${encodeURIComponent(dispensedCode())}?direction=backward`, as[HOSPITAL]);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.events.map((e: { eventId: string }) => e.eventId).sort()).toEqual(eventIdsOf([3, 4, 5]));
      expect(body.visibility.sight).toBe('enterprise');
      expect(body.visibility.outOfSight).toContain(dispensedCode());
      expect(body.visibility.forwardWithheld).toBe(false);
    });

    it('traces the whole chain for the regulator of the region, with nothing out of its sight', async () => {
      const res = await get(`/api/v1/trace/${encodeURIComponent(dispensedCode())}?direction=backward`, as.hainan);
      const body = res.json();
      expect(body.events.map((e: { eventId: string }) => e.eventId).sort()).toEqual(eventIdsOf([0, 1, 2, 3, 4, 5]));
      expect(body.visibility).toEqual({ sight: 'jurisdiction', outOfSight: [], forwardWithheld: false });
    });

    it('answers 404 to a regulator tracing a unit outside its region, as for a unit no event names', async () => {
      const res = await get(`/api/v1/trace/${encodeURIComponent(dispensedCode())}`, as.sanya);
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toBe(`没有您可查看的事件记载${dispensedCode()} / no event that you may see names ${dispensedCode()}`);
    });

    it('shows the public the product’s story backward, without customers, quantities, documents or private elements', async () => {
      const res = await get(`/api/v1/trace/${encodeURIComponent(dispensedCode())}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.visibility).toEqual({ sight: 'public', outOfSight: [], forwardWithheld: true });
      expect(body.events.map((e: { eventId: string }) => e.eventId).sort()).toEqual(eventIdsOf([0, 1, 2, 3, 4, 5]));
      expect(body.parties).toEqual([]);
      for (const event of body.events) {
        expect(event.sources).toEqual([]);
        expect(event.destinations).toEqual([]);
        expect(event.bizTransactions).toEqual([]);
        // A lot is read without its amount; an item is one item.
        for (const unit of event.units) expect(unit.quantity).toBe(unit.id === lotOfChain() ? undefined : 1);
      }
      expect(body.events.map((e: { recordedBy: string }) => e.recordedBy)).toEqual([MAKER, MAKER, WHOLESALER, WHOLESALER, HOSPITAL, HOSPITAL]);
      const text = res.body;
      for (const secret of ['SH-YL-2603050017', 'KD-PS-260309-0042', 'MZ20260312-00871', '林晓燕', 'BPR-20260301']) expect(text).not.toContain(secret);
    });

    it('refuses the public a forward trace: where products went names customers', async () => {
      const res = await get(`/api/v1/trace/${encodeURIComponent(results[0]?.units[0] ?? '')}?direction=forward`);
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toContain('sign in to trace where products went');
    });

    it('gives each reader of a shipment only the fields of its circle', async () => {
      const url = `/epcis/v2/events/${encodeURIComponent(results[1]?.eventId ?? '')}`;
      const owner = jsonBody(await get(url, as[MAKER]));
      expect(owner['zhuisu:invoiceNumber']).toBe('SH-YL-2603050017');
      expect(owner['zhuisu:transportTemperature']).toBe(18);
      expect(owner.bizTransactionList).toEqual([{ type: 'desadv', bizTransaction: 'urn:zhuisu:doc:desadv:SH-YL-2603050017' }]);
      // The wholesaler is the shipment's destination: it reads who, what and how much, not the maker's own elements.
      const party = jsonBody(await get(url, as[WHOLESALER]));
      expect(party['zhuisu:invoiceNumber']).toBeUndefined();
      expect(party['zhuisu:transportTemperature']).toBeUndefined();
      expect(party.bizTransactionList).toEqual([]);
      expect(party.destinationList).toEqual(owner.destinationList);
      expect(party.quantityList).toEqual(owner.quantityList);
      expect(party['zhuisu:counterpart']).toBe(WHOLESALER);
      // The regulator reads the elements classed for regulators, not those the profile keeps for the owner.
      const regulator = jsonBody(await get(url, as.hainan));
      expect(regulator['zhuisu:transportTemperature']).toBe(18);
      expect(regulator['zhuisu:invoiceNumber']).toBeUndefined();
      expect(regulator['zhuisu:party']).toBe(MAKER);
    });

    it('lets only the enterprise that sent a capture read its job', async () => {
      const doc = { '@context': RECORD_CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-20T00:00:00Z', epcisBody: { eventList: [{
        type: 'ObjectEvent', eventTime: '2026-03-20T08:00:00+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', bizStep: 'inspecting',
        epcList: [dispensedCode()],
      }] } };
      const sent = await t.app.inject({ method: 'POST', url: '/epcis/v2/capture', headers: { ...as[HOSPITAL], 'content-type': 'application/ld+json' }, payload: doc });
      expect(sent.statusCode, sent.body).toBe(202);
      const location = sent.headers.location ?? '';
      expect((await get(location, as[HOSPITAL])).statusCode).toBe(200);
      expect((await get(location, as[MAKER])).statusCode).toBe(404);
      expect((await get(location)).statusCode).toBe(401);
      // The hospital recorded it: it is the hospital's event, placed in the hospital's registered region and sector.
      const row = await t.db.selectFrom('event').select(['recorder', 'region', 'sector']).where('captureId', '=', sent.json().captureID).executeTakeFirstOrThrow();
      expect(row).toEqual({ recorder: HOSPITAL, region: '460106', sector: 'drug' });
    });

    it('refuses a capture in which an enterprise records for another one, and stores none of its events', async () => {
      const before = await t.db.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const doc = { '@context': RECORD_CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-20T00:00:00Z', epcisBody: { eventList: [
        { type: 'ObjectEvent', eventTime: '2026-03-21T08:00:00+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', bizStep: 'inspecting', epcList: [dispensedCode()] },
        { type: 'ObjectEvent', eventTime: '2026-03-21T09:00:00+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', bizStep: 'inspecting', epcList: [dispensedCode()], 'zhuisu:party': MAKER },
      ] } };
      const res = await t.app.inject({ method: 'POST', url: '/epcis/v2/capture', headers: { ...as[HOSPITAL], 'content-type': 'application/ld+json' }, payload: doc });
      expect(res.statusCode).toBe(403);
      expect(res.json().errors).toEqual([{ index: 1, field: 'zhuisu:party', reason: `只能记录本企业（${HOSPITAL}）的事件，不能代${MAKER}记录 / you record for ${HOSPITAL} only, not for ${MAKER}` }]);
      const after = await t.db.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('refuses an error declaration on another enterprise’s event, and stores none', async () => {
      const doc = { '@context': RECORD_CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-20T00:00:00Z', epcisBody: { eventList: [{
        type: 'ObjectEvent', eventID: results[0]?.eventId, eventTime: '2026-03-01T16:30:00+08:00', eventTimeZoneOffset: '+08:00', action: 'ADD', bizStep: 'commissioning',
        epcList: [dispensedCode()], errorDeclaration: { declarationTime: '2026-03-20T08:00:00+08:00', reason: 'incorrect_data' },
      }] } };
      const res = await t.app.inject({ method: 'POST', url: '/epcis/v2/capture', headers: { ...as[HOSPITAL], 'content-type': 'application/ld+json' }, payload: doc });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().errors).toEqual([{ index: 0, field: 'errorDeclaration', reason: `只能更正本企业（${HOSPITAL}）记录的事件 / you may declare errors only in events that ${HOSPITAL} recorded` }]);
      expect(await t.db.selectFrom('eventErrorDeclaration').selectAll().execute()).toEqual([]);
      const byMaker = await t.app.inject({ method: 'POST', url: '/epcis/v2/capture', headers: { ...as[MAKER], 'content-type': 'application/ld+json' }, payload: doc });
      expect(byMaker.statusCode, byMaker.body).toBe(202);
      expect((await t.db.selectFrom('eventErrorDeclaration').select('eventId').execute()).map((d) => d.eventId)).toEqual([results[0]?.eventId]);
    });

    it('refuses an import with a row recorded for another enterprise, naming the row, and stores none of it', async () => {
      // Two boxes not sold yet: one at the hospital, one still at the wholesaler.
      const [atHospital, atWholesaler] = [(results[4]?.units ?? []).find((u) => u.includes(':drug:') && u !== dispensedCode()), (results[2]?.units ?? []).find((u) => u.includes(':drug:') && !results[4]?.units.includes(u))];
      const row = (party: string, codes: string | undefined, time: string) => ({ party, time, codes: codes ?? '' });
      const csv = csvOf(stageOf('drug', 'dispensing'), [row(HOSPITAL, atHospital, '2026-03-22T10:00:00+08:00'), row(MAKER, atWholesaler, '2026-03-22T11:00:00+08:00')]);
      const before = await t.db.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/records/import?sector=drug&stage=dispensing', headers: { ...as[HOSPITAL], 'content-type': 'text/csv' }, payload: csv });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors).toEqual([{ row: 3, column: '*追溯主体统一社会信用代码 (party)', field: 'party', reason: `只能为本企业（${HOSPITAL}）导入记录，不能代${MAKER}导入 / you import for ${HOSPITAL} only, not for ${MAKER}` }]);
      const after = await t.db.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('prints the labels of an issue of trace codes for the enterprise that issued it only', async () => {
      const issued = await t.app.inject({ method: 'POST', url: '/api/v1/codes', headers: as[HOSPITAL], payload: { count: 3, product: '院内制剂 hospital preparation' } });
      expect(issued.statusCode, issued.body).toBe(201);
      const { pdf, csv } = issued.json().labels;
      expect((await get(csv, as[HOSPITAL])).statusCode).toBe(200);
      expect((await get(pdf, t.auth)).statusCode).toBe(200);
      for (const url of [pdf, csv]) {
        const res = await get(url, as[MAKER]);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain(issued.json().codes[0].code);
      }
    });

    it('lets a regulator set quotas only for enterprises of its region, in its sectors', async () => {
      const quota = (reference: string) => ({ reference, sector: 'drug', periodStart: '2026-01-01', periodEnd: '2027-01-01', quantity: 1000, unit: '盒' });
      const post = (headers: Headers | undefined, reference: string) => t.app.inject({ method: 'POST', url: `/api/v1/parties/${WHOLESALER}/quotas`, headers: headers ?? {}, payload: quota(reference) });
      const outside = await post(as.sanya, 'SY-1');
      expect(outside.statusCode).toBe(403);
      expect(outside.json().detail).toBe(`${WHOLESALER}（460100，drug）不在您的辖区或行业内 / ${WHOLESALER} (460100, drug) is outside your region or sectors`);
      expect((await post(as.hainanFood, 'NY-1')).statusCode).toBe(403);
      expect((await post(as.hainan, 'HN-1')).statusCode).toBe(201);
      expect((await get(`/api/v1/parties/${WHOLESALER}/quotas`, as[WHOLESALER])).json().map((q: { reference: string }) => q.reference)).toEqual(['HN-1']);
    });

    it('shows an enterprise only its own quotas and a regulator only alerts of its region', async () => {
      expect((await get(`/api/v1/parties/${WHOLESALER}/quotas`, as[MAKER])).json()).toEqual([]);
      const alerts = await get('/api/v1/alerts', as.sanya);
      expect(alerts.statusCode).toBe(200);
      expect(alerts.json()).toEqual([]);
    });
  });
}
