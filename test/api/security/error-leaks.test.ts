import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerParty, usccOf } from '../../support/parties.js';
import { buildTestApp, type TestApp } from '../../support/test-app.js';
import { testDialects } from '../../support/test-db.js';

// Requirement: whatever a client sends, an error answer says what was wrong with the request and nothing about the
// server: no stack frame, no file path, no SQL, no database name or driver message. It is an RFC 7807 problem
// (application/problem+json) below 500; a real internal failure is a generic 500 problem naming only the request id.

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
const CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'];
const BODY_LIMIT = 64 * 1024;
const MAKER = usccOf('460100', 'MA5QF0001');
const RIVAL = usccOf('460200', 'MA5QF0002');
const PASSWORD = 'correct horse 电池 staple';
const EVENT_ID = 'urn:uuid:4d2a9f10-0000-4000-8000-000000000001';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ANSWER_WITHIN_MS = 10_000;

/** What must never appear in an error answer: a stack frame or path, SQL, the database or its driver's words. */
const INTERNALS: Array<[string, RegExp]> = [
  ['a stack frame', /\bat .*\.(?:ts|js|mjs|cjs):\d+/],
  ['node_modules', /node_modules/],
  ['a path of this machine', /\/work\//],
  ['SELECT', /SELECT/],
  ['INSERT', /INSERT/],
  ['UPDATE', /UPDATE /],
  ['sqlite', /sqlite/i],
  ['SQLITE_', /SQLITE_/],
  ['postgres', /postgres/i],
  ['syntax error', /syntax error/i],
  ['constraint', /constraint/i],
  ['stack', /stack/i],
];

/**
 * Everything wrong with an error answer: a status of 500 or more, a content type other than problem+json, a body that
 * is not a problem with this status, or any of INTERNALS in the headers or the body.
 */
function faultsOf(res: LightMyRequestResponse, expectedStatus: number): string[] {
  const found: string[] = [];
  if (res.statusCode !== expectedStatus) found.push(`status ${res.statusCode}, expected ${expectedStatus}`);
  if (res.statusCode >= 500) found.push(`status ${res.statusCode}`);
  if (res.headers['content-type'] !== PROBLEM_JSON) found.push(`content type ${String(res.headers['content-type'])}`);
  else {
    const body: { type?: unknown; title?: unknown; status?: unknown } = res.json();
    if (typeof body.type !== 'string' || typeof body.title !== 'string' || body.status !== res.statusCode) found.push(`not a problem: ${res.body.slice(0, 200)}`);
  }
  const text = `${JSON.stringify(res.headers)}\n${res.body}`;
  for (const [what, pattern] of INTERNALS) if (pattern.test(text)) found.push(`${what}: ${text.match(pattern)?.[0] ?? ''} in ${res.body.slice(0, 300)}`);
  return found;
}

/** The answer to a request, failing the test if none comes within ANSWER_WITHIN_MS: an error must not hang. */
async function answerOf(t: TestApp, request: InjectOptions): Promise<LightMyRequestResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms`)), ANSWER_WITHIN_MS);
  });
  try {
    return await Promise.race([t.app.inject(request), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface Case {
  what: string;
  status: number;
  request: (t: TestApp, session: { cookie: string; csrf: string }) => InjectOptions;
}

/** A request with the administrator token; a payload other than a string is sent as JSON. */
function json(t: TestApp, method: 'POST' | 'GET' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}): InjectOptions {
  if (payload === undefined) return { method, url, headers: { ...t.auth, ...headers } };
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return { method, url, headers: { ...t.auth, 'content-type': 'application/json', ...headers }, payload: text };
}

const event = (fields: Record<string, unknown> = {}) => ({
  '@context': CONTEXT, type: 'ObjectEvent', eventID: EVENT_ID, eventTime: '2026-03-01T09:30:00.000+08:00', eventTimeZoneOffset: '+08:00',
  action: 'OBSERVE', epcList: ['urn:epc:id:sgtin:0614141.107346.2017'], bizStep: 'inspecting', ...fields,
});
const epcisDocument = (events: unknown[]) => ({ '@context': CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-01T08:00:00.000+08:00', epcisBody: { eventList: events } });
const party = (fields: Record<string, unknown> = {}) => ({ uscc: MAKER, name: '海南某企业', region: '460100', ...fields });

const CASES: Case[] = [
  // The body itself
  { what: 'malformed JSON', status: 400, request: (t) => json(t, 'POST', '/api/v1/parties', '{"uscc": "9146') },
  { what: 'malformed JSON in an EPCIS capture', status: 400, request: (t) => json(t, 'POST', '/epcis/v2/capture', '{"type": "EPCISDocument", ') },
  { what: 'a JSON body that is a number', status: 400, request: (t) => json(t, 'POST', '/api/v1/products', '12') },
  { what: 'an empty JSON body', status: 400, request: (t) => json(t, 'POST', '/api/v1/tokens', '') },
  { what: 'a body with the NUL character', status: 400, request: (t) => json(t, 'POST', '/api/v1/parties', party({ name: 'a\u0000b' })) },
  { what: 'a body nested 10,000 levels deep', status: 400, request: (t) => json(t, 'POST', '/api/v1/records', `${'['.repeat(10_000)}${']'.repeat(10_000)}`) },
  { what: 'Content-Type text/plain', status: 415, request: (t) => json(t, 'POST', '/api/v1/parties', JSON.stringify(party()), { 'content-type': 'text/plain' }) },
  { what: 'Content-Type application/xml on a capture', status: 415, request: (t) => json(t, 'POST', '/epcis/v2/capture', '<epcis/>', { 'content-type': 'application/xml' }) },
  { what: 'an empty XLSX import', status: 400, request: (t) => ({ method: 'POST', url: '/api/v1/records/import?sector=edible-agri&stage=farming', headers: { ...t.auth, 'content-type': XLSX }, payload: Buffer.alloc(0) }) },
  { what: 'an empty CSV import', status: 400, request: (t) => ({ method: 'POST', url: '/api/v1/records/import?sector=edible-agri&stage=farming', headers: { ...t.auth, 'content-type': 'text/csv' }, payload: Buffer.alloc(0) }) },
  { what: 'an XLSX import that is not a zip', status: 400, request: (t) => ({ method: 'POST', url: '/api/v1/records/import?sector=edible-agri&stage=farming', headers: { ...t.auth, 'content-type': XLSX }, payload: Buffer.from('PK\u0003\u0004 not really') }) },
  { what: 'a CSV import in UTF-16', status: 400, request: (t) => ({ method: 'POST', url: '/api/v1/records/import?sector=edible-agri&stage=farming', headers: { ...t.auth, 'content-type': 'text/csv' }, payload: Buffer.from([0xff, 0xfe, 0x22, 0, 0x22, 0]) }) },
  { what: 'an import without its sector and stage', status: 400, request: (t) => ({ method: 'POST', url: '/api/v1/records/import', headers: { ...t.auth, 'content-type': 'text/csv' }, payload: 'a,b' }) },
  { what: 'an import with an unknown query parameter', status: 400, request: (t) => ({ method: 'POST', url: '/api/v1/records/import?sector=edible-agri&stage=farming&colour=red', headers: { ...t.auth, 'content-type': 'text/csv' }, payload: 'a,b' }) },
  { what: 'a CSV import sent as JSON', status: 400, request: (t) => json(t, 'POST', '/api/v1/records/import?sector=edible-agri&stage=farming', {}) },
  { what: 'a body over the limit', status: 413, request: (t) => json(t, 'POST', '/epcis/v2/capture', epcisDocument(Array.from({ length: 400 }, () => event()))) },
  { what: 'a party body over the limit', status: 413, request: (t) => json(t, 'POST', '/api/v1/parties', party({ name: '追'.repeat(BODY_LIMIT) })) },
  // Where the request goes
  { what: 'an unknown route', status: 404, request: (t) => json(t, 'GET', '/api/v1/nothing-here') },
  { what: 'an unknown route under a known prefix', status: 404, request: (t) => json(t, 'GET', '/epcis/v2/events/x/y/z') },
  { what: 'a method the route does not have (PUT)', status: 404, request: (t) => ({ method: 'PUT', url: '/api/v1/parties', headers: t.auth, payload: party() }) },
  { what: 'a method the route does not have (DELETE)', status: 404, request: (t) => json(t, 'DELETE', '/epcis/v2/events') },
  { what: 'a method the route does not have (PATCH)', status: 404, request: (t) => ({ method: 'PATCH', url: `/api/v1/parties/${MAKER}`, headers: t.auth, payload: party() }) },
  { what: 'a path with %00', status: 400, request: (t) => json(t, 'GET', '/api/v1/parties/a%00b') },
  { what: 'a path whose %-escape does not decode', status: 400, request: (t) => json(t, 'GET', '/api/v1/trace/%E0%A4%A') },
  { what: 'a path segment over 2,048 characters', status: 414, request: (t) => json(t, 'GET', `/epcis/v2/events/${'x'.repeat(3000)}`) },
  // Ids that name nothing
  { what: 'an unregistered party', status: 404, request: (t) => json(t, 'GET', `/api/v1/parties/${usccOf('460100', 'MA5QF0009')}`) },
  { what: 'an unknown record', status: 404, request: (t) => json(t, 'GET', '/api/v1/records/no-such-record') },
  { what: 'an unknown event', status: 404, request: (t) => json(t, 'GET', `/epcis/v2/events/${encodeURIComponent('urn:uuid:ffffffff-0000-4000-8000-000000000000')}`) },
  { what: 'an unknown capture job', status: 404, request: (t) => json(t, 'GET', '/epcis/v2/capture/no-such-job') },
  { what: 'an unknown product', status: 404, request: (t) => json(t, 'GET', `/api/v1/products/${encodeURIComponent(`${MAKER}/NONE`)}`) },
  { what: 'a trace of a unit no event names', status: 404, request: (t) => json(t, 'GET', `/api/v1/trace/${encodeURIComponent('urn:epc:id:sgtin:0614141.107346.9999')}`) },
  { what: 'a trace of something that is not an identifier', status: 400, request: (t) => json(t, 'GET', `/api/v1/trace/${encodeURIComponent('not an id')}`) },
  { what: 'a trace code with a wrong check character', status: 400, request: (t) => json(t, 'GET', '/api/v1/codes/000000-7JKN-37GB-THH-FG4') },
  { what: 'labels of an unknown issue', status: 404, request: (t) => json(t, 'GET', '/api/v1/codes/issues/no-such-issue/labels.pdf') },
  { what: 'an unknown sector', status: 404, request: (t) => json(t, 'GET', '/api/v1/sectors/no-such-sector') },
  { what: 'the template of an unknown stage', status: 404, request: (t) => json(t, 'GET', '/api/v1/sectors/drug/stages/no-such-stage/template.csv') },
  { what: 'disabling an unknown user', status: 404, request: (t) => json(t, 'POST', '/api/v1/users/no-such-user/disable') },
  { what: 'revoking an unknown token', status: 404, request: (t) => json(t, 'DELETE', '/api/v1/tokens/no-such-token') },
  { what: 'retiring an unknown catalogue entry', status: 404, request: (t) => json(t, 'DELETE', '/api/v1/catalogue/no.such.entry') },
  { what: 'a quota of an unregistered party', status: 400, request: (t) => json(t, 'POST', `/api/v1/parties/${usccOf('460100', 'MA5QF0009')}/quotas`, { reference: '工信部原〔2026〕1号', sector: 'rare-earth', periodStart: '2026-01-01', periodEnd: '2027-01-01', quantity: 10, unit: 'TNE' }) },
  // Query parameters
  { what: 'an unknown query parameter', status: 400, request: (t) => json(t, 'GET', '/epcis/v2/events?colour=red') },
  { what: 'a time that is not a time', status: 400, request: (t) => json(t, 'GET', '/epcis/v2/events?GE_eventTime=yesterday') },
  { what: 'perPage with 20 digits', status: 400, request: (t) => json(t, 'GET', '/epcis/v2/events?perPage=99999999999999999999') },
  { what: 'a page token the server never issued', status: 400, request: (t) => json(t, 'GET', '/epcis/v2/events?nextPageToken=eyJ4IjoxfQ') },
  { what: 'a malformed EPC in MATCH_epc', status: 400, request: (t) => json(t, 'GET', '/epcis/v2/events?MATCH_epc=urn:epc:id:sgtin:0614141') },
  { what: 'a catalogue version with 20 digits', status: 400, request: (t) => json(t, 'GET', '/api/v1/catalogue?version=99999999999999999999') },
  { what: 'an alert offset with 20 digits', status: 400, request: (t) => json(t, 'GET', '/api/v1/alerts?offset=99999999999999999999') },
  { what: 'an unknown trace direction', status: 400, request: (t) => json(t, 'GET', `/api/v1/trace/${encodeURIComponent('urn:epc:id:sgtin:0614141.107346.2017')}?direction=sideways`) },
  { what: 'a label range past any issue', status: 404, request: (t) => json(t, 'GET', '/api/v1/codes/issues/x/labels.csv?from=999999999&count=999999999') },
  { what: 'products without the party parameter', status: 400, request: (t) => json(t, 'GET', '/api/v1/products') },
  { what: 'a repeated query parameter', status: 400, request: (t) => json(t, 'GET', '/api/v1/products?party=a&party=b') },
  // EPCIS documents
  { what: 'a document without epcisBody', status: 400, request: (t) => json(t, 'POST', '/epcis/v2/capture', { '@context': CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-01T08:00:00Z' }) },
  { what: 'an event with a bad action', status: 400, request: (t) => json(t, 'POST', '/epcis/v2/capture', epcisDocument([event({ action: 'SHIP' })])) },
  { what: 'an event with a wrong GTIN check digit', status: 400, request: (t) => json(t, 'POST', '/epcis/v2/capture', epcisDocument([event({ epcList: ['https://id.gs1.org/01/10614141073465/21/2017'] })])) },
  { what: 'an event without @context', status: 400, request: (t) => json(t, 'POST', '/epcis/v2/events', { ...event(), '@context': undefined }) },
  { what: 'an event of an unknown type', status: 400, request: (t) => json(t, 'POST', '/epcis/v2/events', event({ type: 'ShippingEvent' })) },
  { what: 'an event whose time is past year 275760', status: 400, request: (t) => json(t, 'POST', '/epcis/v2/events', event({ eventTime: '+275761-01-01T00:00:00.000Z' })) },
  { what: 'an event with a quantity of 1e400', status: 400, request: (t) => json(t, 'POST', '/epcis/v2/events', JSON.stringify(event({ epcList: undefined, quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 1, uom: 'KGM' }] })).replace('"quantity":1', '"quantity":1e400')) },
  { what: 'an event whose eventID another event already has', status: 409, request: (t) => json(t, 'POST', '/epcis/v2/events', event({ bizStep: 'shipping' })) },
  // Registrations
  { what: 'a party registered twice', status: 409, request: (t) => json(t, 'POST', '/api/v1/parties', party({ name: '重复' })) },
  { what: 'a party registered twice in lower case', status: 409, request: (t) => json(t, 'POST', '/api/v1/parties', party({ uscc: MAKER.toLowerCase() })) },
  { what: 'a product registered twice', status: 409, request: (t) => json(t, 'POST', '/api/v1/products', { party: MAKER, code: 'AMX-250', name: '重复', catalogueEntry: 'drug.preparation' }) },
  { what: 'a username taken', status: 409, request: (t) => json(t, 'POST', '/api/v1/users', { username: 'clerk', displayName: '重复', password: PASSWORD, role: 'enterprise_operator', enterprise: MAKER }) },
  { what: 'a catalogue entry added twice', status: 409, request: (t) => json(t, 'POST', '/api/v1/catalogue', { scope: '460000', sector: 'drug', productKind: 'li-herb', name: { zh: '黎药', en: 'Li medicine' }, list: 'encouraged', compatibleWith: 'drug.preparation' }) },
  { what: 'a party USCC with a bad check character', status: 400, request: (t) => json(t, 'POST', '/api/v1/parties', party({ uscc: `${MAKER.slice(0, 17)}${MAKER.endsWith('1') ? '2' : '1'}` })) },
  { what: 'a party USCC of 40 characters', status: 400, request: (t) => json(t, 'POST', '/api/v1/parties', party({ uscc: '9'.repeat(40) })) },
  { what: 'a product with a GTIN of 20 nines', status: 400, request: (t) => json(t, 'POST', '/api/v1/products', { party: MAKER, code: 'BIG', name: '大', catalogueEntry: 'drug.preparation', gtin: '9'.repeat(20) }) },
  { what: 'a product of a catalogue entry that does not exist', status: 400, request: (t) => json(t, 'POST', '/api/v1/products', { party: MAKER, code: 'NEW', name: '新', catalogueEntry: 'no.such.entry' }) },
  // Oversize numbers
  { what: 'issuing 1e308 trace codes', status: 400, request: (t) => json(t, 'POST', '/api/v1/codes', { count: 1e308 }) },
  { what: 'issuing 2^53+1 trace codes', status: 400, request: (t) => json(t, 'POST', '/api/v1/codes', '{"count": 9007199254740993}') },
  { what: 'a record quantity of 1e400', status: 400, request: (t) => json(t, 'POST', '/api/v1/records', '{"sector":"drug","stage":"production","party":"x","time":"2026-03-01T08:00:00+08:00","quantity":1e400}') },
  { what: 'a quota of -1e308 tonnes', status: 400, request: (t) => json(t, 'POST', `/api/v1/parties/${MAKER}/quotas`, { reference: 'Q-1', sector: 'rare-earth', periodStart: '2026-01-01', periodEnd: '2027-01-01', quantity: -1e308, unit: 'TNE' }) },
  { what: 'a token that expires in 2^53 days', status: 400, request: (t) => json(t, 'POST', '/api/v1/tokens', { name: 'far', role: 'inspection_body', expiresInDays: Number.MAX_SAFE_INTEGER }) },
  { what: 'a token that expires in -1 days', status: 400, request: (t) => json(t, 'POST', '/api/v1/tokens', { name: 'past', role: 'inspection_body', expiresInDays: -1 }) },
  { what: 'a record profile version of 2^31', status: 400, request: (t) => json(t, 'POST', '/api/v1/records', { sector: 'drug', stage: 'production', profileVersion: 2 ** 31, party: MAKER, time: '2026-03-01T08:00:00+08:00' }) },
  // Who is asking
  { what: 'no credentials on a write', status: 401, request: () => ({ method: 'POST', url: '/api/v1/parties', payload: party() }) },
  { what: 'an unknown bearer token', status: 401, request: () => ({ method: 'GET', url: '/api/v1/auth/whoami', headers: { authorization: 'Bearer zs_not-a-token' } }) },
  { what: 'a bearer token of 4,000 characters', status: 401, request: () => ({ method: 'GET', url: '/api/v1/auth/whoami', headers: { authorization: `Bearer ${'x'.repeat(4000)}` } }) },
  { what: 'a bearer header without a token', status: 401, request: () => ({ method: 'GET', url: '/api/v1/auth/whoami', headers: { authorization: 'Bearer' } }) },
  { what: 'basic authentication', status: 401, request: () => ({ method: 'GET', url: '/api/v1/auth/whoami', headers: { authorization: 'Basic dXNlcjpwYXNz' } }) },
  { what: 'a session cookie nobody was given', status: 401, request: () => ({ method: 'GET', url: '/api/v1/auth/whoami', headers: { cookie: 'zhuisu_session=not-a-session' } }) },
  { what: 'a session cookie that is not text', status: 401, request: () => ({ method: 'GET', url: '/api/v1/auth/whoami', headers: { cookie: 'zhuisu_session=%E0%A4%A; zhuisu_session=x' } }) },
  { what: 'a session write without a CSRF header', status: 403, request: (_t, s) => ({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: s.cookie }, payload: { currentPassword: PASSWORD, newPassword: `${PASSWORD}!` } }) },
  { what: 'a session write with a wrong CSRF header', status: 403, request: (_t, s) => ({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) }, payload: { currentPassword: PASSWORD, newPassword: `${PASSWORD}!` } }) },
  { what: 'a session write with the CSRF header of another length', status: 403, request: (_t, s) => ({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: s.cookie, 'x-csrf-token': `${s.csrf}x` } }) },
  { what: 'a wrong current password', status: 401, request: (_t, s) => ({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { currentPassword: 'not the password', newPassword: `${PASSWORD}!` } }) },
  { what: 'a login with a wrong password', status: 401, request: () => ({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.7.0.1', payload: { username: 'clerk', password: 'not the password' } }) },
  { what: 'a role without the permission', status: 403, request: (_t, s) => ({ method: 'POST', url: '/api/v1/parties', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: party() }) },
  {
    what: 'an enterprise recording for another enterprise', status: 403, request: (_t, s) => ({
      method: 'POST', url: '/api/v1/records', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { sector: 'drug', stage: 'production', party: RIVAL, product: 'AMX-250', lot: '20260301', quantity: 2, unit: '盒', time: '2026-03-01T08:00:00+08:00', data: { approvalNumber: '国药准字H20230001', batchNumber: '20260301', productionDate: '2026-03-01', expiryDate: '2028-02-28' } },
    }),
  },
];

for (const dialect of testDialects()) {
  describe(`error answers give nothing away (${dialect})`, () => {
    let t: TestApp;
    let session: { cookie: string; csrf: string };
    beforeAll(async () => {
      t = await buildTestApp(dialect, { bodyLimit: BODY_LIMIT });
      await registerParty(t.app, t.auth, { uscc: MAKER, name: '海南某制药有限公司', region: '460100', sectors: ['drug'] });
      await registerParty(t.app, t.auth, { uscc: RIVAL, name: '三亚某药业有限公司', region: '460200', sectors: ['drug'] });
      const setUp: InjectOptions[] = [
        json(t, 'POST', '/api/v1/products', { party: MAKER, code: 'AMX-250', name: '阿莫西林胶囊', catalogueEntry: 'drug.preparation' }),
        json(t, 'POST', '/api/v1/users', { username: 'clerk', displayName: '录入员', password: PASSWORD, role: 'enterprise_operator', enterprise: MAKER }),
        json(t, 'POST', '/api/v1/catalogue', { scope: '460000', sector: 'drug', productKind: 'li-herb', name: { zh: '黎药', en: 'Li medicine' }, list: 'encouraged', compatibleWith: 'drug.preparation' }),
        json(t, 'POST', '/epcis/v2/events', event()),
      ];
      for (const request of setUp) {
        const res = await t.app.inject(request);
        expect(res.statusCode, res.body).toBe(201);
      }
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk', password: PASSWORD } });
      expect(login.statusCode, login.body).toBe(200);
      session = { cookie: String([login.headers['set-cookie']].flat()[0]).split(';')[0] ?? '', csrf: login.json().csrfToken };
    });
    afterAll(() => t.close());

    for (const { what, status, request } of CASES) {
      it(`answers ${what} with a ${status} problem and no internals`, async () => {
        expect(faultsOf(await answerOf(t, request(t, session)), status)).toEqual([]);
      });
    }

    it('names both missing parameters of an import and an unknown one, and refuses an empty upload as an empty body before reading it', async () => {
      const missing = await answerOf(t, { method: 'POST', url: '/api/v1/records/import', headers: { ...t.auth, 'content-type': 'text/csv' }, payload: 'a,b' });
      expect(missing.json()).toMatchObject({
        code: 'invalid_query',
        errors: [{ field: 'querystring.sector', reason: "must have required property 'sector'" }, { field: 'querystring.stage', reason: "must have required property 'stage'" }],
      });
      const unknown = await answerOf(t, { method: 'POST', url: '/api/v1/records/import?sector=edible-agri&stage=farming&colour=red', headers: { ...t.auth, 'content-type': 'text/csv' }, payload: 'a,b' });
      expect(unknown.json()).toMatchObject({ code: 'unknown_query_parameter', detail: 'unknown query parameter "colour"' });
      for (const type of [XLSX, 'text/csv']) {
        const empty = await answerOf(t, { method: 'POST', url: '/api/v1/records/import?sector=edible-agri&stage=farming', headers: { ...t.auth, 'content-type': type }, payload: Buffer.alloc(0) });
        expect(empty.json()).toMatchObject({ code: 'invalid_request', detail: '请求体为空，请上传填好的模板（CSV 或 XLSX） / the request body is empty; send the filled-in template as CSV or XLSX' });
      }
    });

    it('answers an event query with 1,000 alternatives of one parameter below 500, and no internals', async () => {
      const faults: string[] = [];
      for (const parameter of ['MATCH_epc', 'MATCH_anyEPC', 'MATCH_parentID', 'MATCH_inputEPC', 'MATCH_outputEPC', 'MATCH_epcClass', 'EQ_readPoint', 'EQ_bizStep']) {
        const value = Array.from({ length: 1000 }, (_, i) => {
          if (parameter === 'MATCH_epcClass') return `urn:epc:class:lgtin:0614141.107346.L${i}`;
          if (parameter === 'EQ_readPoint') return `urn:epc:id:sgln:0614141.07346.${i}`;
          if (parameter === 'EQ_bizStep') return `urn:example:step:${i}`;
          return `urn:epc:id:sgtin:0614141.107346.${i}`;
        }).join('|');
        const res = await answerOf(t, json(t, 'GET', `/epcis/v2/events?${parameter}=${value}`));
        if (res.statusCode >= 400) faults.push(...faultsOf(res, res.statusCode).map((fault) => `${parameter}: ${fault}`));
      }
      expect(faults).toEqual([]);
    });

    it('answers HEAD of a missing resource with the status and problem headers of GET and no body', async () => {
      const res = await t.app.inject({ method: 'HEAD', url: '/api/v1/records/no-such-record', headers: t.auth });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toBe(PROBLEM_JSON);
      expect(res.body).toBe('');
    });

    it('limits failed logins with a 429 problem and Retry-After, and no internals', async () => {
      const attempt = () => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.7.1.1', payload: { username: 'nobody-at-all', password: 'wrong' } });
      let limited = await attempt();
      for (let i = 0; i < 25 && limited.statusCode === 401; i++) limited = await attempt();
      expect(faultsOf(limited, 429)).toEqual([]);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe(`an internal failure (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      await registerParty(t.app, t.auth, { uscc: MAKER, name: '海南某制药有限公司', region: '460100', sectors: ['drug'] });
      await t.db.destroy();
    });
    afterAll(() => t.app.close());

    const GENERIC = /^The server could not complete the request; quote request id [\w-]+ when reporting it\.$/;
    const reads: Array<[string, InjectOptions]> = [
      ['a public trace', { method: 'GET', url: `/api/v1/trace/${encodeURIComponent('urn:epc:id:sgtin:0614141.107346.2017')}` }],
      ['a public product', { method: 'GET', url: `/api/v1/products/${encodeURIComponent(`${MAKER}/X`)}` }],
      ['a signed-in read of a party', { method: 'GET', url: `/api/v1/parties/${MAKER}`, headers: { authorization: 'Bearer zs_anything' } }],
      ['a session read', { method: 'GET', url: '/api/v1/auth/whoami', headers: { cookie: 'zhuisu_session=anything' } }],
      ['an event captured with a token', { method: 'POST', url: '/epcis/v2/events', headers: { authorization: 'Bearer zs_anything' }, payload: event() }],
    ];
    for (const [what, request] of reads) {
      it(`answers ${what} on a lost database with a generic 500 problem naming only the request id`, async () => {
        const res = await t.app.inject(request);
        expect(res.statusCode, res.body).toBe(500);
        expect(res.headers['content-type']).toBe(PROBLEM_JSON);
        const body = res.json();
        expect(Object.keys(body).sort()).toEqual(['detail', 'instance', 'status', 'title', 'type']);
        expect(body).toMatchObject({ type: 'epcisException:ImplementationException', title: 'Internal error / 服务器内部错误', status: 500, instance: request.url });
        expect(body.detail).toMatch(GENERIC);
        expect(faultsOf(res, 500).filter((fault) => !fault.startsWith('status 500'))).toEqual([]);
      });
    }
  });
}
