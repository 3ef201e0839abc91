import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { isObject } from '../domain/event.js';
import { EpcisDocumentSchema, EpcisEventSchema } from './epcis-schema.js';
import type { EpcisDocument, EpcisEvent } from './epcis-schema.js';
import { EVENT_TYPES } from './epcis-schema/events.js';
import { isDateTime, isPlainUri } from './epcis-schema/formats.js';

/** One problem in a capture: which event (0-based position in eventList), which field, and what was expected. */
export interface DocumentIssue {
  index?: number;
  eventType?: string;
  field: string;
  reason: string;
}

// V8 does not optimise very large functions, and ajv compiles an inline schema into one function. Turning each
// event type and the sensor element into a local $ref (with inlineRefs: false) gives each its own function.
const COMPILED_APART = new Set([...EVENT_TYPES, 'Sensor element']);

const DOCUMENT_TYPES = ['EPCISDocument', 'EPCISQueryDocument'];

// allErrors: the sender fixes the whole document in one go. verbose: reasons read the failing schema.
// discriminator: each event is checked against the schema its `type` names, and only that one.
const ajv = new Ajv({ allErrors: true, verbose: true, discriminator: true, inlineRefs: false });
ajvFormats.default(ajv);
const fullUri = ajv.formats.uri;
if (typeof fullUri !== 'function') throw new Error('ajv-formats did not register a uri format function');
ajv.addFormat('uri', { type: 'string', validate: (value) => isPlainUri(value) || fullUri(value) });
ajv.addFormat('date-time', { type: 'string', validate: isDateTime });

ajv.addSchema(
  compiledInParts({
    document: EpcisDocumentSchema,
    // An event sent on its own is a JSON-LD document of its own, so it carries its @context (EPCIS 2.0 JSON schema).
    standaloneEvent: { type: 'object', required: ['@context'], allOf: [EpcisEventSchema] },
  }),
  'epcis',
);
const checkDocument = compiled<EpcisDocument>('document');
const checkEvent = compiled<EpcisEvent>('standaloneEvent');

/** Checks an EPCISDocument (or EPCISQueryDocument) against the EPCIS 2.0 schema; on failure lists every bad event and field. */
export function validateEpcisDocument(doc: unknown): { ok: true; document: EpcisDocument } | { ok: false; issues: DocumentIssue[] } {
  if (checkDocument(doc)) return { ok: true, document: doc };
  return { ok: false, issues: toIssues(checkDocument.errors ?? [], eventLocator(doc)) };
}

/** Checks one standalone EPCIS 2.0 event (with its own @context); on failure lists every bad field. */
export function validateEpcisEvent(event: unknown): { ok: true; event: EpcisEvent } | { ok: false; issues: DocumentIssue[] } {
  if (checkEvent(event)) return { ok: true, event };
  const eventType = isObject(event) ? typeName(event.type) : undefined;
  return { ok: false, issues: toIssues(checkEvent.errors ?? [], (path) => ({ inEvent: true, eventType, field: path })) };
}

/** One line naming every bad event and field, e.g. `event 3 (ObjectEvent): field bizStep must be …; document: field epcisBody is required`. */
export function describeIssues(issues: DocumentIssue[]): string {
  return issues
    .map((issue) => {
      const where =
        issue.index === undefined
          ? issue.eventType === undefined ? 'document' : `event (${issue.eventType})`
          : `event ${issue.index}${issue.eventType === undefined ? '' : ` (${issue.eventType})`}`;
      return issue.field === '' ? `${where}: ${issue.reason}` : `${where}: field ${issue.field} ${issue.reason}`;
    })
    .join('; ');
}

interface Location {
  inEvent: boolean;
  index?: number;
  eventType?: string;
  field: string[];
}

type Locator = (path: string[]) => Location;

// Where a document keeps its events: an EPCISDocument in epcisBody, an EPCISQueryDocument in its query results.
const EVENT_LIST_PATHS = [
  ['epcisBody', 'eventList'],
  ['epcisBody', 'queryResults', 'resultsBody', 'eventList'],
];

function eventLocator(doc: unknown): Locator {
  return (path) => {
    for (const listPath of EVENT_LIST_PATHS) {
      const position = path[listPath.length];
      if (position === undefined || !/^\d+$/.test(position) || listPath.some((name, i) => path[i] !== name)) continue;
      const index = Number(position);
      const event = valueAt(doc, [...listPath, position]);
      return { inEvent: true, index, eventType: isObject(event) ? typeName(event.type) : undefined, field: path.slice(listPath.length + 1) };
    }
    return { inEvent: false, field: path };
  };
}

function valueAt(value: unknown, path: string[]): unknown {
  let here = value;
  for (const segment of path) {
    if (Array.isArray(here)) here = here[Number(segment)];
    else if (isObject(here)) here = here[segment];
    else return undefined;
  }
  return here;
}

interface Candidate {
  location: Location;
  reason: string;
  rank: number;
}

function toIssues(errors: ErrorObject[], locate: Locator): DocumentIssue[] {
  const byField = new Map<string, Candidate>();
  for (const error of withoutBranchNoise(errors)) {
    const candidate = describeError(error, locate);
    const key = `${candidate.location.index ?? ''}|${fieldName(candidate.location.field)}`;
    const seen = byField.get(key);
    if (seen === undefined || candidate.rank > seen.rank) byField.set(key, candidate);
  }
  return [...byField.values()]
    .sort((a, b) => (a.location.index ?? -1) - (b.location.index ?? -1))
    .map(({ location, reason }) => {
      const issue: DocumentIssue = { field: fieldName(location.field), reason };
      if (location.index !== undefined) issue.index = location.index;
      if (location.eventType !== undefined) issue.eventType = location.eventType;
      return issue;
    });
}

// A failed anyOf already says "none of the allowed forms fit"; the errors of its branches are noise.
function withoutBranchNoise(errors: ErrorObject[]): ErrorObject[] {
  const unionsAt = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword === 'anyOf') unionsAt.set(error.instancePath, [...(unionsAt.get(error.instancePath) ?? []), `${error.schemaPath}/`]);
  }
  if (unionsAt.size === 0) return errors;
  return errors.filter((error) => {
    for (let path = error.instancePath; ; path = path.slice(0, path.lastIndexOf('/'))) {
      if (unionsAt.get(path)?.some((branch) => error.schemaPath.startsWith(branch)) === true) return false;
      if (path === '') return true;
    }
  });
}

function describeError(error: ErrorObject, locate: Locator): Candidate {
  const location = locate(pointerSegments(error.instancePath));
  const at = (extra: string, reason: string, rank: number): Candidate => ({
    location: { ...location, field: [...location.field, extra] },
    reason,
    rank,
  });
  const schema = error.parentSchema ?? {};
  switch (error.keyword) {
    case 'required':
      return at(stringParam(error, 'missingProperty'), 'is required', 3);
    case 'additionalProperties':
      return at(stringParam(error, 'additionalProperty'), unknownFieldReason(error, location), 3);
    case 'discriminator':
      return at('type', `must be one of ${(location.inEvent ? EVENT_TYPES : DOCUMENT_TYPES).join(', ')}`, 4);
    case 'anyOf': {
      const rule = ruleOf(error);
      if (rule !== undefined) return at(rule.field, rule.requirement, 4);
      return { location, reason: expectation(location.field, error), rank: 2 };
    }
    case 'minItems': {
      const limit = numberParam(error, 'limit');
      return { location, reason: limit === 1 ? 'must not be empty' : `must have at least ${limit} entries`, rank: 2 };
    }
    case 'uniqueItems':
      return {
        location,
        reason: `must not list the same value twice (entries ${numberParam(error, 'j')} and ${numberParam(error, 'i')} are equal)`,
        rank: 2,
      };
    default:
      return { location, reason: expectation(location.field, error, schema), rank: 1 };
  }
}

// Reasons a clerk can act on, by field (matched on the end of the field path, list positions ignored).
const EXPECTED: Record<string, string> = {
  '@context': 'must be a context URI, a context object, or a list of those without repeats',
  bizStep: 'must be a CBV business step such as receiving or shipping, or a URI outside the CBV vocabulary',
  disposition: 'must be a CBV disposition such as in_transit or active, or a URI outside the CBV vocabulary',
  'persistentDisposition.set': 'must be a CBV disposition such as completeness_verified, or a URI outside the CBV vocabulary',
  'persistentDisposition.unset': 'must be a CBV disposition such as completeness_verified, or a URI outside the CBV vocabulary',
  persistentDisposition: 'must give a non-empty set and/or unset list of dispositions',
  'bizTransactionList.type': 'must be a CBV business transaction type such as po, inv or desadv, or a URI outside the CBV vocabulary',
  'sourceList.type': 'must be owning_party, possessing_party, location, or a URI outside the CBV vocabulary',
  'destinationList.type': 'must be owning_party, possessing_party, location, or a URI outside the CBV vocabulary',
  'errorDeclaration.reason': 'must be did_not_occur, incorrect_data, or a URI outside the CBV vocabulary',
  'sensorReport.type': 'must be a measurement type such as Temperature or RelativeHumidity, or a URI outside gs1.org/voc',
  'sensorReport.exception': 'must be ALARM_CONDITION, ERROR_CONDITION, or a URI outside gs1.org/voc',
  'sensorReport.component': 'must be a CBV component such as latitude or x, or a URI outside the CBV vocabulary',
  'sensorReport.uom': 'must be text: a UN/CEFACT unit code such as CEL',
  'sensorReport.hexBinaryValue': 'must be hexadecimal digits (0-9, A-F)',
  uom: 'must be a UN/CEFACT unit code of 2 or 3 capital letters or digits, such as KGM',
  eventTimeZoneOffset: 'must be a time-zone offset from -14:00 to +14:00, such as +08:00',
  schemaVersion: 'must be a version number such as 2.0',
  certificationInfo: 'must be a URI or a list of URIs',
  action: 'must be ADD, OBSERVE or DELETE',
};

const FORMAT_EXPECTED: Record<string, string> = {
  'date-time': 'must be a date and time with a time-zone offset, such as 2024-05-01T08:30:00.000+08:00',
  uri: 'must be a URI, such as urn:epc:id:sgtin:0614141.107346.2017 or https://id.gs1.org/01/09521234543213',
};

const TYPE_NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function expectation(field: string[], error: ErrorObject, schema: Record<string, unknown> = {}): string {
  const names = field.filter((segment) => !/^\d+$/.test(segment));
  for (let start = 0; start < names.length; start += 1) {
    const known = EXPECTED[names.slice(start).join('.')];
    if (known !== undefined) return known;
  }
  const format = typeof schema.format === 'string' ? FORMAT_EXPECTED[schema.format] : undefined;
  if (format !== undefined) return format;
  if (Array.isArray(schema.enum)) return `must be one of: ${schema.enum.map(String).join(', ')}`;
  if (typeof schema.const === 'string') return `must be ${schema.const}`;
  if (error.keyword === 'type') return `must be ${TYPE_NOUNS[stringParam(error, 'type')] ?? stringParam(error, 'type')}`;
  if (error.keyword === 'anyOf') return 'does not match any of the allowed forms';
  return 'does not have the expected form';
}

function unknownFieldReason(error: ErrorObject, location: Location): string {
  const name = stringParam(error, 'additionalProperty');
  const schema = error.parentSchema ?? {};
  if (isObject(schema.patternProperties)) {
    const of = location.field.length === 0 && location.eventType !== undefined ? ` of ${location.eventType}` : '';
    return `is not a standard field${of}; a custom field needs a namespace prefix declared in @context, such as example:${name}`;
  }
  const allowed = isObject(schema.properties) ? Object.keys(schema.properties).join(', ') : '';
  return `is not allowed here; the allowed fields are ${allowed}`;
}

// Cross-field rules in the event schemas sit in `allOf` and carry the field to fix (title) and the requirement (description).
function ruleOf(error: ErrorObject): { field: string; requirement: string } | undefined {
  const schema = error.parentSchema;
  if (schema === undefined || !/\/allOf\/\d+\/anyOf$/.test(error.schemaPath)) return undefined;
  const { title, description } = schema;
  return typeof title === 'string' && typeof description === 'string' ? { field: title, requirement: description } : undefined;
}

// One schema holding `roots` and the parts they share as definitions, so each part is compiled once.
function compiledInParts(roots: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const definitions: Record<string, unknown> = {};
  const visit = (node: Record<string, unknown>): Record<string, unknown> => {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      copy[key] = Array.isArray(value) ? value.map((item) => (isObject(item) ? visit(item) : item)) : isObject(value) ? visit(value) : value;
    }
    if (typeof node.title !== 'string' || !COMPILED_APART.has(node.title)) return copy;
    const name = node.title.replaceAll(' ', '');
    const seen = definitions[name];
    if (seen !== undefined && JSON.stringify(seen) !== JSON.stringify(copy)) throw new Error(`two different schemas are titled ${node.title}`);
    definitions[name] = copy;
    return { $ref: `#/definitions/${name}` };
  };
  for (const [name, root] of Object.entries(roots)) definitions[name] = visit(root);
  return { definitions };
}

function compiled<T>(root: string): ValidateFunction<T> {
  const validate = ajv.getSchema<T>(`epcis#/definitions/${root}`);
  if (validate === undefined) throw new Error(`no schema epcis#/definitions/${root}`);
  return validate;
}

function fieldName(path: string[]): string {
  return path.reduce((name, segment) => {
    if (/^\d+$/.test(segment)) return `${name}[${segment}]`;
    return name === '' ? segment : `${name}.${segment}`;
  }, '');
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function stringParam(error: ErrorObject, name: string): string {
  const value: unknown = error.params[name];
  return typeof value === 'string' ? value : String(value);
}

function numberParam(error: ErrorObject, name: string): number {
  const value: unknown = error.params[name];
  return typeof value === 'number' ? value : Number(value);
}

function typeName(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

