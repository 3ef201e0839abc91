import { buildApp } from '../../src/api/app.js';
import { createDb, migrateToLatest } from '../../src/store/db.js';
import { createTokenStore } from '../../src/store/token-store.js';
const db = createDb({ sqliteFile: ':memory:' });
await migrateToLatest(db);
await createTokenStore(db, { now: () => new Date() }).add('tok', { name: 't', role: 'admin' });
const app = await buildApp({ db, nodeCode: '460100', publicBaseUrl: 'https://x', bodyLimit: 5e6, logger: { level: 'error' } });
const H = { authorization: 'Bearer tok', 'content-type': 'application/json' };
const ev = (f: object = {}) => ({ type: 'ObjectEvent', eventTime: '2026-03-01T09:30:00.000+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', epcList: ['urn:epc:id:sgtin:0614141.107346.2017'], ...f });
const doc = (events: unknown[]) => ({ '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'https://ex.com/' }], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-01T00:00:00Z', epcisBody: { eventList: events } });
const probes: Array<[string, Parameters<typeof app.inject>[0]]> = [
  ['malformed', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: '{"type": ' }],
  ['empty', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: '' }],
  ['null', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: 'null' }],
  ['array', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: '[1,2]' }],
  ['text/plain', { method: 'POST', url: '/epcis/v2/capture', headers: { ...H, 'content-type': 'text/plain' }, payload: 'hi' }],
  ['no ctype', { method: 'POST', url: '/epcis/v2/capture', headers: { authorization: 'Bearer tok' }, payload: 'hi' }],
  ['xml', { method: 'POST', url: '/epcis/v2/capture', headers: { ...H, 'content-type': 'application/xml' }, payload: '<a/>' }],
  ['notoken', { method: 'POST', url: '/epcis/v2/capture', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(doc([ev()])) }],
  ['badtoken', { method: 'POST', url: '/epcis/v2/capture', headers: { ...H, authorization: 'Bearer nope' }, payload: JSON.stringify(doc([ev()])) }],
  ['bad DL check', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev(), ev({ epcList: ['https://id.gs1.org/01/10614141073465/21/2017'] })])) }],
  ['bad EPC', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ epcList: ['urn:epc:id:sgtin:0614141.107346'] })])) }],
  ['two bad', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ action: 'NOPE' }), ev(), ev({ eventTime: 'yesterday' })])) }],
  ['deep ext 1000', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ 'example:deep': 'DEEP' })])).replace('"DEEP"', '{"example:n":'.repeat(1000) + '1' + '}'.repeat(1000)) }],
  ['deep ext 3000', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ 'example:deep': 'DEEP' })])).replace('"DEEP"', '{"example:n":'.repeat(3000) + '1' + '}'.repeat(3000)) }],
  ['deep ext 20000', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ 'example:deep': 'DEEP' })])).replace('"DEEP"', '{"example:n":'.repeat(20000) + '1' + '}'.repeat(20000)) }],
  ['deep arr 20000', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ 'example:deep': 'DEEP' })])).replace('"DEEP"', '['.repeat(20000) + '1' + ']'.repeat(20000)) }],
  ['deep junk', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: '['.repeat(100000) + ']'.repeat(100000) }],
  ['unknown q', { method: 'GET', url: '/epcis/v2/events?foo=1' }],
  ['bad time', { method: 'GET', url: '/epcis/v2/events?GE_eventTime=yesterday' }],
  ['bad page', { method: 'GET', url: '/epcis/v2/events?nextPageToken=zzz' }],
  ['bad match', { method: 'GET', url: '/epcis/v2/events?MATCH_epc=urn:epc:id:sgtin:xx' }],
  ['dup q', { method: 'GET', url: '/epcis/v2/events?eventType=ObjectEvent&eventType=AggregationEvent' }],
  ['trace unknown', { method: 'GET', url: '/api/v1/trace/' + encodeURIComponent('urn:epc:id:sgtin:0614141.107346.9999') }],
  ['trace garbage', { method: 'GET', url: '/api/v1/trace/%E0%A4%A' }],
  ['trace bad', { method: 'GET', url: '/api/v1/trace/not%20an%20id' }],
  ['code garbage', { method: 'GET', url: '/api/v1/codes/zzz' }],
  ['single event no ctx', { method: 'POST', url: '/epcis/v2/events', headers: H, payload: JSON.stringify(ev()) }],
  ['huge string', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ eventID: 'urn:x:' + 'a'.repeat(1_000_000) })])) }],
  ['eventTime bad date', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ eventTime: '2026-02-30T25:00:00Z' })])) }],
  ['proto', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: '{"__proto__": {"x": 1}, "constructor": {"prototype": {}}}' }],
  ['errdecl unknown bare', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ eventID: 'urn:uuid:1', errorDeclaration: { declarationTime: 'x' } })])) }],
];
for (const [name, opts] of probes) {
  const r = await app.inject(opts);
  console.log(name, r.statusCode, r.headers['content-type'], r.body.slice(0, 400));
}
await app.close();
