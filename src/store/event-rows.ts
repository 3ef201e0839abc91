import { hash } from 'node:crypto';
import type { Insertable } from 'kysely';
import { eventScopeOf, type EventScope } from '../domain/access/event-scope.js';
import type { EventEpc, LedgerEvent } from '../domain/event.js';
import { contentHashOfHashId, isHashId } from '../domain/event-hash.js';
import type { Database } from './schema.js';

/**
 * The indexed key of an eventID: the first 52 bits of its SHA-256, a whole number that stays exact in JavaScript.
 * Different ids may share a key, so a lookup always compares the id as well.
 */
export function eventKeyOf(eventId: string): number {
  // A CBV 2.0 hash id carries a SHA-256 already (of the event, not of the id, which serves as well as a key).
  const digest = isHashId(eventId) ? contentHashOfHashId(eventId) : hash('sha256', eventId, 'hex');
  return Number.parseInt(digest.slice(0, 13), 16);
}

/** An event shaped for storage: its `event` row (JSON already serialised), its identifiers and whom it concerns. */
export interface EventRecord {
  eventId: string;
  eventTime: string;
  /** The row without its scope columns, which the writer takes from `scope`. */
  row: EventRow;
  epcs: EventEpc[];
  scope: EventScope;
  /**
   * The CBV 2.0 content hash (hex) of the event as stored, when whoever prepared it has it at hand; the audit log
   * computes it from the row otherwise.
   */
  contentHash?: string;
}

export type EventRow = Omit<Insertable<Database['event']>, 'recorder' | 'region' | 'sector'>;

export function toEventRecord(e: LedgerEvent, captureId: string): EventRecord {
  return { eventId: e.eventId, eventTime: e.eventTime, row: toEventRow(e, captureId), epcs: e.epcs, scope: eventScopeOf(e) };
}

/** The `event` row of a ledger event. */
export function toEventRow(e: LedgerEvent, captureId: string): EventRow {
  return {
    eventId: e.eventId,
    eventKey: eventKeyOf(e.eventId),
    eventType: e.eventType,
    eventTime: e.eventTime,
    eventTimeZoneOffset: e.eventTimeZoneOffset,
    recordTime: e.recordTime,
    action: e.action ?? null,
    bizStep: e.bizStep ?? null,
    disposition: e.disposition ?? null,
    readPoint: e.readPoint ?? null,
    bizLocation: e.bizLocation ?? null,
    transformationId: e.transformationId ?? null,
    identifiers: JSON.stringify(e.epcs.map((x) => [x.epc, x.role, x.isClass ? 1 : 0, x.quantity ?? null, x.uom ?? null])),
    parties: JSON.stringify(e.parties.map((p) => [p.direction, p.type, p.party])),
    body: JSON.stringify(e.body),
    namespaces: namespacesJson(e.namespaces),
    captureId,
  };
}

// The events of one document share one namespaces object: serialise it once.
const serialisedNamespaces = new WeakMap<object, string>();

function namespacesJson(namespaces: Record<string, string>): string {
  let json = serialisedNamespaces.get(namespaces);
  if (json === undefined) {
    json = JSON.stringify(namespaces);
    serialisedNamespaces.set(namespaces, json);
  }
  return json;
}

/** The `event_party` rows of an event stored at `seq`. */
export function toPartyRows(scope: EventScope, seq: number): Database['eventParty'][] {
  return scope.parties.map((party) => ({ party, eventSeq: seq }));
}

/** The `event_epc` rows of an event stored at `seq`. */
export function toEpcRows(e: { eventTime: string; epcs: EventEpc[] }, seq: number): Database['eventEpc'][] {
  return e.epcs.map((x, ordinal) => ({
    epc: x.epc, eventTime: e.eventTime, eventSeq: seq, ordinal, role: x.role, isClass: x.isClass ? 1 : 0, quantity: x.quantity ?? null, uom: x.uom ?? null,
  }));
}
