import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isObject, type JsonObject } from '../../src/domain/event.js';
import {
  allEvents,
  epcisDocument,
  expectNoInternals,
  expectProblem,
  issueLocations,
  jsonBody,
  objectOf,
  postCapture,
} from '../support/api-requests.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-db.js';

// Requirement: malformed JSON, schema violations, unknown identifiers, wrong content type (415), bodies over the
// configured limit (413), a document with one bad event among good ones (400, none stored), unknown query parameters
// (400) and a trace of an unknown id (404) each get a precise problem+json. No request makes the server answer 500.

const VALIDATION = 'epcisException:ValidationException';
const QUERY = 'epcisException:QueryParameterException';
const SECURITY = 'epcisException:SecurityException';
const NOT_FOUND = 'epcisException:NoSuchResourceException';
const CONFORMANCE = '/work/shared/conformance/epcis/examples/jsonld';

const SGTIN = 'urn:epc:id:sgtin:0614141.107346.2017';
// GTIN 10614141073464 with its check digit changed from 4 to 5.
const BAD_CHECK_DIGIT = 'https://id.gs1.org/01/10614141073465/21/2017';

function goodEvent(n: number, fields: JsonObject = {}): JsonObject {
  return {
    type: 'ObjectEvent',
    eventID: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    eventTime: '2026-03-01T09:30:00.000+08:00',
    eventTimeZoneOffset: '+08:00',
    action: 'OBSERVE',
    epcList: [`urn:epc:id:sgtin:0614141.107346.${n}`],
    bizStep: 'inspecting',
    ...fields,
  };
}

function capture(t: TestApp, payload: string, contentType = 'application/ld+json'): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/epcis/v2/capture', headers: { ...t.auth, 'content-type': contentType }, payload });
}

/** A document's JSON text with `"DEEP"` replaced by `levels` nested objects. */
function nestedText(levels: number): string {
  const doc = epcisDocument([goodEvent(1, { 'example:deep': 'DEEP' })], ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'https://ns.example.com/' }]);
  return JSON.stringify(doc).replace('"DEEP"', `${'{"example:n":'.repeat(levels)}1${'}'.repeat(levels)}`);
}

for (const dialect of testDialects()) {
  describe(`bad capture requests (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect, { bodyLimit: 256 * 1024 });
    });
    afterEach(() => t.close());

    it('refuses malformed JSON with 400 and says the body is not JSON', async () => {
      const problem = expectProblem(await capture(t, '{"type": "EPCISDocument", '), 400, VALIDATION);
      expect(problem.detail).toMatch(/^the body is not valid JSON: /);
      expect(await allEvents(t)).toEqual([]);
    });

    for (const [what, payload] of [['an empty body', ''], ['the body null', 'null'], ['a JSON array', '[{"type":"EPCISDocument"}]'], ['a JSON string', '"EPCISDocument"']]) {
      it(`refuses ${what} with 400: the document must be an object`, async () => {
        const problem = expectProblem(await capture(t, payload ?? ''), 400, VALIDATION);
        expect(problem.body.code).toBe('invalid_document');
        expect(problem.detail).toBe('document: must be an object');
      });
    }

    it('refuses a body that is a JSON string holding a whole document: a string is not a document', async () => {
      const wrapped = JSON.stringify(JSON.stringify(epcisDocument([goodEvent(1)])));
      const problem = expectProblem(await capture(t, wrapped), 400, VALIDATION);
      expect(problem.detail).toBe('document: must be an object');
      const event = JSON.stringify(JSON.stringify({ '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], ...goodEvent(2) }));
      const res = await t.app.inject({ method: 'POST', url: '/epcis/v2/events', headers: { ...t.auth, 'content-type': 'application/json' }, payload: event });
      const eventProblem = expectProblem(res, 400, VALIDATION);
      expect(eventProblem.body.code).toBe('invalid_event');
      expect(eventProblem.detail).toBe('document: must be an object');
      expect(await allEvents(t)).toEqual([]);
    });

    it('refuses deeply nested junk with 400 before anything recurses into it', async () => {
      const problem = expectProblem(await capture(t, `${'['.repeat(100_000)}${']'.repeat(100_000)}`), 400, VALIDATION);
      expect(problem.body.code).toBe('invalid_request');
      expect(problem.detail).toMatch(/^field (?:\[0\]){64} nests objects and lists more than 64 levels deep$/);
    });

    it('refuses an event whose extension nests 3,000 levels deep with 400 naming the field, instead of overflowing the stack', async () => {
      const problem = expectProblem(await capture(t, nestedText(3000)), 400, VALIDATION);
      expect(problem.detail).toMatch(/^field epcisBody\.eventList\[0\]\.example:deep(?:\.example:n)+ nests objects and lists more than 64 levels deep$/);
      expect(await allEvents(t)).toEqual([]);
    });

    it('accepts an extension nested 40 levels deep', async () => {
      expect((await capture(t, nestedText(40))).statusCode).toBe(202);
    });

    it('refuses the NUL character in an extension value with 400 naming the field', async () => {
      const doc = epcisDocument([goodEvent(1, { 'example:note': 'a\u0000b' })], ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'https://ns.example.com/' }]);
      const problem = expectProblem(await postCapture(t, doc), 400, VALIDATION);
      expect(problem.detail).toBe('field epcisBody.eventList[0].example:note contains the NUL character (U+0000), which cannot be stored');
    });

    it('refuses the NUL character in a trace-code request with 400 naming the field, where PostgreSQL would fail on it', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/codes', headers: t.auth, payload: { count: 1, product: 'pork\u0000chop' } });
      expect(expectProblem(res, 400, VALIDATION).detail).toBe('field product contains the NUL character (U+0000), which cannot be stored');
    });

    for (const contentType of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      it(`refuses Content-Type ${contentType} with 415`, async () => {
        const problem = expectProblem(await capture(t, JSON.stringify(epcisDocument([goodEvent(1)])), contentType), 415, 'epcisException:UnsupportedMediaTypeException');
        expect(problem.detail).toBe('send JSON: Content-Type application/json or application/ld+json');
        expect(await allEvents(t)).toEqual([]);
      });
    }

    it('accepts both application/json and application/ld+json', async () => {
      expect((await capture(t, JSON.stringify(epcisDocument([goodEvent(1)])), 'application/json')).statusCode).toBe(202);
      expect((await capture(t, JSON.stringify(epcisDocument([goodEvent(2)])), 'application/ld+json; charset=utf-8')).statusCode).toBe(202);
    });

    it('refuses a body over the configured limit with 413', async () => {
      const events = Array.from({ length: 2000 }, (_, i) => goodEvent(i));
      const problem = expectProblem(await postCapture(t, epcisDocument(events)), 413, 'epcisException:CaptureLimitExceededException');
      expect(problem.detail).toBe('the request body is larger than this server accepts; split the document into several captures');
      expect(await allEvents(t)).toEqual([]);
    });

    it('refuses a write without a token with 401', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/epcis/v2/capture', headers: { 'content-type': 'application/json' }, payload: epcisDocument([goodEvent(1)]) });
      const problem = expectProblem(res, 401, SECURITY);
      expect(problem.body.code).toBe('unauthorized');
      expect(await allEvents(t)).toEqual([]);
    });

    it('refuses a write with an unknown token, or a non-bearer scheme, with 401', async () => {
      for (const authorization of ['Bearer not-a-token', 'Basic dXNlcjpwYXNz', 'Bearer']) {
        const res = await t.app.inject({ method: 'POST', url: '/epcis/v2/events', headers: { authorization, 'content-type': 'application/json' }, payload: goodEvent(1) });
        expect(expectProblem(res, 401, SECURITY).body.code).toBe('unauthorized');
      }
      expect(await allEvents(t)).toEqual([]);
    });

    it('refuses a document with one bad event among good ones with 400, naming it, and stores none of them', async () => {
      const problem = expectProblem(await postCapture(t, epcisDocument([goodEvent(1), goodEvent(2, { action: 'SHIP' }), goodEvent(3)])), 400, VALIDATION);
      expect(problem.body.errors).toEqual([{ index: 1, eventType: 'ObjectEvent', field: 'action', reason: 'must be ADD, OBSERVE or DELETE' }]);
      expect(problem.detail).toBe('event 1 (ObjectEvent): field action must be ADD, OBSERVE or DELETE');
      expect(await allEvents(t)).toEqual([]);
    });

    it('lists every bad event of a document, with index and field, not only the first', async () => {
      const events = [goodEvent(1, { action: 'SHIP' }), goodEvent(2), goodEvent(3, { eventTime: 'yesterday' }), goodEvent(4)];
      const problem = expectProblem(await postCapture(t, epcisDocument(events)), 400, VALIDATION);
      expect(issueLocations(problem)).toEqual([{ index: 0, field: 'action' }, { index: 2, field: 'eventTime' }]);
      expect(problem.detail).toMatch(/^event 0 \(ObjectEvent\): field action .+; event 2 \(ObjectEvent\): field eventTime .+$/);
      expect(await allEvents(t)).toEqual([]);
    });

    it('refuses a Digital Link with a wrong GTIN check digit with 400 naming the event and the epcList entry', async () => {
      const events = [goodEvent(1), goodEvent(2, { epcList: [SGTIN, BAD_CHECK_DIGIT] })];
      const problem = expectProblem(await postCapture(t, epcisDocument(events)), 400, VALIDATION);
      expect(issueLocations(problem)).toEqual([{ index: 1, field: 'epcList[1]' }]);
      expect(problem.detail).toBe('event 1 (ObjectEvent): field epcList[1] GTIN 10614141073465 has check digit 5, expected 4');
      expect(await allEvents(t)).toEqual([]);
    });

    it('refuses a malformed EPC URI in a readPoint with 400 naming the field', async () => {
      const problem = expectProblem(await postCapture(t, epcisDocument([goodEvent(1, { readPoint: { id: 'urn:epc:id:sgln:0614141.07346' } })])), 400, VALIDATION);
      expect(issueLocations(problem)).toEqual([{ index: 0, field: 'readPoint.id' }]);
    });

    it('refuses a 1,000-event document with one bad event with 400, and stores none of the 999 good ones', async () => {
      const t2 = await buildTestApp(dialect);
      try {
        const events = Array.from({ length: 1000 }, (_, i) => (i === 637 ? goodEvent(i, { epcList: [BAD_CHECK_DIGIT] }) : goodEvent(i)));
        const problem = expectProblem(await postCapture(t2, epcisDocument(events)), 400, VALIDATION);
        expect(issueLocations(problem)).toEqual([{ index: 637, field: 'epcList[0]' }]);
        expect(await allEvents(t2)).toEqual([]);
        const rows = await t2.db.selectFrom('event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
        expect(Number(rows?.n)).toBe(0);
      } finally {
        await t2.close();
      }
    });

    it('refuses a single event without @context at POST /events with 400 naming the field', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/epcis/v2/events', headers: t.auth, payload: goodEvent(1) });
      const problem = expectProblem(res, 400, VALIDATION);
      expect(problem.body.code).toBe('invalid_event');
      expect(problem.detail).toBe('event (ObjectEvent): field @context is required');
    });
  });

  describe(`bad query and lookup requests (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect);
      expect((await postCapture(t, epcisDocument([goodEvent(1)]))).statusCode).toBe(202);
    });
    afterEach(() => t.close());

    const queries: Array<[string, string, string, string]> = [
      ['an unknown query parameter', 'colour=red', 'unknown_query_parameter', 'unknown query parameter "colour"'],
      ['a misspelt query parameter', 'EQ_bizstep=shipping', 'unknown_query_parameter', 'unknown query parameter "EQ_bizstep"'],
      ['a time that is not ISO 8601', 'GE_eventTime=yesterday', 'invalid_query', 'GE_eventTime must be one ISO 8601 date-time, e.g. 2026-01-31T08:00:00+08:00'],
      ['an unknown event type', 'eventType=ShippingEvent', 'invalid_query', 'eventType: "ShippingEvent" is not an EPCIS event type (ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, AssociationEvent)'],
      ['an unknown action', 'EQ_action=SHIP', 'invalid_query', 'EQ_action: "SHIP" is not ADD, OBSERVE or DELETE'],
      ['perPage 0', 'perPage=0', 'invalid_query', 'perPage must be a whole number from 1 to 1000'],
      ['perPage over 1000', 'perPage=1001', 'invalid_query', 'perPage must be a whole number from 1 to 1000'],
      ['a page token the server never issued', 'nextPageToken=abc', 'invalid_query', 'nextPageToken is not a token this server issued'],
      ['an empty parameter', 'EQ_bizStep=', 'invalid_query', 'EQ_bizStep has no value'],
    ];
    for (const [what, query, code, detail] of queries) {
      it(`refuses ${what} with 400 QueryParameterException`, async () => {
        const problem = expectProblem(await t.app.inject({ method: 'GET', headers: t.auth, url: `/epcis/v2/events?${query}` }), 400, QUERY);
        expect(problem.body.code).toBe(code);
        expect(problem.detail).toBe(detail);
      });
    }

    it('refuses a malformed EPC in MATCH_epc with 400 naming the parameter', async () => {
      const problem = expectProblem(await t.app.inject({ method: 'GET', headers: t.auth, url: '/epcis/v2/events?MATCH_epc=urn:epc:id:sgtin:0614141' }), 400, QUERY);
      expect(problem.detail).toMatch(/^MATCH_epc: /);
    });

    it('refuses the NUL character in a URL with 400 before it reaches the database', async () => {
      for (const url of ['/epcis/v2/events/a%00b', `/epcis/v2/events?EQ_eventID=a%00b`, '/epcis/v2/events?EQ_bizStep=%00', '/epcis/v2/capture/%00', '/api/v1/trace/urn%3Ax%3A%00']) {
        const problem = expectProblem(await t.app.inject({ method: 'GET', url }), 400, VALIDATION);
        expect(problem.detail).toBe('the URL contains %00 (the NUL character), which no identifier or query parameter may hold');
      }
    });

    it('answers a URL whose %-escapes do not decode with a 400 problem', async () => {
      const problem = expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/trace/%E0%A4%A' }), 400, VALIDATION);
      expect(problem.detail).toBe('the URL is not valid: a %-escape in its path does not decode to UTF-8 text');
    });

    it('finds an event whose eventID is longer than 100 characters by its URL-encoded id', async () => {
      const longId = `https://events.example.com/${'e'.repeat(300)}`;
      expect((await postCapture(t, epcisDocument([goodEvent(2, { eventID: longId })]))).statusCode).toBe(202);
      const res = await t.app.inject({ method: 'GET', headers: t.auth, url: `/epcis/v2/events/${encodeURIComponent(longId)}` });
      expect(res.statusCode).toBe(200);
      expect(jsonBody(res).eventID).toBe(longId);
    });

    it('answers a path segment over 2,048 characters with a 414 problem', async () => {
      const problem = expectProblem(await t.app.inject({ method: 'GET', headers: t.auth, url: `/epcis/v2/events/${'x'.repeat(3000)}` }), 414, VALIDATION);
      expect(problem.detail).toBe('a part of the URL path is longer than this server accepts');
    });

    it('answers a trace of an id no event names with 404', async () => {
      const unknown = 'urn:epc:id:sgtin:0614141.107346.9999';
      const problem = expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/trace/${encodeURIComponent(unknown)}` }), 404, NOT_FOUND);
      expect(problem.body.code).toBe('unit_not_found');
      expect(problem.detail).toBe(`no event in this ledger names ${unknown}`);
    });

    it('answers a trace of something that is not an identifier with 400', async () => {
      const problem = expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/trace/${encodeURIComponent('not an id')}` }), 400, VALIDATION);
      expect(problem.body.code).toBe('invalid_identifier');
    });

    it('answers an unknown event id with 404 and an unknown route with 404', async () => {
      expectProblem(await t.app.inject({ method: 'GET', headers: t.auth, url: `/epcis/v2/events/${encodeURIComponent('urn:uuid:ffffffff-0000-4000-8000-000000000000')}` }), 404, NOT_FOUND);
      const problem = expectProblem(await t.app.inject({ method: 'DELETE', url: '/epcis/v2/events' }), 404, NOT_FOUND);
      expect(problem.detail).toBe('no route DELETE /epcis/v2/events');
    });
  });

  describe(`fuzzed requests (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect, { bodyLimit: 2 * 1024 * 1024 });
    });
    afterEach(() => t.close());

    it('never answers 500 to 300 seeded, mutated documents and queries, always problem+json on refusal, and keeps answering', async () => {
      const random = seededRandom(20260301);
      const bases = [
        epcisDocument([goodEvent(1), goodEvent(2, { bizLocation: { id: 'urn:epc:id:sgln:0614141.07346.0' } })]),
        ...['Example_9.6.1-ObjectEvent.jsonld', 'Example_9.6.3-AggregationEvent.jsonld', 'WithFullCombinationOfFields/object_event_all_possible_fields.jsonld',
          'WithSensorData/SensorDataExample1.jsonld', 'Example-TransactionEvents-2020_07_03y.jsonld', 'WithErrorDeclaration/ErrorDeclarationAndCorrectiveEvent.jsonld']
          .map((name) => objectOf(JSON.parse(readFileSync(join(CONFORMANCE, name), 'utf8')), name)),
      ];
      const failures: string[] = [];
      for (let i = 0; i < 300; i += 1) {
        const request = fuzzRequest(random, bases, t);
        const res = await t.app.inject(request);
        const contentType = String(res.headers['content-type'] ?? '');
        const where = `#${i} ${request.method ?? 'GET'} ${String(request.url).slice(0, 120)}`;
        if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        else if (res.statusCode >= 400 && contentType !== 'application/problem+json; charset=utf-8') failures.push(`${where}: ${res.statusCode} as ${contentType}`);
        if (res.statusCode >= 400) expectNoInternals(res.body);
      }
      expect(failures).toEqual([]);

      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      expect((await postCapture(t, epcisDocument([goodEvent(424242)]))).statusCode).toBe(202);
      expect((await t.app.inject({ method: 'GET', headers: t.auth, url: '/epcis/v2/events?MATCH_epc=urn:epc:id:sgtin:0614141.107346.424242' })).statusCode).toBe(200);
    });
  });
}

// ---- A deterministic fuzzer: mutations of real documents, with a seeded generator ----

type Random = () => number;

/** mulberry32: small, seeded, good enough to spread test inputs. */
function seededRandom(seed: number): Random {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

const CHAR_POOLS = [
  'abcXYZ019:/.-_~%?#[]@!$&\'()*+,;=',
  '追溯码猪肉批次牛羊药品稀土',
  '\u0001\u0007\u001f\u007f\u0085\u00a0',
  '\u200b\u200e\u202e\u2028\u2029\ufeff\uffff',
  '\u0301\u0336\u20dd',
  '😀🥩🐖',
  '\ud800\udfff',
  '"\\{}\n\t',
];

function randomText(random: Random): string {
  const length = random() < 0.05 ? 100_000 + Math.floor(random() * 100_000) : Math.floor(random() * 40);
  const pool = [...pick(random, CHAR_POOLS)];
  let text = '';
  for (let i = 0; i < length; i += 1) text += pick(random, pool);
  return text;
}

function randomValue(random: Random, depth = 0): unknown {
  switch (Math.floor(random() * 9)) {
    case 0: return null;
    case 1: return random() < 0.5;
    case 2: return pick(random, [0, -1, 1.5, 1e308, -1e-308, 2 ** 53 + 1, 123456789012]);
    case 3: return randomText(random);
    case 4: return depth > 3 ? [] : Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    case 5: return depth > 3 ? {} : Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [randomText(random).slice(0, 20), randomValue(random, depth + 1)]));
    case 6: return pick(random, ['urn:epc:id:sgtin:0614141.107346.2017', 'https://id.gs1.org/01/10614141073465/21/1', 'urn:epc:idpat:sgtin:0614141.*.*', 'ni:///sha-256;00?ver=CBV2.0', 'urn:uuid:x', 'not a uri', '']);
    case 7: return pick(random, ['2026-03-01T09:30:00Z', '2026-02-30T25:61:00+08:00', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z', '2026-03-01']);
    default: return pick(random, ['ObjectEvent', 'ADD', 'DELETE', 'shipping', 'in_transit', 'EPCISDocument', 'EPCISQueryDocument', 'AssociationEvent']);
  }
}

interface Slot {
  parent: JsonObject | unknown[];
  key: string | number;
}

function slotsOf(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) value.forEach((inner, i) => { out.push({ parent: value, key: i }); slotsOf(inner, out); });
  else if (isObject(value)) for (const [key, inner] of Object.entries(value)) { out.push({ parent: value, key }); slotsOf(inner, out); }
  return out;
}

function setSlot(slot: Slot, value: unknown): void {
  if (Array.isArray(slot.parent) && typeof slot.key === 'number') slot.parent[slot.key] = value;
  else if (!Array.isArray(slot.parent) && typeof slot.key === 'string') slot.parent[slot.key] = value;
}

function mutate(random: Random, doc: JsonObject): unknown {
  const copy = structuredClone(doc);
  const mutations = 1 + Math.floor(random() * 3);
  for (let m = 0; m < mutations; m += 1) {
    const slots = slotsOf(copy);
    if (slots.length === 0) break;
    const slot = pick(random, slots);
    const choice = Math.floor(random() * 7);
    if (choice === 0) {
      if (Array.isArray(slot.parent) && typeof slot.key === 'number') slot.parent.splice(slot.key, 1);
      else if (!Array.isArray(slot.parent) && typeof slot.key === 'string') delete slot.parent[slot.key];
    } else if (choice === 1 && !Array.isArray(slot.parent) && typeof slot.key === 'string') {
      const value = slot.parent[slot.key];
      delete slot.parent[slot.key];
      slot.parent[random() < 0.5 ? randomText(random).slice(0, 30) : `example:${slot.key}`] = value;
    } else if (choice === 2) {
      let nested: unknown = randomValue(random);
      for (let d = 0; d < 10 + Math.floor(random() * 120); d += 1) nested = random() < 0.5 ? [nested] : { 'example:n': nested };
      setSlot(slot, nested);
    } else if (choice === 3) {
      setSlot(slot, Array.from({ length: 1 + Math.floor(random() * 50) }, () => randomValue(random)));
    } else {
      setSlot(slot, randomValue(random));
    }
  }
  return copy;
}

const QUERY_NAMES = ['eventType', 'GE_eventTime', 'LT_eventTime', 'GE_recordTime', 'EQ_bizStep', 'EQ_disposition', 'EQ_action', 'EQ_readPoint', 'EQ_bizLocation',
  'MATCH_epc', 'MATCH_anyEPC', 'MATCH_parentID', 'MATCH_inputEPC', 'MATCH_outputEPC', 'MATCH_epcClass', 'EQ_eventID', 'perPage', 'nextPageToken', 'colour', '__proto__', 'constructor'];

function fuzzRequest(random: Random, bases: JsonObject[], t: TestApp): InjectOptions {
  const roll = random();
  const base = pick(random, bases);
  const headers = { ...t.auth, 'content-type': pick(random, ['application/ld+json', 'application/json', 'application/json; charset=utf-8']) };
  if (roll < 0.55) return { method: 'POST', url: '/epcis/v2/capture', headers, payload: JSON.stringify(mutate(random, base)) };
  if (roll < 0.65) {
    const text = JSON.stringify(mutate(random, base));
    const cut = Math.floor(random() * text.length);
    const payload = random() < 0.5 ? text.slice(0, cut) : `${text.slice(0, cut)}${randomText(random).slice(0, 5)}${text.slice(cut + 1)}`;
    return { method: 'POST', url: '/epcis/v2/capture', headers, payload };
  }
  if (roll < 0.8) {
    const event = objectOf(slotsOf(base).map((s) => (Array.isArray(s.parent) ? s.parent[Number(s.key)] : undefined)).find((v) => isObject(v) && typeof v.type === 'string' && v.type.endsWith('Event')) ?? goodEvent(9), 'event');
    return { method: 'POST', url: '/epcis/v2/events', headers, payload: JSON.stringify(mutate(random, { '@context': base['@context'], ...event })) };
  }
  if (roll < 0.95) {
    const params = new URLSearchParams();
    for (let p = 0; p < 1 + Math.floor(random() * 3); p += 1) {
      const value = random() < 0.5 ? String(randomValue(random)) : `${String(randomValue(random))}|${String(randomValue(random))}`;
      params.append(pick(random, QUERY_NAMES), value.slice(0, 3000));
    }
    return { method: 'GET', url: `/epcis/v2/events?${params.toString()}`, headers: t.auth };
  }
  const id = encodeURIComponent(String(randomValue(random)).slice(0, 500));
  return { method: 'GET', headers: t.auth, url: pick(random, [`/epcis/v2/events/${id}`, `/api/v1/trace/${id}`, `/epcis/v2/capture/${id}`, `/api/v1/codes/${id}`]) };
}
