import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Ajv, type ErrorObject } from 'ajv';
import ajvFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isObject, type JsonObject } from '../../src/domain/event.js';
import {
  allEvents,
  eventListOf,
  expectProblem,
  issueLocations,
  jsonBody,
  objectOf,
  postCapture,
  queryEvents,
  stringOf,
  type ProblemBody,
} from '../support/api-requests.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-db.js';

// Requirement: every document under the GS1 example folders that validates against the GS1 JSON schema is accepted
// and its events come back from GET /events equal in meaning; a document that violates the schema is refused with
// 400 and a problem naming the offending event and field. The whole folder is walked; nothing is skipped.

const CONFORMANCE = '/work/shared/conformance/epcis';
const EXAMPLE_FOLDERS = ['examples/jsonld', 'examples/jsonld-simple-context'];
const RECORD_TIME = '2026-05-01T02:00:00.000Z';
const HASH_ID = /^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/;

// Examples the walk leaves out, each with the reason. Keep it empty unless an example cannot be run at all.
const SKIPPED: Record<string, string> = {};

// The JSON-LD contexts the examples name, read from the local copies (no network in tests).
const CONTEXT_FILES: Record<string, string> = {
  'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld': join(CONFORMANCE, 'jsonld-context/epcis-context.jsonld'),
  'https://gs1.github.io/EPCIS/epcis-context-simple.jsonld': join(CONFORMANCE, 'jsonld-context/epcis-context-simple.jsonld'),
};

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      return /\.(jsonld|json)$/.test(name) ? [path] : [];
    });
}

function readJson(path: string): JsonObject {
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
  return objectOf(value, path);
}

const gs1Ajv = new Ajv({ strict: false, allErrors: true });
ajvFormats.default(gs1Ajv);
const gs1Schema = gs1Ajv.compile(readJson(join(CONFORMANCE, 'json-schema/EPCIS-JSON-Schema.json')));

interface Example {
  name: string;
  doc: JsonObject;
  valid: boolean;
  errors: ErrorObject[];
}

const examples: Example[] = EXAMPLE_FOLDERS.flatMap((folder) => walk(join(CONFORMANCE, folder)))
  .map((path) => {
    const doc = readJson(path);
    const valid = gs1Schema(doc);
    return { name: relative(join(CONFORMANCE, 'examples'), path), doc, valid, errors: [...(gs1Schema.errors ?? [])] };
  })
  .filter((example) => SKIPPED[example.name] === undefined);

// ---- JSON-LD: what IRI a `prefix:name` key stands for under a given @context ----

function termsOf(context: unknown): Map<string, unknown> {
  const terms = new Map<string, unknown>();
  for (const part of Array.isArray(context) ? context : [context]) {
    const local = typeof part === 'string' ? CONTEXT_FILES[part] : undefined;
    if (typeof part === 'string' && local === undefined) throw new Error(`no local copy of the JSON-LD context ${part}`);
    const definitions = local === undefined ? objectOf(part, '@context entry') : objectOf(readJson(local)['@context'], `${local} @context`);
    for (const [term, definition] of Object.entries(definitions)) terms.set(term, definition);
  }
  return terms;
}

function idOf(definition: unknown): string | undefined {
  if (typeof definition === 'string') return definition;
  return isObject(definition) && typeof definition['@id'] === 'string' ? definition['@id'] : undefined;
}

// JSON-LD 1.1 §4.1.3 (compact IRIs) and §4.2 (term definitions), enough for the keys the examples use.
function expandIri(value: string, terms: Map<string, unknown>, depth = 0): string {
  if (depth > 10) throw new Error(`IRI expansion of ${value} does not end`);
  const term = idOf(terms.get(value));
  if (term !== undefined && term !== value) return expandIri(term, terms, depth + 1);
  const colon = value.indexOf(':');
  if (colon <= 0 || value.startsWith('//', colon + 1)) return value;
  const namespace = idOf(terms.get(value.slice(0, colon)));
  return namespace === undefined ? value : expandIri(namespace, terms, depth + 1) + value.slice(colon + 1);
}

/** Every namespaced key (`prefix:name`) in an event, with where it sits. */
function extensionKeys(value: unknown, path = ''): Array<{ path: string; key: string }> {
  if (Array.isArray(value)) return value.flatMap((item, i) => extensionKeys(item, `${path}[${i}]`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(key.includes(':') && !key.startsWith('@') ? [{ path, key }] : []),
    ...extensionKeys(inner, path === '' ? key : `${path}.${key}`),
  ]);
}

// ---- What the GS1 schema says is wrong with an invalid document, as event index and field ----

interface Finding {
  index: number | undefined;
  /** The field the GS1 schema points at, when it points at one; the platform may name a field inside it. */
  field: string | undefined;
}

function locate(pointer: string): { index: number | undefined; field: string } {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/');
  const inEvent = segments[0] === 'epcisBody' && segments[1] === 'eventList' && /^\d+$/.test(segments[2] ?? '');
  const rest = inEvent ? segments.slice(3) : segments;
  const field = rest.reduce((name, s) => (/^\d+$/.test(s) ? `${name}[${s}]` : name === '' ? s : `${name}.${s}`), '');
  return { index: inEvent ? Number(segments[2]) : undefined, field };
}

function gs1Findings(errors: ErrorObject[]): Finding[] {
  const findings: Finding[] = [];
  for (const error of errors) {
    // `if`/`anyOf` only say that something below failed; the errors below say what.
    if (error.keyword === 'if' || error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
    const underPropertyNames = error.schemaPath.includes('/propertyNames/') || error.schemaPath.startsWith('#/definitions/vocab-uri');
    if (underPropertyNames && error.keyword !== 'propertyNames') {
      findings.push({ index: locate(error.instancePath).index, field: undefined });
      continue;
    }
    const extra = error.keyword === 'required' ? String(error.params.missingProperty)
      : error.keyword === 'propertyNames' ? String(error.params.propertyName) : undefined;
    const { index, field } = locate(extra === undefined ? error.instancePath : `${error.instancePath}/${extra}`);
    // Inside one branch of an alternative the schema cannot say which field the sender meant; only the event is sure.
    const inBranch = /\/anyOf\/\d+\//.test(error.schemaPath);
    findings.push({ index, field: inBranch || field === '' ? undefined : field });
  }
  return findings;
}

function isSameOrInside(field: string, outer: string): boolean {
  return field === outer || field.startsWith(`${outer}.`) || field.startsWith(`${outer}[`);
}

function expectProblemNamesFindings(problem: ProblemBody, findings: Finding[]): void {
  const issues = issueLocations(problem);
  expect(new Set(issues.map((i) => i.index))).toEqual(new Set(findings.map((f) => f.index)));
  for (const finding of findings) {
    const where = finding.index === undefined ? 'document: ' : `event ${finding.index} (`;
    expect(problem.detail).toContain(where);
    if (finding.field === undefined) continue;
    const named = issues.filter((i) => i.index === finding.index && finding.field !== undefined && isSameOrInside(i.field, finding.field));
    expect(named, `${where}${finding.field} in ${JSON.stringify(issues)}`).not.toHaveLength(0);
    for (const issue of named) expect(problem.detail).toContain(`field ${issue.field} `);
  }
}

describe('the GS1 EPCIS 2.0 example folders', () => {
  it('are walked completely: every *.jsonld and *.json file in both folders, none skipped without a written reason', () => {
    const onDisk = EXAMPLE_FOLDERS.flatMap((folder) => walk(join(CONFORMANCE, folder)));
    expect(onDisk).toHaveLength(93);
    expect(examples.length + Object.keys(SKIPPED).length).toBe(onDisk.length);
    for (const [name, reason] of Object.entries(SKIPPED)) {
      expect(onDisk.map((p) => relative(join(CONFORMANCE, 'examples'), p))).toContain(name);
      expect(reason.trim()).not.toBe('');
    }
  });

  it('hold both documents the GS1 schema accepts and documents it refuses', () => {
    expect(examples.filter((e) => e.valid).length).toBe(50);
    expect(examples.filter((e) => !e.valid).length).toBe(43);
    expect(examples.filter((e) => e.valid && e.name.startsWith('jsonld/')).length).toBe(47);
  });
});

for (const dialect of testDialects()) {
  describe(`GS1 examples valid under the GS1 JSON schema are captured and read back (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      // A fresh ledger per document: eventIDs shared between example files must not meet.
      t = await buildTestApp(dialect, { now: () => new Date(RECORD_TIME) });
    });
    afterEach(() => t.close());

    for (const example of examples.filter((e) => e.valid)) {
      it(`accepts ${example.name} and returns each of its events equal in meaning`, async () => {
        const sent = eventListOf(example.doc);
        const res = await postCapture(t, example.doc);
        expect(res.statusCode, res.body).toBe(202);
        const job = jsonBody(res);
        const location = stringOf(res.headers.location, 'Location');
        expect(location).toBe(`/epcis/v2/capture/${encodeURIComponent(stringOf(job.captureID, 'captureID'))}`);

        const jobRes = await t.app.inject({ method: 'GET', headers: t.auth, url: location });
        expect(jobRes.statusCode).toBe(200);
        expect(jsonBody(jobRes)).toMatchObject({ captureID: job.captureID, running: false, success: true, errors: [], eventCount: sent.length, storedCount: sent.length });

        const listing = await allEvents(t);
        expect(listing).toHaveLength(sent.length);
        const unmatched = [...listing];
        const returnedIds: string[] = [];
        for (const [i, original] of sent.entries()) {
          const returned = await readBack(original, unmatched);
          returnedIds.push(stringOf(returned.eventID, 'eventID'));
          expect(returned, `event ${i}`).toEqual({ ...without(original, 'recordTime'), eventID: returned.eventID, recordTime: RECORD_TIME });
          if (typeof original.eventID === 'string') expect(returned.eventID).toBe(original.eventID);
          else expect(returned.eventID).toMatch(HASH_ID);
        }
        // Ledger order is capture order.
        expect(listing.map((e) => e.eventID)).toEqual(returnedIds);
      });

      it(`resolves every extension key of ${example.name} to the same IRI through the response @context`, async () => {
        expect((await postCapture(t, example.doc)).statusCode).toBe(202);
        const res = await t.app.inject({ method: 'GET', headers: t.auth, url: '/epcis/v2/events?perPage=1000' });
        const responseTerms = termsOf(jsonBody(res)['@context']);
        const documentTerms = termsOf(example.doc['@context']);
        const returned = eventListOf(jsonBody(res));
        for (const [i, original] of eventListOf(example.doc).entries()) {
          const back = returned.find((e) => isDeepStrictEqual(withoutLedgerFields(e), withoutLedgerFields(original)));
          const sentIris = extensionKeys(original).map(({ path, key }) => ({ path, iri: expandIri(key, documentTerms) }));
          for (const { path, iri } of sentIris) expect(iri, `event ${i} ${path}`).toMatch(/^(?:https?:\/\/|urn:)/);
          const backIris = extensionKeys(objectOf(back, `event ${i} read back`)).map(({ path, key }) => ({ path, iri: expandIri(key, responseTerms) }));
          expect(backIris, `event ${i}`).toEqual(sentIris);
        }
      });
    }

    async function readBack(original: JsonObject, unmatched: JsonObject[]): Promise<JsonObject> {
      if (typeof original.eventID === 'string') {
        const { events } = await queryEvents(t, { EQ_eventID: original.eventID });
        expect(events).toHaveLength(1);
        const [event] = events;
        return objectOf(event, 'event');
      }
      // No eventID: the platform assigned the CBV 2.0 hash id; find the event by its content, then fetch it by that id.
      const at = unmatched.findIndex((e) => isDeepStrictEqual(withoutLedgerFields(e), withoutLedgerFields(original)));
      expect(at, 'an event with the same content in GET /events').toBeGreaterThanOrEqual(0);
      const [found] = unmatched.splice(at, 1);
      const id = stringOf(objectOf(found, 'event').eventID, 'eventID');
      const { events } = await queryEvents(t, { EQ_eventID: id });
      expect(events).toHaveLength(1);
      return objectOf(events[0], 'event');
    }
  });

  describe(`GS1 examples with clashing prefixes captured into one ledger (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect, { now: () => new Date(RECORD_TIME) });
    });
    afterEach(() => t.close());

    // transformation_event_all_possible_fields binds cbvmda to its own namespace; object_event_all_possible_fields uses
    // the cbvmda of the standard context. SensorDataExample12 binds example to https://ns.example.com/epcis, others to
    // http://ns.example.com/epcis/.
    const pairs: Array<[string, string]> = [
      ['jsonld/WithFullCombinationOfFields/object_event_all_possible_fields.jsonld', 'jsonld/WithFullCombinationOfFields/transformation_event_all_possible_fields.jsonld'],
      ['jsonld/WithFullCombinationOfFields/transformation_event_all_possible_fields.jsonld', 'jsonld/WithFullCombinationOfFields/object_event_all_possible_fields.jsonld'],
      ['jsonld/Example_9.6.1-ObjectEvent.jsonld', 'jsonld/WithSensorData/SensorDataExample12.jsonld'],
      ['jsonld/WithSensorData/SensorDataExample12.jsonld', 'jsonld/Example_9.6.1-ObjectEvent.jsonld'],
    ];
    for (const [first, second] of pairs) {
      it(`returns the events of ${first} and then ${second} in one response, each extension key meaning what it meant in its own document`, async () => {
        const docs = [first, second].map((name) => readJson(join(CONFORMANCE, 'examples', name)));
        for (const doc of docs) expect((await postCapture(t, doc)).statusCode).toBe(202);
        const response = jsonBody(await t.app.inject({ method: 'GET', headers: t.auth, url: '/epcis/v2/events?perPage=1000' }));
        const responseTerms = termsOf(response['@context']);
        const returned = eventListOf(response);
        const sent = docs.flatMap((doc) => eventListOf(doc).map((event) => ({ event, terms: termsOf(doc['@context']) })));
        expect(returned).toHaveLength(sent.length);
        let checked = 0;
        for (const [i, { event, terms }] of sent.entries()) {
          const back = objectOf(returned[i], `event ${i} read back`);
          const sentIris = extensionKeys(event).map(({ key }) => expandIri(key, terms)).sort();
          expect(extensionKeys(back).map(({ key }) => expandIri(key, responseTerms)).sort(), `event ${i}`).toEqual(sentIris);
          checked += sentIris.length;
        }
        expect(checked).toBeGreaterThan(0);
      });
    }
  });

  describe(`GS1 example error declarations on events new to the ledger (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect, { now: () => new Date(RECORD_TIME) });
    });
    afterEach(() => t.close());

    it('keeps the declaration of ErrorDeclarationAndCorrectiveEvent.jsonld as part of the declared event, and the corrective event plain', async () => {
      const doc = readJson(join(CONFORMANCE, 'examples/jsonld/WithErrorDeclaration/ErrorDeclarationAndCorrectiveEvent.jsonld'));
      expect((await postCapture(t, doc)).statusCode).toBe(202);
      const declared = jsonBody(await t.app.inject({ method: 'GET', headers: t.auth, url: `/epcis/v2/events/${encodeURIComponent('urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8')}` }));
      expect(declared.errorDeclaration).toEqual({
        declarationTime: '2020-01-15T00:00:00+01:00',
        reason: 'incorrect_data',
        'example:vendorExtension': 'Test1',
        correctiveEventIDs: ['urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8'],
      });
      expect(declared['@context']).toEqual(['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'http://ns.example.com/epcis/' }]);
      expect(declared.eventTime).toBe('2020-01-14T00:00:00+01:00');
      const corrective = jsonBody(await t.app.inject({ method: 'GET', headers: t.auth, url: `/epcis/v2/events/${encodeURIComponent('urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8')}` }));
      expect(corrective.errorDeclaration).toBeUndefined();
      expect(corrective.outputQuantityList).toEqual([{ epcClass: 'urn:epc:idpat:sgtin:4012345.044444.*', quantity: 500, uom: 'KGM' }]);
    });

    it('keeps the declaration of Example_9.6.1-ObjectEvent-with-error-declaration.jsonld with both corrective event ids', async () => {
      const doc = readJson(join(CONFORMANCE, 'examples/jsonld/WithErrorDeclaration/Example_9.6.1-ObjectEvent-with-error-declaration.jsonld'));
      expect((await postCapture(t, doc)).statusCode).toBe(202);
      const id = 'ni:///sha-256;aa49daa1fe0b773e0437e546078dc87de9c864d5b9babe84488f31478887fdf3?ver=CBV2.0';
      const { events } = await queryEvents(t, { EQ_eventID: id });
      expect(events).toHaveLength(1);
      expect(events[0]?.errorDeclaration).toEqual({
        declarationTime: '2021-02-01T22:46:31.117000+00:00',
        reason: 'incorrect_data',
        correctiveEventIDs: [
          'ni:///sha-256;c6407ffcac52ec159528f2b556ba4ac3844c5aa48485c1fd61643e94f0a2d678?ver=CBV2.0',
          'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
        ],
      });
      const { events: declaredOnly } = await queryEvents(t, { EQ_eventID: 'ni:///sha-256;00e1e6eba3a7cc6125be4793a631f0af50f8322e0ab5f2c0bab994a11cec1d79?ver=CBV2.0' });
      expect(declaredOnly[0]?.errorDeclaration).toBeUndefined();
    });
  });

  describe(`GS1 examples that violate the GS1 JSON schema are refused (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect);
    });
    afterEach(() => t.close());

    for (const example of examples.filter((e) => !e.valid)) {
      it(`refuses ${example.name} with 400 naming each offending event and field, and stores nothing`, async () => {
        const problem = expectProblem(await postCapture(t, example.doc), 400, 'epcisException:ValidationException');
        expect(problem.body.code).toBe('invalid_document');
        expectProblemNamesFindings(problem, gs1Findings(example.errors));
        expect(await allEvents(t)).toEqual([]);
      });
    }
  });
}

function without(event: JsonObject, ...keys: string[]): JsonObject {
  const copy = { ...event };
  for (const key of keys) delete copy[key];
  return copy;
}

function withoutLedgerFields(event: JsonObject): JsonObject {
  return without(event, 'eventID', 'recordTime');
}
