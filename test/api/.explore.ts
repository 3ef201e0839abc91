import { buildApp } from '../../src/api/app.js';
import { createDb, migrateToLatest } from '../../src/store/db.js';
import { createTokenStore } from '../../src/store/token-store.js';
import { startPostgresServer } from '../support/postgres-server.js';
const server = await startPostgresServer();
try {
const db = createDb({ databaseUrl: server.url });
await migrateToLatest(db);
await createTokenStore(db, { now: () => new Date() }).add('tok', { name: 't', role: 'admin' });
const app = await buildApp({ db, nodeCode: '460100', publicBaseUrl: 'https://x', bodyLimit: 5e6, logger: { level: 'error' } });
const H = { authorization: 'Bearer tok', 'content-type': 'application/json' };
const ev = (f: object = {}) => ({ type: 'ObjectEvent', eventTime: '2026-03-01T09:30:00.000+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', epcList: ['urn:epc:id:sgtin:0614141.107346.2017'], ...f });
const doc = (events: unknown[]) => ({ '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'https://ex.com/' }], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-01T00:00:00Z', epcisBody: { eventList: events } });
const probes: Array<[string, Parameters<typeof app.inject>[0]]> = [
  ['nul id get', { method: 'GET', url: '/epcis/v2/events/%00%01' }],
  ['nul capture get', { method: 'GET', url: '/epcis/v2/capture/%00' }],
  ['nul EQ_eventID', { method: 'GET', url: '/epcis/v2/events?EQ_eventID=a%00b' }],
  ['nul bizStep', { method: 'GET', url: '/epcis/v2/events?EQ_bizStep=a%00b' }],
  ['nul readPoint', { method: 'GET', url: '/epcis/v2/events?EQ_readPoint=urn:x:a%00b' }],
  ['nul trace', { method: 'GET', url: '/api/v1/trace/urn:x:a%00b' }],
  ['nul token', { method: 'POST', url: '/epcis/v2/capture', headers: { ...H, authorization: 'Bearer a\u0000b' }, payload: '{}' }],
  ['nul in string', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ 'example:x': 'a\u0000b' })])) }],
  ['nul in bizstep uri', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ bizStep: 'urn:x:a\u0000b' })])) }],
  ['nul in disposition uri', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ disposition: 'https://x.com/a\u0000' })])) }],
  ['nul in uom', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ epcList: undefined, quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 1, uom: 'K\u0000' }] })])) }],
  ['nul in tz', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ eventTimeZoneOffset: '+08:00\u0000' })])) }],
  ['nul in sdt type', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ sourceList: [{ type: 'urn:x:\u0000', source: 'urn:epc:id:pgln:0614141.00001' }] })])) }],
  ['nul in eventID', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ eventID: 'urn:x:\u0000' })])) }],
  ['nul in errdecl reason', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ eventID: 'urn:uuid:9' })])) }],
  ['nul in errdecl reason 2', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ eventID: 'urn:uuid:9', errorDeclaration: { declarationTime: '2026-01-01T00:00:00Z', reason: 'urn:x:\u0000' } })])) }],
  ['dup ids', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ eventID: 'urn:uuid:5' }), ev({ eventID: 'urn:uuid:5', action: 'ADD' })])) }],
  ['huge seq', { method: 'GET', url: '/epcis/v2/events?nextPageToken=' + Buffer.from('seq:999999999999999').toString('base64url') }],
  ['year 0', { method: 'POST', url: '/epcis/v2/capture', headers: H, payload: JSON.stringify(doc([ev({ eventTime: '0000-01-01T00:00:00Z' })])) }],
];
for (const [name, opts] of probes) {
  const r = await app.inject(opts);
  console.log(name, r.statusCode, r.body.slice(0, 300));
}
await app.close(); await db.destroy();
} finally { await server.stop(); }
