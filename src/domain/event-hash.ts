import { hash } from 'node:crypto';
import {
  canonicalNumber, canonicalTime, canonicalValue, canonicalVocabularyValue,
} from './event-hash/canonical-value.js';
import { isJsonArray, isJsonObject, itemsOf, type JsonObject } from './event-hash/json.js';
import { expandKey, namespaceOf, type Namespaces } from './event-hash/namespaces.js';

export { contextNamespaces } from './event-hash/namespaces.js';

/** Options of `eventPreHash` / `eventHashId`. */
export interface EventHashOptions {
  /**
   * Top-level fields to leave out besides the standard ones, written compact or expanded (`ex:captureID`). The
   * reference implementation takes them from a document's `<prefix>:ignoreFields` list; CBV 2.0 itself has none.
   */
  readonly ignoreFields?: readonly string[];
}

/** Renders one field (`name` = its value) into pre-hash text; '' when it contributes nothing. */
type Render = (name: string, value: unknown, namespaces: Namespaces) => string;

const CBV = 'https://ref.gs1.org/cbv/';
const RDFS_COMMENT = '{http://www.w3.org/2000/01/rdf-schema#}comment';
const SURROGATE = /[\uD800-\uDFFF]/;

// CBV 2.0 §8.9: strings sort by Unicode code point (UTF-8 byte order). JavaScript compares UTF-16 code units,
// which agrees unless a character outside the BMP meets one in U+E000–U+FFFF.
function byCodePoint(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(j) ?? 0;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return (a.length - i) - (b.length - j);
}

function joinSorted(parts: string[]): string {
  if (parts.length < 2) return parts[0] ?? '';
  const joined = parts.sort().join('');
  return SURROGATE.test(joined) ? parts.sort(byCodePoint).join('') : joined;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? canonicalNumber(value) : undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // A JSON-LD value object ({ "@value": "x", "@type": "xsd:string" }) is the same value as "x".
  if (isJsonObject(value) && Object.hasOwn(value, '@value')) return scalarText(value['@value']);
  return undefined;
}

function isComment(key: string, namespaces: Namespaces): boolean {
  return key === 'comment' || (key.endsWith(':comment') && expandKey(key, namespaces) === RDFS_COMMENT);
}

/** Any field outside the canonical property order: `{namespace}local=value`, nested values sorted within. */
function pushGeneric(out: string[], key: string, value: unknown, namespaces: Namespaces): void {
  const name = expandKey(key, namespaces);
  for (const item of itemsOf(value)) pushGenericItem(out, name, item, namespaces);
}

function pushGenericItem(out: string[], name: string, value: unknown, namespaces: Namespaces): void {
  const text = scalarText(value);
  if (text !== undefined) {
    const canonical = canonicalValue(text, namespaces);
    out.push(canonical === '' ? name : `${name}=${canonical}`);
    return;
  }
  const inner: string[] = [];
  if (isJsonArray(value)) {
    for (const item of value) pushGenericItem(inner, '', item, namespaces);
  } else if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      if (!isComment(key, namespaces)) pushGeneric(inner, key, value[key], namespaces);
    }
  } else {
    // JSON null: JSON-LD drops the property, and so does the hash.
    return;
  }
  out.push(name + joinSorted(inner));
}

/** `name=value` for each value (a field may repeat), sorted. */
function values(canonical: (text: string, namespaces: Namespaces) => string): Render {
  const one = (name: string, value: unknown, namespaces: Namespaces): string => {
    const text = scalarText(value);
    const result = text === undefined ? '' : canonical(text, namespaces);
    return result === '' ? '' : `${name}=${result}`;
  };
  return (name, value, namespaces) => {
    if (!isJsonArray(value)) return one(name, value, namespaces);
    const parts: string[] = [];
    for (const item of value) {
      const text = one(name, item, namespaces);
      if (text !== '') parts.push(text);
    }
    return joinSorted(parts);
  };
}

const plain = values(canonicalValue);
const time = values(canonicalTime);

function vocabulary(base: (namespaces: Namespaces) => string): Render {
  return values((text, namespaces) => canonicalVocabularyValue(text, base(namespaces), namespaces));
}

const cbv = (prefix: string): Render => vocabulary(() => CBV + prefix);
// Measurement and sensor alert types are GS1 web vocabulary terms, written with the document's `gs1` prefix.
const gs1 = vocabulary((namespaces) => namespaceOf('gs1', namespaces) ?? 'https://gs1.org/voc/');

/** An object with an order of known fields; any other fields (user extensions) follow, sorted. */
function node(fields: ReadonlyArray<readonly [string, Render]>): Render {
  const known = new Set(fields.map(([key]) => key));
  const one = (name: string, value: unknown, namespaces: Namespaces): string => {
    if (!isJsonObject(value)) {
      const parts: string[] = [];
      pushGenericItem(parts, name, value, namespaces);
      return joinSorted(parts);
    }
    let text = '';
    for (const [key, render] of fields) {
      if (Object.hasOwn(value, key)) text += render(key, value[key], namespaces);
    }
    const extensions: string[] = [];
    for (const key of Object.keys(value)) {
      if (!known.has(key) && !isComment(key, namespaces)) pushGeneric(extensions, key, value[key], namespaces);
    }
    text += joinSorted(extensions);
    return text === '' ? '' : name + text;
  };
  return (name, value, namespaces) => joinSorted(itemsOf(value).map((item) => one(name, item, namespaces)).filter((p) => p !== ''));
}

/** A list written once by name, then its items (each rendered as `itemName…`), sorted. */
function list(itemName: string, item: Render): Render {
  return (name, value, namespaces) => {
    const parts: string[] = [];
    for (const element of itemsOf(value)) {
      const text = item(itemName, element, namespaces);
      if (text !== '') parts.push(text);
    }
    return parts.length === 0 ? '' : name + joinSorted(parts);
  };
}

const epcs = list('epc', plain);
const quantities = list('quantityElement', node([['epcClass', plain], ['quantity', plain], ['uom', plain]]));
const location = node([['id', plain]]);

const sensorMetadata = node([
  ['time', time], ['startTime', time], ['endTime', time], ['deviceID', plain], ['deviceMetadata', plain],
  ['rawData', plain], ['dataProcessingMethod', plain], ['bizRules', plain],
]);

const sensorReport = node([
  ['type', gs1], ['exception', gs1], ['deviceID', plain], ['deviceMetadata', plain], ['rawData', plain],
  ['dataProcessingMethod', plain], ['time', time], ['microorganism', plain], ['chemicalSubstance', plain],
  ['value', plain], ['component', cbv('Comp-')], ['stringValue', plain], ['booleanValue', plain],
  ['hexBinaryValue', plain], ['uriValue', plain], ['minValue', plain], ['maxValue', plain], ['meanValue', plain],
  ['sDev', plain], ['percRank', plain], ['percValue', plain], ['uom', plain], ['coordinateReferenceSystem', plain],
]);

// CBV 2.0 §8.9 canonical property order, as the reference implementation applies it.
const ORDER: ReadonlyArray<readonly [string, Render]> = [
  ['eventTime', time],
  ['eventTimeZoneOffset', plain],
  ['certificationInfo', plain],
  ['epcList', epcs],
  ['parentID', plain],
  ['inputEPCList', epcs],
  ['childEPCs', epcs],
  ['quantityList', quantities],
  ['childQuantityList', quantities],
  ['inputQuantityList', quantities],
  ['outputEPCList', epcs],
  ['outputQuantityList', quantities],
  ['action', plain],
  ['transformationID', plain],
  ['bizStep', cbv('BizStep-')],
  ['disposition', cbv('Disp-')],
  ['persistentDisposition', node([['set', cbv('Disp-')], ['unset', cbv('Disp-')]])],
  ['readPoint', location],
  ['bizLocation', location],
  ['sensorElementList', list('sensorElement', node([['sensorMetadata', sensorMetadata], ['sensorReport', sensorReport]]))],
];

// The reference implementation writes these lists among the trailing fields, in lexical order with ilmd and the
// user extensions; each entry is its type, then its identifier.
const TRAILING = new Map<string, Render>([
  ['bizTransactionList', list('', node([['type', cbv('BTT-')], ['bizTransaction', plain]]))],
  ['sourceList', list('', node([['type', cbv('SDT-')], ['source', plain]]))],
  ['destinationList', list('', node([['type', cbv('SDT-')], ['destination', plain]]))],
]);

const ORDER_INDEX = new Map(ORDER.map(([key], index) => [key, index]));
// CBV 2.0 §8.9: left out of the hash. `type` is the event type, already written as `eventType`.
const EXCLUDED = new Set(['type', 'eventID', 'recordTime', 'errorDeclaration', '@context']);

function isIgnored(key: string, ignoreFields: readonly string[], namespaces: Namespaces): boolean {
  if (ignoreFields.length === 0) return false;
  const expanded = expandKey(key, namespaces);
  return ignoreFields.some((field) => field === key || expandKey(field, namespaces) === expanded);
}

/**
 * CBV 2.0 §8.9 pre-hash string of one EPCIS 2.0 JSON event. `namespaces` maps JSON-LD prefixes of the document's
 * @context (e.g. { example: 'https://ns.example.com/epcis/' }) to IRIs; the standard EPCIS context's prefixes
 * (gs1, cbv, cbvmda, …) are known without it.
 */
export function eventPreHash(event: JsonObject, namespaces: Namespaces, options: EventHashOptions = {}): string {
  const ignoreFields = options.ignoreFields ?? [];
  const ordered: string[] = [];
  const trailing: string[] = [];
  for (const key of Object.keys(event)) {
    const index = ORDER_INDEX.get(key);
    if (index !== undefined) {
      ordered[index] = ORDER[index]?.[1](key, event[key], namespaces) ?? '';
      continue;
    }
    if (EXCLUDED.has(key) || isComment(key, namespaces) || isIgnored(key, ignoreFields, namespaces)) continue;
    const render = TRAILING.get(key);
    if (render === undefined) {
      pushGeneric(trailing, key, event[key], namespaces);
    } else {
      const text = render(key, event[key], namespaces);
      if (text !== '') trailing.push(text);
    }
  }
  // join() writes the unset slots of `ordered` (fields the event lacks) as ''.
  return `eventType=${typeof event.type === 'string' ? event.type : ''}${ordered.join('')}${joinSorted(trailing)}`;
}

/**
 * CBV 2.0 §8.9 event hash ID of one EPCIS 2.0 JSON event: the SHA-256 of its pre-hash string as an RFC 6920 URI.
 * @example eventHashId(event, contextNamespaces(document['@context'])) // 'ni:///sha-256;6ae963…e39d7?ver=CBV2.0'
 */
export function eventHashId(event: JsonObject, namespaces: Namespaces, options: EventHashOptions = {}): string {
  return `ni:///sha-256;${hash('sha256', eventPreHash(event, namespaces, options), 'hex')}?ver=CBV2.0`;
}
