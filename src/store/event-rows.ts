import type { Insertable } from 'kysely';
import type { LedgerEvent } from '../domain/event.js';
import type { Database } from './schema.js';

/** The `event` row of a ledger event. */
export function toEventRow(e: LedgerEvent, captureId: string): Insertable<Database['event']> {
  return {
    eventId: e.eventId,
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
    namespaces: JSON.stringify(e.namespaces),
    captureId,
  };
}

/** The `event_epc` rows of a ledger event stored at `seq`. */
export function toEpcRows(e: LedgerEvent, seq: number): Database['eventEpc'][] {
  return e.epcs.map((x, ordinal) => ({
    epc: x.epc, eventTime: e.eventTime, eventSeq: seq, ordinal, role: x.role, isClass: x.isClass ? 1 : 0, quantity: x.quantity ?? null, uom: x.uom ?? null,
  }));
}
