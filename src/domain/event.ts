import { shortCbv } from './cbv.js';
import { DomainError } from './errors.js';
import { parseUnitId } from './ids/unit-id.js';
import { perSerialClass } from './ids/serial-class.js';

/** The five EPCIS 2.0 event types (EPCIS 2.0 §7.4). */
export const EVENT_TYPES = ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Where in an event an identifier sits: epcList/quantityList, parentID, childEPCs/childQuantityList, inputs, outputs. */
export type EpcRole = 'object' | 'parent' | 'child' | 'input' | 'output';

export interface EventEpc {
  epc: string;
  role: EpcRole;
  isClass: boolean;
  quantity?: number;
  uom?: string;
}

export interface EventParty {
  direction: 'source' | 'destination';
  type: string;
  party: string;
}

/** A JSON object as captured. */
export type JsonObject = Record<string, unknown>;

/** A JSON value as stored: what `JSON.parse` may give back. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** An event ready for the ledger: the captured JSON plus the fields the platform indexes, with canonical ids. */
export interface LedgerEvent {
  eventId: string;
  eventType: string;
  /** UTC ISO 8601 with milliseconds. */
  eventTime: string;
  eventTimeZoneOffset: string;
  recordTime: string;
  action?: string;
  bizStep?: string;
  disposition?: string;
  readPoint?: string;
  bizLocation?: string;
  /** TransformationEvents sharing this id form one transformation (EPCIS 2.0 §7.4.6). */
  transformationId?: string;
  epcs: EventEpc[];
  parties: EventParty[];
  body: JsonObject;
  namespaces: Record<string, string>;
}

/** A problem with one field of one event, found while indexing it. */
export interface EventIssue {
  field: string;
  reason: string;
}

const LIST_FIELDS: ReadonlyArray<[string, EpcRole, boolean]> = [
  ['epcList', 'object', false],
  ['quantityList', 'object', true],
  ['childEPCs', 'child', false],
  ['childQuantityList', 'child', true],
  ['inputEPCList', 'input', false],
  ['inputQuantityList', 'input', true],
  ['outputEPCList', 'output', false],
  ['outputQuantityList', 'output', true],
];

/**
 * Indexes a schema-valid EPCIS event: canonical identifiers, short CBV values, UTC event time.
 * Collects every identifier problem instead of stopping at the first, so a sender can fix them all at once.
 */
export function indexEvent(
  body: JsonObject,
  ctx: { eventId: string; recordTime: string; namespaces: Record<string, string>; canonicalise?: (id: string) => string },
): { event: LedgerEvent; issues: [] } | { event?: undefined; issues: EventIssue[] } {
  const issues: EventIssue[] = [];
  const canonicalise = ctx.canonicalise ?? canonicalId;
  const canonical = (value: unknown, field: string): string | undefined => {
    if (typeof value !== 'string') return undefined;
    try {
      return canonicalise(value);
    } catch (err) {
      issues.push({ field, reason: err instanceof DomainError ? err.message : String(err) });
      return undefined;
    }
  };

  const epcs: EventEpc[] = [];
  const parentId = canonical(body.parentID, 'parentID');
  if (parentId) epcs.push({ epc: parentId, role: 'parent', isClass: false });
  for (const [field, role, isClass] of LIST_FIELDS) {
    const list = body[field];
    if (!Array.isArray(list)) continue;
    list.forEach((entry: unknown, i) => {
      if (!isClass) {
        const epc = canonical(entry, `${field}[${i}]`);
        if (epc) epcs.push({ epc, role, isClass });
        return;
      }
      if (!isObject(entry)) return;
      const epc = canonical(entry.epcClass, `${field}[${i}].epcClass`);
      if (!epc) return;
      const row: EventEpc = { epc, role, isClass };
      if (typeof entry.quantity === 'number') row.quantity = entry.quantity;
      if (typeof entry.uom === 'string') row.uom = entry.uom;
      epcs.push(row);
    });
  }

  const parties: EventParty[] = [];
  for (const [field, direction, key] of [['sourceList', 'source', 'source'], ['destinationList', 'destination', 'destination']] as const) {
    const list = body[field];
    if (!Array.isArray(list)) continue;
    list.forEach((entry: unknown, i) => {
      if (!isObject(entry) || typeof entry.type !== 'string') return;
      const party = canonical(entry[key], `${field}[${i}].${key}`);
      if (party) parties.push({ direction, type: shortCbv('sourceDestType', entry.type), party });
    });
  }

  const readPoint = isObject(body.readPoint) ? canonical(body.readPoint.id, 'readPoint.id') : undefined;
  const bizLocation = isObject(body.bizLocation) ? canonical(body.bizLocation.id, 'bizLocation.id') : undefined;
  const eventTime = utcMillis(body.eventTime);
  if (!eventTime) issues.push({ field: 'eventTime', reason: 'eventTime must be a date-time with a time zone' });
  if (issues.length > 0 || !eventTime) return { issues };

  const event: LedgerEvent = {
    eventId: ctx.eventId,
    eventType: String(body.type),
    eventTime,
    eventTimeZoneOffset: typeof body.eventTimeZoneOffset === 'string' ? body.eventTimeZoneOffset : '+00:00',
    recordTime: ctx.recordTime,
    epcs,
    parties,
    body,
    namespaces: ctx.namespaces,
  };
  if (typeof body.action === 'string') event.action = body.action;
  if (typeof body.bizStep === 'string') event.bizStep = shortCbv('bizStep', body.bizStep);
  if (typeof body.disposition === 'string') event.disposition = shortCbv('disposition', body.disposition);
  if (readPoint) event.readPoint = readPoint;
  if (bizLocation) event.bizLocation = bizLocation;
  if (typeof body.transformationID === 'string') event.transformationId = body.transformationID;
  return { event, issues: [] };
}

/** The canonical id of any accepted spelling of an identifier; throws `invalid_identifier`. */
export const canonicalId: (id: string) => string = perSerialClass((id) => parseUnitId(id).canonical);

/**
 * `canonicalId` remembering its answers, for one document: ids repeat across the events of a document
 * (locations, parties, lots), and the memory is dropped with the document.
 */
export function memoisedCanonicalId(): (id: string) => string {
  const memo = new Map<string, string>();
  return (id) => {
    let canonical = memo.get(id);
    if (canonical === undefined) {
      canonical = canonicalId(id);
      memo.set(id, canonical);
    }
    return canonical;
  };
}

/** An ISO date-time with offset, as UTC with exactly three fraction digits (the ledger's sortable time form). */
export function utcMillis(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Whether a JSON value is an object (not null, not a list). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
