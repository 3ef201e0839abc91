import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/domain/event.js';
import {
  allEvents,
  epcisDocument,
  eventListOf,
  expectProblem,
  jsonBody,
  objectOf,
  postCapture,
  queryEvents,
  stringOf,
} from '../support/api-requests.js';
import { WEB_APP_PAGES } from '../../src/api/plugins/web-app.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-db.js';

const CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'];
const FIRST_BATCH_AT = '2026-02-01T00:00:00.000Z';
const SECOND_BATCH_AT = '2026-02-02T00:00:00.000Z';
const HASH_ID = /^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/;
const NOT_FOUND = 'epcisException:NoSuchResourceException';

const SGTIN_2017 = 'urn:epc:id:sgtin:0614141.107346.2017';
// The same item as SGTIN_2017, spelt as a GS1 Digital Link (GTIN-14 10614141073464).
const SGTIN_2017_DL = 'https://id.gs1.org/01/10614141073464/21/2017';
const SGTIN_2018 = 'urn:epc:id:sgtin:0614141.107346.2018';
const SGTIN_2019 = 'urn:epc:id:sgtin:0614141.107346.2019';
const SSCC = 'urn:epc:id:sscc:0614141.1234567890';
const GIAI = 'urn:epc:id:giai:4012345.ASSET1';
const RAW = 'urn:epc:id:sgtin:4012345.011111.1';
const PRODUCT = 'urn:epc:id:sgtin:4012345.033333.A1';
const DOCK = 'urn:epc:id:sgln:0614141.07346.1234';
// The same location as DOCK, spelt as a GS1 Digital Link (GLN 0614141073467, extension 1234).
const DOCK_DL = 'https://id.gs1.org/414/0614141073467/254/1234';
const WAREHOUSE = 'urn:epc:id:sgln:0614141.07346.0';
const GATE = 'urn:epc:id:sgln:4012345.00001.0';
const MINCE_LOT = 'urn:epc:class:lgtin:4012345.012345.998877';
// The same lot as MINCE_LOT, spelt as a GS1 Digital Link (GTIN-14 04012345123456, batch 998877).
const MINCE_LOT_DL = 'https://id.gs1.org/01/04012345123456/10/998877';

const id = (n: number) => `urn:uuid:00000000-0000-4000-8000-00000000000${n}`;

// A small ledger where each query parameter singles out known events. E1–E4 are captured first, E5–E8 a day later.
const FIXTURE_FIRST: JsonObject[] = [
  { type: 'ObjectEvent', eventID: id(1), eventTime: '2026-01-10T08:00:00.000+08:00', eventTimeZoneOffset: '+08:00', action: 'ADD', epcList: [SGTIN_2017, SGTIN_2018], bizStep: 'commissioning', disposition: 'active', readPoint: { id: DOCK }, bizLocation: { id: WAREHOUSE } },
  { type: 'ObjectEvent', eventID: id(2), eventTime: '2026-01-11T08:00:00.000+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', epcList: [SGTIN_2017_DL], bizStep: 'shipping', disposition: 'in_transit', readPoint: { id: GATE } },
  { type: 'AggregationEvent', eventID: id(3), eventTime: '2026-01-12T08:00:00.000+08:00', eventTimeZoneOffset: '+08:00', action: 'ADD', parentID: SSCC, childEPCs: [SGTIN_2017, SGTIN_2018], bizStep: 'packing', readPoint: { id: DOCK } },
  { type: 'TransactionEvent', eventID: id(4), eventTime: '2026-01-13T08:00:00.000+08:00', eventTimeZoneOffset: '+08:00', action: 'ADD', epcList: [RAW], bizStep: 'receiving', bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:4012345000009:PO-1' }], bizLocation: { id: GATE } },
];
const FIXTURE_SECOND: JsonObject[] = [
  { type: 'TransformationEvent', eventID: id(5), eventTime: '2026-01-14T08:00:00.000+08:00', eventTimeZoneOffset: '+08:00', inputEPCList: [RAW], inputQuantityList: [{ epcClass: MINCE_LOT, quantity: 50, uom: 'KGM' }], outputEPCList: [PRODUCT], bizStep: 'commissioning' },
  { type: 'AssociationEvent', eventID: id(6), eventTime: '2026-01-15T08:00:00.000+08:00', eventTimeZoneOffset: '+08:00', action: 'ADD', parentID: GIAI, childEPCs: [PRODUCT], bizStep: 'assembling' },
  { type: 'ObjectEvent', eventID: id(7), eventTime: '2026-01-16T08:00:00.000+08:00', eventTimeZoneOffset: '+08:00', action: 'DELETE', epcList: [SGTIN_2019], bizStep: 'destroying', disposition: 'destroyed' },
  { type: 'ObjectEvent', eventID: id(8), eventTime: '2026-01-17T08:00:00.000+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', quantityList: [{ epcClass: MINCE_LOT_DL, quantity: 200, uom: 'KGM' }], bizStep: 'storing' },
];

const oneEvent = (fields: JsonObject = {}): JsonObject => ({
  '@context': CONTEXT,
  type: 'ObjectEvent',
  eventTime: '2026-03-01T09:30:00.000+08:00',
  eventTimeZoneOffset: '+08:00',
  action: 'OBSERVE',
  epcList: [SGTIN_2017],
  bizStep: 'inspecting',
  ...fields,
});

/** The routes a Fastify `printRoutes({ commonPrefix: false })` tree lists, as method and URL. */
function routesOf(tree: string): Array<{ method: string; url: string }> {
  const stack: string[] = [];
  const routes: Array<{ method: string; url: string }> = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match?.[2]) continue;
    stack.length = (match[1] ?? '').length / 4;
    const url = stack.join('') + match[2];
    stack.push(match[2]);
    for (const method of (match[3] ?? '').split(', ').filter((m) => m !== '')) routes.push({ method, url });
  }
  return routes;
}

/** The IRI a `prefix:name` key stands for under a response @context of the standard context plus one prefix object. */
function resolveKey(key: string, context: unknown): string {
  const colon = key.indexOf(':');
  if (key.startsWith('//', colon + 1)) return key;
  const declared = Array.isArray(context) ? context.find((part): part is JsonObject => typeof part === 'object' && part !== null) : undefined;
  const namespace = declared?.[key.slice(0, colon)];
  return typeof namespace === 'string' ? namespace + key.slice(colon + 1) : key;
}

/** An OpenAPI path for a Fastify URL: `:param` → `{param}`, no trailing slash. */
function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1');
}

for (const dialect of testDialects()) {
  describe(`EPCIS capture endpoints (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect, { now: () => new Date(FIRST_BATCH_AT) });
    });
    afterEach(() => t.close());

    it('answers POST /capture with 202, a Location and a finished, successful capture job', async () => {
      const res = await postCapture(t, epcisDocument(FIXTURE_FIRST));
      expect(res.statusCode).toBe(202);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const job = jsonBody(res);
      expect(job).toEqual({
        captureID: expect.stringMatching(/^[0-9a-f-]{36}$/),
        createdAt: FIRST_BATCH_AT,
        finishedAt: FIRST_BATCH_AT,
        running: false,
        success: true,
        captureErrorBehaviour: 'rollback',
        errors: [],
        eventCount: 4,
        storedCount: 4,
      });
      expect(res.headers.location).toBe(`/epcis/v2/capture/${stringOf(job.captureID, 'captureID')}`);
    });

    it('reports a capture job at its Location, counting only events new to the ledger', async () => {
      await postCapture(t, epcisDocument(FIXTURE_FIRST));
      const again = await postCapture(t, epcisDocument([...FIXTURE_FIRST.slice(0, 2), ...FIXTURE_SECOND.slice(0, 1)]));
      const jobRes = await t.app.inject({ method: 'GET', headers: t.auth, url: stringOf(again.headers.location, 'Location') });
      expect(jobRes.statusCode).toBe(200);
      expect(jsonBody(jobRes)).toMatchObject({ captureID: jsonBody(again).captureID, running: false, success: true, eventCount: 3, storedCount: 1 });
    });

    it('answers GET /capture/{id} for an unknown job with 404 problem+json', async () => {
      const problem = expectProblem(await t.app.inject({ method: 'GET', headers: t.auth, url: '/epcis/v2/capture/no-such-job' }), 404, NOT_FOUND);
      expect(problem.detail).toBe('no capture job no-such-job');
    });

    it('answers POST /events with 201 and a Location, and stores the same event sent again only once (200)', async () => {
      const event = oneEvent({ eventID: id(8) });
      const first = await t.app.inject({ method: 'POST', url: '/epcis/v2/events', headers: t.auth, payload: event });
      expect(first.statusCode).toBe(201);
      expect(first.headers.location).toBe(`/epcis/v2/events/${encodeURIComponent(id(8))}`);
      expect(jsonBody(first)).toMatchObject({ '@context': CONTEXT, eventID: id(8), recordTime: FIRST_BATCH_AT });
      const second = await t.app.inject({ method: 'POST', url: '/epcis/v2/events', headers: t.auth, payload: event });
      expect(second.statusCode).toBe(200);
      expect(second.headers.location).toBe(first.headers.location);
      expect(await allEvents(t)).toHaveLength(1);
    });

    it('sets recordTime itself even when the client sends one', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/epcis/v2/events', headers: t.auth, payload: oneEvent({ eventID: id(9), recordTime: '2001-01-01T00:00:00.000Z' }) });
      expect(res.statusCode).toBe(201);
      expect(jsonBody(res).recordTime).toBe(FIRST_BATCH_AT);
      const [stored] = await allEvents(t);
      expect(stored?.recordTime).toBe(FIRST_BATCH_AT);
    });

    it('gives an event sent without eventID its CBV 2.0 hash id, and stores it once when sent again', async () => {
      const first = await t.app.inject({ method: 'POST', url: '/epcis/v2/events', headers: t.auth, payload: oneEvent() });
      expect(first.statusCode).toBe(201);
      const eventId = stringOf(jsonBody(first).eventID, 'eventID');
      expect(eventId).toMatch(HASH_ID);
      expect(first.headers.location).toBe(`/epcis/v2/events/${encodeURIComponent(eventId)}`);
      const again = await t.app.inject({ method: 'POST', url: '/epcis/v2/events', headers: t.auth, payload: oneEvent() });
      expect(again.statusCode).toBe(200);
      expect(jsonBody(again).eventID).toBe(eventId);
      expect(await allEvents(t)).toHaveLength(1);
    });

    it('returns one event at GET /events/{eventID}, with an ni:/// id URL-encoded in the path', async () => {
      const created = await t.app.inject({ method: 'POST', url: '/epcis/v2/events', headers: t.auth, payload: oneEvent() });
      const eventId = stringOf(jsonBody(created).eventID, 'eventID');
      const res = await t.app.inject({ method: 'GET', headers: t.auth, url: `/epcis/v2/events/${encodeURIComponent(eventId)}` });
      expect(res.statusCode).toBe(200);
      const { '@context': context, ...event } = oneEvent();
      expect(jsonBody(res)).toEqual({ '@context': context, ...event, eventID: eventId, recordTime: FIRST_BATCH_AT });
    });

    it('answers GET /events/{eventID} for an unknown id with 404 problem+json', async () => {
      const unknown = 'ni:///sha-256;0000000000000000000000000000000000000000000000000000000000000000?ver=CBV2.0';
      const problem = expectProblem(await t.app.inject({ method: 'GET', headers: t.auth, url: `/epcis/v2/events/${encodeURIComponent(unknown)}` }), 404, NOT_FOUND);
      expect(problem.detail).toBe(`no event with eventID ${unknown}`);
    });

    it('lists the five EPCIS event types at GET /eventTypes', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/epcis/v2/eventTypes' });
      expect(res.statusCode).toBe(200);
      expect(jsonBody(res)).toEqual({
        '@context': CONTEXT,
        type: 'Collection',
        member: ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'],
      });
    });

    it('records a correction as a new event plus an error declaration, updating and deleting no event row', async () => {
      const wrong = { ...FIXTURE_FIRST[1], eventID: id(2) };
      expect((await postCapture(t, epcisDocument([wrong]))).statusCode).toBe(202);
      const before = await t.db.selectFrom('event').select(['eventId', 'body', 'recordTime', 'seq']).orderBy('seq').execute();
      expect(before).toHaveLength(1);

      const corrected = { ...wrong, eventID: id(8), disposition: 'in_progress' };
      const declaration = { declarationTime: '2026-02-03T10:00:00.000+08:00', reason: 'incorrect_data', correctiveEventIDs: [id(8)] };
      const res = await postCapture(t, epcisDocument([corrected, { ...wrong, errorDeclaration: declaration }]));
      expect(res.statusCode).toBe(202);
      expect(jsonBody(res)).toMatchObject({ eventCount: 2, storedCount: 1 });

      const after = await t.db.selectFrom('event').select(['eventId', 'body', 'recordTime', 'seq']).orderBy('seq').execute();
      expect(after).toHaveLength(2);
      expect(after[0]).toEqual(before[0]);
      expect(after[1]?.eventId).toBe(id(8));

      const old = jsonBody(await t.app.inject({ method: 'GET', headers: t.auth, url: `/epcis/v2/events/${encodeURIComponent(id(2))}` }));
      expect(old).toEqual({ '@context': CONTEXT, ...wrong, recordTime: FIRST_BATCH_AT, errorDeclaration: declaration });
      const { events } = await queryEvents(t, { EQ_eventID: id(8) });
      expect(events).toEqual([{ ...corrected, recordTime: FIRST_BATCH_AT }]);
    });

    it('keeps the meaning of an extension field in an error declaration sent under other prefixes than the event', async () => {
      const original = { ...FIXTURE_FIRST[0], 'ex:lot': 'L1' };
      expect((await postCapture(t, epcisDocument([original], [...CONTEXT, { ex: 'https://a.example.com/' }]))).statusCode).toBe(202);
      const declaration = { declarationTime: '2026-02-03T10:00:00.000+08:00', reason: 'did_not_occur', 'ex:why': 'scanned twice' };
      const declared = epcisDocument([{ ...original, errorDeclaration: declaration }], [...CONTEXT, { ex: 'https://b.example.com/' }]);
      expect((await postCapture(t, declared)).statusCode).toBe(202);

      const event = jsonBody(await t.app.inject({ method: 'GET', headers: t.auth, url: `/epcis/v2/events/${encodeURIComponent(id(1))}` }));
      const resolve = (key: string) => resolveKey(key, event['@context']);
      expect(Object.keys(event).filter((k) => k.includes(':')).map(resolve)).toEqual(['https://a.example.com/lot']);
      const keys = Object.keys(objectOf(event.errorDeclaration, 'errorDeclaration'));
      expect(keys.filter((k) => k.includes(':')).map(resolve)).toEqual(['https://b.example.com/why']);
    });
  });

  describe(`EPCIS event query parameters (${dialect})`, () => {
    let t: TestApp;
    let clock = new Date(FIRST_BATCH_AT);
    beforeEach(async () => {
      clock = new Date(FIRST_BATCH_AT);
      t = await buildTestApp(dialect, { now: () => clock });
      expect((await postCapture(t, epcisDocument(FIXTURE_FIRST))).statusCode).toBe(202);
      clock = new Date(SECOND_BATCH_AT);
      expect((await postCapture(t, epcisDocument(FIXTURE_SECOND))).statusCode).toBe(202);
    });
    afterEach(() => t.close());

    const idsFor = async (params: Record<string, string>) => (await queryEvents(t, params)).events.map((e) => e.eventID);

    const cases: Array<[string, Record<string, string>, number[]]> = [
      ['eventType', { eventType: 'ObjectEvent' }, [1, 2, 7, 8]],
      ['eventType with |-separated alternatives', { eventType: 'AggregationEvent|TransformationEvent' }, [3, 5]],
      ['GE_eventTime (inclusive, any offset)', { GE_eventTime: '2026-01-14T00:00:00Z' }, [5, 6, 7, 8]],
      ['LT_eventTime (exclusive)', { LT_eventTime: '2026-01-12T08:00:00+08:00' }, [1, 2]],
      ['GE_eventTime with LT_eventTime', { GE_eventTime: '2026-01-11T08:00:00+08:00', LT_eventTime: '2026-01-13T00:00:00Z' }, [2, 3]],
      ['GE_recordTime', { GE_recordTime: SECOND_BATCH_AT }, [5, 6, 7, 8]],
      ['LT_recordTime', { LT_recordTime: SECOND_BATCH_AT }, [1, 2, 3, 4]],
      ['EQ_bizStep as a bare CBV word', { EQ_bizStep: 'shipping' }, [2]],
      ['EQ_bizStep as a GS1 web URI', { EQ_bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping' }, [2]],
      ['EQ_bizStep as an urn:epcglobal URI', { EQ_bizStep: 'urn:epcglobal:cbv:bizstep:shipping' }, [2]],
      ['EQ_bizStep with alternatives', { EQ_bizStep: 'commissioning|assembling' }, [1, 5, 6]],
      ['EQ_disposition', { EQ_disposition: 'in_transit|urn:epcglobal:cbv:disp:destroyed' }, [2, 7]],
      ['EQ_action', { EQ_action: 'DELETE' }, [7]],
      ['EQ_action with alternatives', { EQ_action: 'OBSERVE|DELETE' }, [2, 7, 8]],
      ['EQ_readPoint', { EQ_readPoint: DOCK }, [1, 3]],
      ['EQ_readPoint in Digital Link spelling', { EQ_readPoint: DOCK_DL }, [1, 3]],
      ['EQ_bizLocation', { EQ_bizLocation: GATE }, [4]],
      ['MATCH_epc (epcList and childEPCs, either spelling as captured)', { MATCH_epc: SGTIN_2017 }, [1, 2, 3]],
      ['MATCH_epc in Digital Link spelling', { MATCH_epc: SGTIN_2017_DL }, [1, 2, 3]],
      ['MATCH_epc with an EPC pattern', { MATCH_epc: 'urn:epc:idpat:sgtin:0614141.107346.*' }, [1, 2, 3, 7]],
      ['MATCH_anyEPC (every EPC field)', { MATCH_anyEPC: `${SSCC}|${RAW}` }, [3, 4, 5]],
      ['MATCH_parentID', { MATCH_parentID: `${SSCC}|${GIAI}` }, [3, 6]],
      ['MATCH_inputEPC', { MATCH_inputEPC: RAW }, [5]],
      ['MATCH_outputEPC', { MATCH_outputEPC: PRODUCT }, [5]],
      ['MATCH_epcClass (quantityList and childQuantityList)', { MATCH_epcClass: MINCE_LOT }, [8]],
      ['MATCH_epcClass in Digital Link spelling', { MATCH_epcClass: MINCE_LOT_DL }, [8]],
      ['MATCH_anyEPCClass (every quantity list)', { MATCH_anyEPCClass: MINCE_LOT }, [5, 8]],
      ['EQ_eventID', { EQ_eventID: `${id(1)}|${id(4)}` }, [1, 4]],
      ['several parameters together (AND)', { eventType: 'ObjectEvent', MATCH_epc: SGTIN_2017, EQ_readPoint: DOCK }, [1]],
    ];
    for (const [what, params, expected] of cases) {
      it(`filters by ${what}`, async () => {
        expect(await idsFor(params)).toEqual(expected.map(id));
      });
    }

    it('returns every event in capture order when no parameter is given', async () => {
      expect(await idsFor({})).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map(id));
    });

    it('pages through all results with perPage and the Link header, without duplicates or gaps', async () => {
      const seen: unknown[] = [];
      let url: string | undefined = '/epcis/v2/events?perPage=2';
      let pages = 0;
      while (url !== undefined) {
        const res: LightMyRequestResponse = await t.app.inject({ method: 'GET', headers: t.auth, url });
        expect(res.statusCode).toBe(200);
        const page = eventListOf(jsonBody(res));
        expect(page.length).toBeLessThanOrEqual(2);
        seen.push(...page.map((e) => e.eventID));
        pages += 1;
        const link: unknown = res.headers.link;
        url = typeof link === 'string' ? /^<([^>]+)>; rel="next"$/.exec(link)?.[1] : undefined;
        if (typeof link === 'string') expect(url).toMatch(/^\/epcis\/v2\/events\?perPage=2&nextPageToken=[\w-]+$/);
      }
      // Eight events, two a page: the fourth page is full and is the last, with no Link to an empty fifth.
      expect(pages).toBe(4);
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map(id));
    });

    it('keeps the filters on every next page', async () => {
      const first = await t.app.inject({ method: 'GET', headers: t.auth, url: '/epcis/v2/events?eventType=ObjectEvent&perPage=2' });
      expect(eventListOf(jsonBody(first)).map((e) => e.eventID)).toEqual([id(1), id(2)]);
      const next = /^<([^>]+)>; rel="next"$/.exec(stringOf(first.headers.link, 'Link'))?.[1];
      expect(next).toMatch(/^\/epcis\/v2\/events\?eventType=ObjectEvent&perPage=2&nextPageToken=/);
      const second = await t.app.inject({ method: 'GET', headers: t.auth, url: stringOf(next, 'next page') });
      expect(eventListOf(jsonBody(second)).map((e) => e.eventID)).toEqual([id(7), id(8)]);
      expect(second.headers.link).toBeUndefined();
    });

    it('answers in an EPCISQueryDocument with the standard context', async () => {
      const res = await t.app.inject({ method: 'GET', headers: t.auth, url: `/epcis/v2/events?EQ_eventID=${encodeURIComponent(id(1))}` });
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(jsonBody(res)).toEqual({
        '@context': CONTEXT,
        type: 'EPCISQueryDocument',
        schemaVersion: '2.0',
        creationDate: SECOND_BATCH_AT,
        epcisBody: { queryResults: { queryName: 'SimpleEventQuery', resultsBody: { eventList: [{ ...FIXTURE_FIRST[0], recordTime: FIRST_BATCH_AT }] } } },
      });
    });
  });

  describe(`API description (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect);
    });
    afterEach(() => t.close());

    it('serves an OpenAPI 3 document at /openapi.json that lists every registered route', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
      expect(res.statusCode).toBe(200);
      const spec = jsonBody(res);
      expect(spec.openapi).toMatch(/^3\.\d+\.\d+$/);
      const paths = objectOf(spec.paths, 'paths');
      const documented = new Set(
        Object.entries(paths).flatMap(([path, operations]) => Object.keys(objectOf(operations, path)).map((m) => `${m.toUpperCase()} ${openApiPath(path)}`)),
      );
      const registered = new Set(
        routesOf(t.app.printRoutes({ commonPrefix: false }))
          // HEAD mirrors GET; the documentation itself (Swagger UI under /docs, this document) and the web app's pages
          // (HTML for a browser, which then reads the documented API) are not part of the API. The route tree prints a
          // wildcard page such as /app/* as /app*.
          .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/docs') && r.url !== '/openapi.json')
          .filter((r) => !WEB_APP_PAGES.some((page) => r.url === page.replace('/*', '*')))
          .map((r) => `${r.method} ${openApiPath(r.url)}`),
      );
      expect(registered.size).toBeGreaterThanOrEqual(10);
      expect([...documented].sort()).toEqual([...registered].sort());
    });

    it('serves the API documentation as an HTML page at /docs', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/docs' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('<!DOCTYPE html>');
    });
  });
}
