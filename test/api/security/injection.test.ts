import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dialect } from '../../../src/store/db.js';
import { expectNoInternals } from '../../support/api-requests.js';
import { registerParty, usccOf } from '../../support/parties.js';
import { buildTestApp, type TestApp } from '../../support/test-app.js';
import { testDialects } from '../../support/test-db.js';

// Requirement: text that looks like SQL, markup, a template, a path or a control sequence is data. Every text field
// stores it and gives it back character for character; a field that cannot hold a character (U+0000, whitespace in
// a code) refuses it with a 400 that names the field; a query or path parameter built of it answers a problem or an
// empty result, never 500, and never changes a table.

const DROP_TABLE = "'; DROP TABLE event; --";
const PATH_TRAVERSAL = '../../etc/passwd';
const INJECTIONS: Record<string, string> = {
  'SQL that drops a table': DROP_TABLE,
  'SQL that widens a WHERE': '" OR 1=1 --',
  'SQL with a UNION': "x' UNION SELECT token_hash FROM token --",
  'a script tag': '<script>alert(1)</script>',
  'a Mustache template': '{{7*7}}',
  'a JavaScript template': '${7*7}',
  'a path traversal': PATH_TRAVERSAL,
  'a %-escape of NUL': '%00',
  'a right-to-left override': 'invoice\u202Etxt.exe',
  'emoji with joiners': '🐖🥩👨‍👩‍👧',
  '4-byte CJK': '𠮷野家の𠀋',
  'a backslash and quotes': 'C:\\temp\\"x"\'y\'',
  'a line break and a tab': 'line one\nline\ttwo',
};

/** The injection strings without whitespace or "/", for fields that hold codes and URIs. */
const COMPACT = Object.fromEntries(Object.entries(INJECTIONS).filter(([, s]) => !/[\s/]/u.test(s)));

const MAKER = usccOf('460100', 'MA5QB0001');
const MANGO = 'MANGO';
const CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'https://ns.example.com/epcis/' }];
const NUL_DETAIL = (field: string) => `field ${field} contains the NUL character (U+0000), which cannot be stored`;

/** The tables of the test database and how many rows each holds. */
async function tableCounts(t: TestApp, dialect: Dialect): Promise<Record<string, number>> {
  const names = dialect === 'sqlite'
    ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(t.db)
    : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(t.db);
  const counts: Record<string, number> = {};
  for (const { name } of names.rows) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(name)}`.execute(t.db);
    counts[name] = Number(rows[0]?.n);
  }
  return counts;
}

/** A refusal of a field: 400 problem+json whose errors name it. */
function expectFieldRefused(res: LightMyRequestResponse, field: string): void {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  expectNoInternals(res.body);
}

for (const dialect of testDialects()) {
  describe(`injection strings are stored as text (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect);
      await registerParty(t.app, t.auth, { uscc: MAKER, name: '海口芒果农场', region: '460105', sectors: ['edible-agri'] });
      const product = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: t.auth, payload: { party: MAKER, code: MANGO, name: '贵妃芒', catalogueEntry: 'edible-agri.tropical-fruit' } });
      expect(product.statusCode, product.body).toBe(201);
    });
    afterEach(() => t.close());

    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: t.auth, payload });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: t.auth });

    it('registers parties named with injection strings and returns each name verbatim', async () => {
      const names = [...Object.values(INJECTIONS), '追'.repeat(200), '𠮷'.repeat(200)];
      for (const [i, name] of names.entries()) {
        const uscc = usccOf('460100', `MA5QC${String(i).padStart(4, '0')}`);
        const res = await post('/api/v1/parties', { uscc, name, region: '460100' });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json().party.name).toBe(name);
        expect((await get(`/api/v1/parties/${uscc}`)).json().name).toBe(name);
      }
    });

    it('refuses a party name with the NUL character or over 200 characters, naming the field, and registers nothing', async () => {
      const uscc = usccOf('460100', 'MA5QD0001');
      const nul = await post('/api/v1/parties', { uscc, name: 'a\u0000b', region: '460100' });
      expectFieldRefused(nul, 'name');
      expect(nul.json().detail).toBe(NUL_DETAIL('name'));
      expectFieldRefused(await post('/api/v1/parties', { uscc, name: '追'.repeat(201), region: '460100' }), 'body.name');
      expect((await get(`/api/v1/parties/${uscc}`)).statusCode).toBe(404);
    });

    it('keeps a party site URI made of injection characters verbatim, and refuses one with whitespace naming the field', async () => {
      for (const [i, text] of Object.values(COMPACT).entries()) {
        const uscc = usccOf('460100', `MA5QE${String(i).padStart(4, '0')}`);
        const site = `urn:example:site:${text}`;
        const res = await post('/api/v1/parties', { uscc, name: '某企业', region: '460100', site });
        expect(res.statusCode, res.body).toBe(201);
        expect((await get(`/api/v1/parties/${uscc}`)).json().site).toBe(site);
      }
      const spaced = await post('/api/v1/parties', { uscc: usccOf('460100', 'MA5QE9999'), name: '某企业', region: '460100', site: `urn:example:site:${DROP_TABLE}` });
      expectFieldRefused(spaced, 'site');
    });

    it('registers products whose names and codes are injection strings and lists them verbatim', async () => {
      const expected: Array<{ code: string; name: string }> = [];
      for (const [i, name] of [...Object.values(INJECTIONS), '芒'.repeat(200)].entries()) {
        const code = `P${i}`;
        expect((await post('/api/v1/products', { party: MAKER, code, name, catalogueEntry: 'edible-agri.tropical-fruit' })).statusCode).toBe(201);
        expected.push({ code, name });
      }
      for (const code of [...Object.values(COMPACT), 'Ж'.repeat(64)]) {
        const res = await post('/api/v1/products', { party: MAKER, code, name: '芒果', catalogueEntry: 'edible-agri.tropical-fruit' });
        expect(res.statusCode, `${code}: ${res.body}`).toBe(201);
        expect(res.json().productId).toBe(`${MAKER}/${code}`);
        const one = await get(`/api/v1/products/${encodeURIComponent(`${MAKER}/${code}`)}`);
        expect(one.statusCode, one.body).toBe(200);
        expect(one.json().code).toBe(code);
        expected.push({ code, name: '芒果' });
      }
      const listed: Array<{ code: string; name: string }> = (await get(`/api/v1/products?party=${MAKER}`)).json();
      const sort = (list: Array<{ code: string; name: string }>) => [...list].sort((a, b) => (a.code < b.code ? -1 : 1));
      expect(sort(listed.filter((p) => p.code !== MANGO).map(({ code, name }) => ({ code, name })))).toEqual(sort(expected));
    });

    it('refuses a product code with whitespace, "/" or NUL, naming the code, and registers nothing', async () => {
      for (const code of [DROP_TABLE, PATH_TRAVERSAL, 'a\u0000b']) {
        const res = await post('/api/v1/products', { party: MAKER, code, name: '芒果', catalogueEntry: 'edible-agri.tropical-fruit' });
        expectFieldRefused(res, 'code');
      }
      expect((await get(`/api/v1/products?party=${MAKER}`)).json().map((p: { code: string }) => p.code)).toEqual([MANGO]);
    });

    it('stores a record whose free-text element and reference are injection strings, and its event gives them back verbatim', async () => {
      for (const [i, text] of Object.values(INJECTIONS).entries()) {
        const res = await post('/api/v1/records', {
          sector: 'edible-agri', stage: 'farming', party: MAKER, product: MANGO, lot: `L${i}`, quantity: 100, unit: 'KGM', time: '2026-03-01T08:00:00+08:00',
          reference: text, data: { originRegion: '460105', baseName: text, harvestDate: '2026-03-01' },
        });
        expect(res.statusCode, res.body).toBe(201);
        const { recordId, eventId } = res.json();
        const event = await get(`/epcis/v2/events/${encodeURIComponent(eventId)}`);
        expect(event.statusCode, event.body).toBe(200);
        expect(event.json().ilmd['zhuisu:baseName']).toBe(text);
        expect(event.json()['zhuisu:reference']).toBe(text);
        const record = await get(`/api/v1/records/${encodeURIComponent(recordId)}`);
        expect(record.statusCode, record.body).toBe(200);
        expect(record.json()).toMatchObject({ recordId, eventId, party: MAKER, sector: 'edible-agri', stage: 'farming' });
      }
    });

    const farming = (lot: string, baseName: string) => post('/api/v1/records', {
      sector: 'edible-agri', stage: 'farming', party: MAKER, product: MANGO, lot, quantity: 1, unit: 'KGM', time: '2026-03-01T08:00:00+08:00',
      data: { originRegion: '460105', baseName, harvestDate: '2026-03-01' },
    });

    it('stores a text element of exactly its 100-character limit and refuses 101 characters or the NUL character, naming the element', async () => {
      const full = await farming('L-CJK', '基'.repeat(100));
      expect(full.statusCode, full.body).toBe(201);
      const event = await get(`/epcis/v2/events/${encodeURIComponent(full.json().eventId)}`);
      expect(event.json().ilmd['zhuisu:baseName']).toBe('基'.repeat(100));
      expectFieldRefused(await farming('L-LONG', '基'.repeat(101)), 'data.baseName');
      const nul = await farming('L-NUL', 'a\u0000b');
      expect(nul.statusCode).toBe(400);
      expect(nul.json().detail).toBe(NUL_DETAIL('data.baseName'));
    });

    it('counts a 4-byte CJK character as one character against a text element\'s limit, as the party name\'s limit does', async () => {
      const wide = await farming('L-WIDE', '𠮷'.repeat(100));
      expect(wide.statusCode, wide.body).toBe(201);
      const event = await get(`/epcis/v2/events/${encodeURIComponent(wide.json().eventId)}`);
      expect(event.json().ilmd['zhuisu:baseName']).toBe('𠮷'.repeat(100));
    });

    it('captures an EPCIS event with injection strings in extension fields and business transactions, and returns them verbatim', async () => {
      const extensions = Object.fromEntries(Object.values(INJECTIONS).map((text, i) => [`example:field${i}`, text]));
      const bizTransactionList = Object.values(COMPACT).map((text) => ({ type: 'po', bizTransaction: `urn:example:bt:${encodeURIComponent(text)}` }));
      const event = {
        '@context': CONTEXT, type: 'ObjectEvent', eventID: 'urn:uuid:6f1c0a52-0000-4000-8000-000000000001', eventTime: '2026-03-01T09:30:00.000+08:00', eventTimeZoneOffset: '+08:00',
        action: 'OBSERVE', epcList: ['urn:epc:id:sgtin:0614141.107346.2017'], bizStep: 'inspecting', bizTransactionList,
        ...extensions, 'example:nested': { 'example:list': Object.values(INJECTIONS) },
      };
      const res = await post('/epcis/v2/events', event);
      expect(res.statusCode, res.body).toBe(201);
      const stored = await get(`/epcis/v2/events/${encodeURIComponent(event.eventID)}`);
      expect(stored.statusCode, stored.body).toBe(200);
      const body = stored.json();
      for (const [name, text] of Object.entries(extensions)) expect(body[name]).toBe(text);
      expect(body['example:nested']).toEqual({ 'example:list': Object.values(INJECTIONS) });
      expect(body.bizTransactionList).toEqual(bizTransactionList);
    });

    it('refuses an EPCIS business transaction that is not a URI, naming the field', async () => {
      const event = {
        '@context': CONTEXT, type: 'ObjectEvent', eventTime: '2026-03-01T09:30:00.000+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE',
        epcList: ['urn:epc:id:sgtin:0614141.107346.2017'], bizTransactionList: [{ type: 'po', bizTransaction: DROP_TABLE }],
      };
      const res = await post('/epcis/v2/events', event);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['bizTransactionList[0].bizTransaction']);
      expectNoInternals(res.body);
    });

    it('keeps user display names and token names made of injection strings verbatim in the lists', async () => {
      for (const [i, text] of Object.values(INJECTIONS).entries()) {
        const user = await post('/api/v1/users', { username: `user${i}`, displayName: text, password: 'correct horse 电池 staple', role: 'enterprise_operator', enterprise: MAKER });
        expect(user.statusCode, user.body).toBe(201);
        expect(user.json().displayName).toBe(text);
        const token = await post('/api/v1/tokens', { name: text, role: 'enterprise_operator', enterprise: MAKER });
        expect(token.statusCode, token.body).toBe(201);
      }
      const users: Array<{ username: string; displayName: string }> = (await get('/api/v1/users')).json();
      expect(Object.fromEntries(users.map((u) => [u.username, u.displayName]))).toEqual(Object.fromEntries(Object.values(INJECTIONS).map((text, i) => [`user${i}`, text])));
      const tokens: Array<{ name: string }> = (await get('/api/v1/tokens')).json();
      expect(tokens.map((tk) => tk.name).filter((name) => name !== 'test').sort()).toEqual(Object.values(INJECTIONS).sort());
    });

    it('refuses the NUL character in a display name and a token name with 400 naming the field', async () => {
      const user = await post('/api/v1/users', { username: 'nul', displayName: 'a\u0000b', password: 'correct horse 电池 staple', role: 'enterprise_operator', enterprise: MAKER });
      expect(user.statusCode).toBe(400);
      expect(user.json().detail).toBe(NUL_DETAIL('displayName'));
      const token = await post('/api/v1/tokens', { name: 'a\u0000b', role: 'enterprise_operator', enterprise: MAKER });
      expect(token.statusCode).toBe(400);
      expect(token.json().detail).toBe(NUL_DETAIL('name'));
      expect((await get('/api/v1/users')).json()).toEqual([]);
    });

    it('keeps the product text of issued trace codes verbatim', async () => {
      for (const text of Object.values(INJECTIONS)) {
        const issued = await post('/api/v1/codes', { count: 1, product: text });
        expect(issued.statusCode, issued.body).toBe(201);
        const codes: Array<{ code: string }> = issued.json().codes;
        const [code] = codes;
        const found = await get(`/api/v1/codes/${encodeURIComponent(code?.code ?? '')}`);
        expect(found.statusCode, found.body).toBe(200);
        expect(found.json().product).toBe(text);
      }
    });

    it('answers injection strings in query and path parameters with a problem or an empty result, never 500, and changes no table', async () => {
      const seeded = await post('/epcis/v2/events', {
        '@context': CONTEXT, type: 'ObjectEvent', eventTime: '2026-03-01T09:30:00.000+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE',
        epcList: ['urn:epc:id:sgtin:0614141.107346.2017'], bizStep: 'inspecting',
      });
      expect(seeded.statusCode, seeded.body).toBe(201);
      const before = await tableCounts(t, dialect);
      expect(before.event).toBe(1);

      // What a 200 may hold: an injected filter value matches nothing; next to "inspecting" it adds nothing.
      const allowedMatches = (url: string): number | undefined => {
        if (url.endsWith('|inspecting')) return 1;
        if (/[?&](?:EQ_bizStep|MATCH_epc|EQ_readPoint|EQ_eventID)=/.test(url)) return 0;
        return undefined;
      };
      const failures: string[] = [];
      const texts = [...Object.values(INJECTIONS), "inspecting' OR '1'='1", 'inspecting" OR "1"="1', "inspecting'--", 'x'.repeat(2000)];
      for (const text of texts) {
        const value = encodeURIComponent(text);
        const urls = [
          `/epcis/v2/events?EQ_bizStep=${value}`,
          `/epcis/v2/events?EQ_bizStep=${value}|inspecting`,
          `/epcis/v2/events?MATCH_epc=${value}`,
          `/epcis/v2/events?EQ_readPoint=${value}`,
          `/epcis/v2/events?EQ_eventID=${value}`,
          `/epcis/v2/events/${value}`,
          `/api/v1/trace/${value}`,
          `/api/v1/trace/${value}/export.csv`,
          `/api/v1/codes/${value}`,
          `/api/v1/parties/${value}`,
          `/api/v1/products/${value}`,
          `/api/v1/products?party=${value}`,
          `/api/v1/records/${value}`,
          `/epcis/v2/capture/${value}`,
        ];
        for (const url of urls) {
          for (const headers of [{}, t.auth]) {
            const res = await t.app.inject({ method: 'GET', url, headers });
            const where = `GET ${url.slice(0, 100)}${'authorization' in headers ? ' (admin)' : ''}`;
            const matches = allowedMatches(url);
            if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
            else if (res.statusCode >= 400) {
              if (res.headers['content-type'] !== 'application/problem+json; charset=utf-8') failures.push(`${where}: ${res.statusCode} as ${String(res.headers['content-type'])}`);
              // A problem may quote the value it refuses; what else it says must not be SQL or a stack.
              expectNoInternals(res.body.replaceAll(JSON.stringify(text).slice(1, -1), '…').replaceAll(value, '…'));
            } else if (res.statusCode !== 200) failures.push(`${where}: ${res.statusCode}`);
            else if (matches !== undefined) {
              const events: unknown[] = res.json().epcisBody.queryResults.resultsBody.eventList;
              if (events.length !== matches) failures.push(`${where}: matched ${events.length} events, not ${matches}`);
            } else if (url.includes('?party=') && res.json().length !== 0) failures.push(`${where}: listed ${res.json().length} products`);
            else if (!url.includes('?party=')) failures.push(`${where}: 200 for an id nobody registered`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(await tableCounts(t, dialect)).toEqual(before);
    });
  });
}
