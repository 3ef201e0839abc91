import { hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contextNamespaces, eventHashId, eventPreHash } from '../../src/domain/event-hash.js';

type Json = Record<string, unknown>;

const CONFORMANCE = fileURLToPath(new URL('../../../shared/conformance/', import.meta.url));
const VECTORS = `${CONFORMANCE}event-hash/`;
const EQUIVALENCE_SET = `${CONFORMANCE}epcis/examples/xml/WithEventHashID/event_with_identical_hash_id_7.json`;

// Vectors of the reference implementation whose EPCIS document is XML; only their results were copied, so there
// is no JSON event to hash.
const XML_ONLY: Readonly<Record<string, string>> = {
  SensorDataExamples: 'XML document only',
  epcisDocHavingTooManyUserExtensions: 'XML document only (and no .hashes file)',
  epcisDocWith2DifferentTransformationEvents: 'XML document only',
  epcisDocWithTransformationEventWithExtension: 'XML document only',
  epcisDocWithTransformationEventWithMultipleExtensions: 'XML document only',
  epcisXmlDocHavingEventWithIgnoreFields: 'XML document only',
  epcisXmlQueryDocHavingEventWithIgnoreFields: 'XML document only',
};

// .prehashes lines that are broken in the reference repository itself; the .hashes line is right: it is the
// SHA-256 of the pre-hash string we compute, and not of the recorded line.
const BROKEN_PREHASH_LINES: Readonly<Record<string, string>> = {
  'epcisDocWithAllGS1Keys event 1': 'the recorded line is garbled (fragments interleaved: "epc=httpspc=…", "https://i23456010d.gs1.org")',
  'epcisDocWithCustomSchemaInContext event 2': 'the recorded line is a stale variant of event 1, not of event 2',
  'epcisDocWithDefaultSchemaInContext event 2': 'the recorded line is cut off after "bizTransaction=urn:epcglobal:cbv:bt:06141410734"',
};

function object(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object');
  return Object.fromEntries(Object.entries(value));
}

function array(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('expected a JSON array');
  return Array.from(value);
}

function readJson(path: string): Json {
  return object(JSON.parse(readFileSync(path, 'utf8')));
}

function lines(path: string): string[] | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((line) => line !== '') : undefined;
}

function sha256Id(preHash: string): string {
  return `ni:///sha-256;${hash('sha256', preHash, 'hex')}?ver=CBV2.0`;
}

/** The events of an EPCISDocument or EPCISQueryDocument, with what the hash needs from the document. */
function documentEvents(document: Json): { events: Json[]; namespaces: Record<string, string>; ignoreFields: string[] } {
  const body = object(document.epcisBody);
  const results = body.queryResults === undefined ? undefined : object(body.queryResults);
  const list = results === undefined ? body.eventList : object(results.resultsBody).eventList;
  // The reference implementation's own extension: a `<prefix>:ignoreFields` list beside the events.
  const ignoreFields = [document, results ?? {}].flatMap((holder) => Object.entries(holder)
    .filter(([key]) => key.endsWith(':ignoreFields'))
    .flatMap(([, fields]) => array(fields).filter((field) => typeof field === 'string')));
  return { events: array(list).map(object), namespaces: contextNamespaces(document['@context']), ignoreFields };
}

const vectorNames = [...new Set(readdirSync(VECTORS)
  .filter((file) => /\.(hashes|prehashes)$/.test(file))
  .map((file) => file.replace(/\.(hashes|prehashes)$/, '')))].sort();
const documentFile = (name: string): string | undefined =>
  ['.jsonld', '.json'].map((extension) => `${VECTORS}${name}${extension}`).find((path) => existsSync(path));

describe('event hash: reference implementation vectors (conformance/event-hash)', () => {
  it('has a JSON document, or a listed reason, for every vector', () => {
    expect(vectorNames.filter((name) => documentFile(name) === undefined)).toEqual(Object.keys(XML_ONLY).sort());
  });

  for (const name of vectorNames) {
    const path = documentFile(name);
    if (path === undefined) continue;
    const { events, namespaces, ignoreFields } = documentEvents(readJson(path));
    const hashes = lines(`${VECTORS}${name}.hashes`) ?? [];
    const preHashes = lines(`${VECTORS}${name}.prehashes`);

    it(`${name}: has one expected hash per event`, () => {
      expect(hashes).toHaveLength(events.length);
    });

    events.forEach((event, index) => {
      const label = `${name} event ${index + 1}`;
      it(`${label}: gives the reference hash ID`, () => {
        expect(eventHashId(event, namespaces, { ignoreFields })).toBe(hashes[index]);
      });
      if (preHashes === undefined) return;
      const broken = BROKEN_PREHASH_LINES[label];
      if (broken === undefined) {
        it(`${label}: builds the reference pre-hash string`, () => {
          expect(eventPreHash(event, namespaces, { ignoreFields })).toBe(preHashes[index]);
        });
      } else {
        it(`${label}: hashes to the reference ID although the recorded pre-hash line is broken (${broken})`, () => {
          expect(sha256Id(preHashes[index] ?? '')).not.toBe(hashes[index]);
          expect(sha256Id(eventPreHash(event, namespaces, { ignoreFields }))).toBe(hashes[index]);
        });
      }
    });
  }
});

/** A deep copy of a JSON value with every `from:` prefix of a property name written `to:`. */
function renamePrefix(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => renamePrefix(item, from, to));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) =>
    [key.startsWith(`${from}:`) ? `${to}:${key.slice(from.length + 1)}` : key, renamePrefix(item, from, to)]));
}

describe('event hash: differently written events (conformance/epcis/examples/xml/WithEventHashID)', () => {
  // event_with_identical_hash_id_7.json is the set's only JSON document; its XML siblings 1–6 each rewrite the
  // same event one way. Each rewrite is reproduced here in JSON on a copy of event 7.
  const document = readJson(EQUIVALENCE_SET);
  const { events: [base = {}], namespaces } = documentEvents(document);
  const baseId = eventHashId(base, namespaces);
  const copy = (): Json => object(structuredClone(base));

  it('gives event 7 (URN-form CBV values) the same ID as the event in bare JSON-LD and Digital Link notation', () => {
    const event = copy();
    Object.assign(event, {
      bizStep: 'receiving',
      disposition: 'in_progress',
      readPoint: { id: 'https://id.gs1.org/414/0012345111112/254/400' },
      bizLocation: { id: 'https://example.com/414/0012345111112' },
      bizTransactionList: [{ type: 'po', bizTransaction: 'https://id.gs1.org/253/06141410000121618034' }],
      sourceList: [
        { type: 'owning_party', source: 'urn:epc:id:pgln:4012345.00225' },
        { type: 'location', source: 'urn:epc:id:sgln:4012345.00225.0' },
        { type: 'possessing_party', source: 'urn:epc:id:pgln:4012345.00225' },
      ],
      persistentDisposition: { set: ['completeness_verified'], unset: ['completeness_inferred'] },
    });
    const destinations = array(event.destinationList).map(object);
    event.destinationList = destinations.map((d) => ({ ...d, type: String(d.type).replace('urn:epcglobal:cbv:sdt:', '') }));
    expect(eventHashId(event, namespaces)).toBe(baseId);
  });

  it('gives the same ID with the epcList shuffled (file 3)', () => {
    const event = copy();
    event.epcList = array(event.epcList).reverse();
    expect(eventHashId(event, namespaces)).toBe(baseId);
  });

  it('gives the same ID with the quantityList shuffled and quantities written as in XML (files 1, 4)', () => {
    const event = copy();
    event.quantityList = array(event.quantityList).map(object).reverse().map((q) => ({ ...q, quantity: String(q.quantity) }));
    expect(eventHashId(event, namespaces)).toBe(baseId);
  });

  it('gives the same ID when the extension namespace has another prefix (file 5)', () => {
    const event = object(renamePrefix(base, 'ext1', 'ext2'));
    expect(eventHashId(event, contextNamespaces([{ ext2: 'http://example.com/ext1' }]))).toBe(baseId);
  });

  it('gives the same ID when an extension value states its string type (file 6)', () => {
    const event = copy();
    event['ext1:default'] = { '@value': 'stringAsDefaultValue', '@type': 'xsd:string' };
    expect(eventHashId(event, namespaces)).toBe(baseId);
  });

  it('gives the same ID when eventTime is written in another time zone', () => {
    const event = copy();
    event.eventTime = '2005-04-05T02:33:31.116Z';
    expect(eventHashId(event, namespaces)).toBe(baseId);
  });

  it('gives another ID when eventTimeZoneOffset itself changes (file 2 writes -05:00: CBV 2.0 hashes the offset as written)', () => {
    const event = copy();
    Object.assign(event, { eventTime: '2005-04-04T21:33:31.116-05:00', eventTimeZoneOffset: '-05:00' });
    expect(eventHashId(event, namespaces)).not.toBe(baseId);
  });
});

describe('eventHashId', () => {
  const namespaces = { example: 'https://ns.example.com/epcis/' };
  const event: Json = {
    type: 'ObjectEvent',
    eventTime: '2020-03-04T11:00:30.000+01:00',
    eventTimeZoneOffset: '+01:00',
    epcList: ['urn:epc:id:sgtin:0614141.107346.2017', 'urn:epc:id:sgtin:0614141.107346.2018'],
    action: 'OBSERVE',
    bizStep: 'shipping',
    readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234' },
    'example:batch': 'L-1',
  };
  const id = eventHashId(event, namespaces);

  it('writes the ID as an RFC 6920 ni URI with the CBV version', () => {
    expect(id).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
  });

  it('gives the same ID to an event whose epcList is in another order', () => {
    expect(eventHashId({ ...event, epcList: ['urn:epc:id:sgtin:0614141.107346.2018', 'urn:epc:id:sgtin:0614141.107346.2017'] }, namespaces)).toBe(id);
  });

  it('gives the same ID whatever the order of the JSON fields', () => {
    expect(eventHashId(Object.fromEntries(Object.entries(event).reverse()), namespaces)).toBe(id);
  });

  it('leaves eventID, recordTime, errorDeclaration and comments out', () => {
    const annotated = {
      ...event,
      eventID: 'urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8',
      recordTime: '2020-03-04T11:00:31.000+01:00',
      errorDeclaration: { declarationTime: '2020-03-05T00:00:00Z', reason: 'incorrect_data' },
      'rdfs:comment': 'observed at the gate',
      readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234', comment: 'gate 2' },
    };
    expect(eventHashId(annotated, namespaces)).toBe(id);
  });

  it('treats bare, compact, web URI and URN forms of a CBV value alike', () => {
    for (const bizStep of ['https://ref.gs1.org/cbv/BizStep-shipping', 'cbv:BizStep-shipping', 'urn:epcglobal:cbv:bizstep:shipping']) {
      expect(eventHashId({ ...event, bizStep }, namespaces)).toBe(id);
    }
  });

  it('identifies a user extension by its namespace, not its prefix', () => {
    const { 'example:batch': batch, ...rest } = event;
    expect(eventHashId({ ...rest, 'ex:batch': batch }, { ex: 'https://ns.example.com/epcis/' })).toBe(id);
  });

  it("reads the prefixes of an event's own @context", () => {
    const { 'example:batch': batch, ...rest } = event;
    expect(eventHashId({ '@context': [{ ex: 'https://ns.example.com/epcis/' }], ...rest, 'ex:batch': batch }, {})).toBe(id);
  });

  it('changes the ID when a value, a field or an extension changes', () => {
    expect(eventHashId({ ...event, bizStep: 'receiving' }, namespaces)).not.toBe(id);
    expect(eventHashId({ ...event, disposition: 'in_transit' }, namespaces)).not.toBe(id);
    expect(eventHashId({ ...event, 'example:batch': 'L-2' }, namespaces)).not.toBe(id);
    expect(eventHashId({ ...event, epcList: ['urn:epc:id:sgtin:0614141.107346.2017'] }, namespaces)).not.toBe(id);
  });
});

describe('eventPreHash', () => {
  const preHash = (event: Json, namespaces: Record<string, string> = {}): string =>
    eventPreHash({ type: 'ObjectEvent', ...event }, namespaces);

  it('writes timestamps in UTC with three decimals, rounding the third half-up', () => {
    expect(preHash({ eventTime: '2020-03-04T11:00:30+01:00' })).toBe('eventType=ObjectEventeventTime=2020-03-04T10:00:30.000Z');
    expect(preHash({ eventTime: '2023-01-18T11:04:03.1415Z' })).toBe('eventType=ObjectEventeventTime=2023-01-18T11:04:03.142Z');
    expect(preHash({ eventTime: '2023-12-31T23:59:59.9996-00:30' })).toBe('eventType=ObjectEventeventTime=2024-01-01T00:30:00.000Z');
  });

  it('writes numbers without trailing zeros, as the reference implementation does', () => {
    const quantities = (quantity: unknown): string =>
      preHash({ quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity, uom: 'KGM' }] });
    expect(quantities(200.0)).toBe(quantities('200'));
    expect(quantities('+200.50')).toContain('quantity=200.5uom');
    expect(quantities(0.00001)).toContain('quantity=1e-05uom');
  });

  it('expands bare sensor vocabulary to GS1 web vocabulary and keeps sensor reports in lexical order', () => {
    expect(preHash({
      sensorElementList: [{ sensorReport: [{ type: 'Temperature', value: 26.0, uom: 'CEL' }, { type: 'gs1:AbsoluteHumidity', value: 12.1, uom: 'A93', component: 'x' }] }],
    })).toBe('eventType=ObjectEventsensorElementListsensorElement'
      + 'sensorReporttype=https://gs1.org/voc/AbsoluteHumidityvalue=12.1component=https://ref.gs1.org/cbv/Comp-xuom=A93'
      + 'sensorReporttype=https://gs1.org/voc/Temperaturevalue=26uom=CEL');
  });

  it('places user extensions of a standard field after its own fields', () => {
    expect(preHash({ readPoint: { 'example:door': 'B', id: 'urn:epc:id:sgln:4012345.00011.0' } }, { example: 'https://ns.example.com/epcis/' }))
      .toBe('eventType=ObjectEventreadPointid=https://id.gs1.org/414/4012345000115{https://ns.example.com/epcis/}door=B');
  });

  it('sorts by code point, as UTF-8 bytes do, also beyond the Basic Multilingual Plane', () => {
    expect(preHash({ 'example:tag': ['\u{1F600}', '\uFF21'] }, { example: 'urn:x:' }))
      .toBe('eventType=ObjectEvent{urn:x:}tag=\uFF21{urn:x:}tag=\u{1F600}');
  });

  it('leaves out the fields a caller names, compact or expanded', () => {
    const event = { eventTime: '2020-03-04T10:00:30.000Z', 'repo:hash': 'h', 'example:id': 'x' };
    const namespaces = { repo: 'https://repo.example.com/', example: 'https://ns.example.com/epcis/' };
    expect(eventPreHash({ type: 'ObjectEvent', ...event }, namespaces, { ignoreFields: ['repo:hash', '{https://ns.example.com/epcis/}id'] }))
      .toBe('eventType=ObjectEventeventTime=2020-03-04T10:00:30.000Z');
  });
});

describe('contextNamespaces', () => {
  it('collects the prefixes of a document @context, skipping context URLs and JSON-LD keywords', () => {
    expect(contextNamespaces([
      'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
      { example: 'https://ns.example.com/epcis/', '@vocab': 'https://ns.example.com/vocab/' },
      { gs1: 'https://gs1.org/voc/', id: '@id', ext: { '@id': 'https://ns.ext.de/', '@prefix': true } },
    ])).toEqual({ example: 'https://ns.example.com/epcis/', gs1: 'https://gs1.org/voc/', ext: 'https://ns.ext.de/' });
  });

  it('accepts a lone context object and gives nothing for a lone context URL', () => {
    expect(contextNamespaces({ example: 'https://ns.example.com/epcis/' })).toEqual({ example: 'https://ns.example.com/epcis/' });
    expect(contextNamespaces('https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld')).toEqual({});
  });
});
