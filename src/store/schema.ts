import type { Generated } from 'kysely';

/** Table types as Kysely sees them (camelCase; the columns are snake_case, converted by CamelCasePlugin). */
export interface Database {
  event: EventTable;
  eventEpc: EventEpcTable;
  eventErrorDeclaration: EventErrorDeclarationTable;
  captureJob: CaptureJobTable;
  traceCode: TraceCodeTable;
  apiToken: ApiTokenTable;
}

export interface EventTable {
  seq: Generated<number>;
  eventId: string;
  /** A 52-bit number derived from eventId (`eventKeyOf`), indexed: look events up by both. */
  eventKey: number;
  eventType: string;
  /** UTC, ISO 8601 with milliseconds, so that text order is time order on both databases. */
  eventTime: string;
  eventTimeZoneOffset: string;
  recordTime: string;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  transformationId: string | null;
  /** JSON `[epc, role, isClass, quantity, uom][]`: the event's rows of event_epc, read back with the event by seq. */
  identifiers: string;
  /** JSON `[direction, type, party][]`: the canonical sourceList and destinationList entries. */
  parties: string;
  /** The event as captured, JSON, with eventID and recordTime filled in. */
  body: string;
  /** JSON object: the JSON-LD prefixes that the event's extension fields use. */
  namespaces: string;
  captureId: string;
}

/** One row per identifier an event names, whatever field it sits in. */
export interface EventEpcTable {
  epc: string;
  eventTime: string;
  eventSeq: number;
  /** Position among the event's identifiers, so that a class listed twice in one event keeps both rows. */
  ordinal: number;
  /** object (epcList/quantityList), parent, child, input or output. */
  role: string;
  /** 1 when the identifier is a class (quantity element), 0 for an instance. */
  isClass: number;
  quantity: number | null;
  uom: string | null;
}

export interface EventErrorDeclarationTable {
  seq: Generated<number>;
  eventId: string;
  declarationTime: string;
  reason: string | null;
  /** JSON: the errorDeclaration object as captured. */
  body: string;
  recordTime: string;
  captureId: string;
}

export interface CaptureJobTable {
  captureId: string;
  createdAt: string;
  finishedAt: string | null;
  status: string;
  eventCount: number;
  storedCount: number;
  /** JSON array of problems, empty when the capture succeeded. */
  errors: string;
}

export interface TraceCodeTable {
  code: string;
  unitId: string;
  lotId: string | null;
  product: string | null;
  issueId: string;
  issuedAt: string;
}

export interface ApiTokenTable {
  tokenHash: string;
  name: string;
  role: string;
  createdAt: string;
  revokedAt: string | null;
}
