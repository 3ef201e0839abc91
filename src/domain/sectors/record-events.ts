import type { JsonObject, JsonValue } from '../event.js';
import { contentHashOfHashId, eventHashId } from '../event-hash.js';
import { ZHUISU_BIZSTEP, ZHUISU_NS, type StageDef } from './profile.js';

/** A quantity of a lot (EPC class), in a UN/CEFACT unit such as KGM, LTR or H87 (piece). */
export interface LotQuantity {
  lot: string;
  quantity?: number;
  uom?: string;
}

/** The units a record names, as canonical unit ids. */
export interface RecordUnits {
  lots: LotQuantity[];
  items: string[];
}

/** A sector stage record after its identifiers are resolved: everything needed to write its EPCIS event. */
export interface ResolvedRecord {
  sector: string;
  profileVersion: number;
  stage: StageDef;
  /** 统一社会信用代码 of the party that records (追溯主体). */
  party: string;
  /** Where it happened: the party's site URI. */
  site: string;
  counterpart?: string;
  counterpartSite?: string;
  /** GB/T 2260 code of where it happened. */
  region: string;
  /** ISO 8601 with an offset, as the enterprise wrote it. */
  time: string;
  product?: string;
  /** The enterprise's own reference for the record (voucher, batch record, work order number). */
  reference?: string;
  outputs: RecordUnits;
  inputs: RecordUnits;
  elements: Record<string, JsonValue>;
}

/** Fields the platform writes on every sector event; no element may take these names. */
export const RECORD_FIELDS = ['sector', 'stage', 'profileVersion', 'party', 'counterpart', 'region', 'product', 'reference'] as const;

const PARTY_URI_PREFIX = 'urn:zhuisu:party:';

/** The URI of a party in EPCIS source and destination lists. */
export function partyUri(uscc: string): string {
  return PARTY_URI_PREFIX + uscc;
}

/** The USCC a party URI stands for, or undefined for a party named otherwise (a PGLN, another platform's URI). */
export function usccOfPartyUri(uri: string): string | undefined {
  return uri.startsWith(PARTY_URI_PREFIX) ? uri.slice(PARTY_URI_PREFIX.length) : undefined;
}

/** Whether an event's `zhuisu:` keys are the platform's own: its `zhuisu` prefix is unbound or bound to ZHUISU_NS. */
export function meansZhuisu(namespaces: Record<string, string>): boolean {
  return namespaces.zhuisu === undefined || namespaces.zhuisu === ZHUISU_NS;
}

/**
 * A field the platform writes on sector events (RECORD_FIELDS), read back from a stored event: only when the
 * event's `zhuisu` prefix means the platform's namespace, since a captured document may bind it to another.
 */
export function recordFieldOf(body: JsonObject, namespaces: Record<string, string>, field: (typeof RECORD_FIELDS)[number]): string | undefined {
  if (!meansZhuisu(namespaces)) return undefined;
  const value = body[`zhuisu:${field}`];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The default site of a party that names no site of its own. */
export function partySiteUri(uscc: string): string {
  return `urn:zhuisu:site:${uscc}`;
}

const EVENT_KIND = {
  create: { type: 'ObjectEvent', action: 'ADD' },
  observe: { type: 'ObjectEvent', action: 'OBSERVE' },
  destroy: { type: 'ObjectEvent', action: 'DELETE' },
  transform: { type: 'TransformationEvent' },
} as const;

function offsetOf(time: string): string {
  return time.endsWith('Z') || time.endsWith('z') ? '+00:00' : time.slice(-6);
}

/** The bizStep as written in an event: a CBV word as it is, a `zhuisu:` step (`zhuisu:slaughter`) as its full IRI. */
export function bizStepValue(bizStep: string): string {
  return bizStep.startsWith('zhuisu:') ? ZHUISU_BIZSTEP + bizStep.slice('zhuisu:'.length) : bizStep;
}

function quantityList(lots: LotQuantity[]): JsonObject[] {
  return lots.map((l) => {
    const element: JsonObject = { epcClass: l.lot };
    if (l.quantity !== undefined) element.quantity = l.quantity;
    if (l.uom !== undefined) element.uom = l.uom;
    return element;
  });
}

function custody(record: ResolvedRecord): JsonObject {
  const own = [{ type: 'owning_party', id: partyUri(record.party) }, { type: 'location', id: record.site }];
  const other = record.counterpart
    ? [{ type: 'owning_party', id: partyUri(record.counterpart) }, ...(record.counterpartSite ? [{ type: 'location', id: record.counterpartSite }] : [])]
    : [];
  const list = (entries: Array<{ type: string; id: string }>, key: 'source' | 'destination') => entries.map((e) => ({ type: e.type, [key]: e.id }));
  switch (record.stage.handover) {
    case 'ship':
    case 'sell':
      return other.length > 0 ? { sourceList: list(own, 'source'), destinationList: list(other, 'destination') } : { sourceList: list(own, 'source') };
    case 'receive':
      return { sourceList: list(other, 'source'), destinationList: list(own, 'destination') };
    case 'none':
      return {};
  }
}

/**
 * The EPCIS 2.0 event of a sector record: the stage's event type and bizStep, the units, where and between whom, the
 * business documents, and every data element as an extension field `zhuisu:<element>` (lot master data of a
 * creating stage in `ilmd`), so that a standard EPCIS client reads the sector's data without knowing the profile.
 */
export function recordToEvent(record: ResolvedRecord): JsonObject {
  const { stage } = record;
  const kind = EVENT_KIND[stage.event];
  const event: JsonObject = { type: kind.type, eventTime: record.time, eventTimeZoneOffset: offsetOf(record.time) };
  if ('action' in kind) event.action = kind.action;
  event.bizStep = bizStepValue(stage.bizStep);
  if (stage.disposition) event.disposition = stage.disposition;
  if (stage.event === 'transform') {
    event.inputEPCList = record.inputs.items;
    event.inputQuantityList = quantityList(record.inputs.lots);
    event.outputEPCList = record.outputs.items;
    event.outputQuantityList = quantityList(record.outputs.lots);
  } else {
    event.epcList = record.outputs.items;
    if (record.outputs.lots.length > 0) event.quantityList = quantityList(record.outputs.lots);
  }
  event.readPoint = { id: record.site };
  event.bizLocation = { id: record.site };
  Object.assign(event, custody(record));

  const transactions: JsonObject[] = [];
  const ilmd: JsonObject = {};
  const extensions: JsonObject = {};
  for (const element of stage.elements) {
    const value = record.elements[element.id];
    if (value === undefined) continue;
    if (element.bizTransactionType) {
      transactions.push({ type: element.bizTransactionType, bizTransaction: `urn:zhuisu:doc:${element.bizTransactionType}:${encodeURIComponent(String(value))}` });
    }
    const target = element.ilmd && (stage.event === 'create' || stage.event === 'transform') ? ilmd : extensions;
    target[`zhuisu:${element.id}`] = value;
  }
  if (transactions.length > 0) event.bizTransactionList = transactions;
  if (Object.keys(ilmd).length > 0) event.ilmd = ilmd;

  event['zhuisu:sector'] = record.sector;
  event['zhuisu:stage'] = stage.id;
  event['zhuisu:profileVersion'] = record.profileVersion;
  event['zhuisu:party'] = record.party;
  if (record.counterpart) event['zhuisu:counterpart'] = record.counterpart;
  event['zhuisu:region'] = record.region;
  if (record.product) event['zhuisu:product'] = record.product;
  if (record.reference) event['zhuisu:reference'] = record.reference;
  Object.assign(event, extensions);
  return event;
}

/** The `@context` of the documents that carry record events: EPCIS 2.0 and the `zhuisu` prefix of the elements. */
export const RECORD_CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { zhuisu: ZHUISU_NS }];

/**
 * A record's event with its CBV 2.0 eventID, and the record id named after it (the first half of the hash), so that
 * the same record sent twice, through the API or a bulk import, is one record.
 */
export function sealedRecordEvent(record: ResolvedRecord): { event: JsonObject; eventId: string; recordId: string } {
  const event = recordToEvent(record);
  const eventId = eventHashId(event, { zhuisu: ZHUISU_NS });
  event.eventID = eventId;
  return { event, eventId, recordId: recordIdOf(eventId) };
}

/** The record id of a record's event: the first half of its hash. */
export function recordIdOf(eventId: string): string {
  return contentHashOfHashId(eventId).slice(0, 32);
}
