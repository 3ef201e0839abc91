import type { Transaction } from 'kysely';
import { toEpcRows, toPartyRows, type EventRecord } from './event-rows.js';
import type { Database } from './schema.js';

/** The events a writer stored, in seq order: each one's eventID and the seq it was given. */
export interface StoredEvents {
  eventIds: string[];
  seqs: number[];
}

/** Appends events inside a transaction, skipping those whose eventID is already stored; returns those it stored. */
export interface EventWriter {
  insert(tx: Transaction<Database>, events: EventRecord[]): Promise<StoredEvents>;
}

// Rows per INSERT: below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters at the widest table.
const EVENT_ROWS_PER_INSERT = 500;
const EPC_ROWS_PER_INSERT = 2000;

/** The portable writer: multi-row INSERTs through Kysely, for PostgreSQL. */
export const kyselyEventWriter: EventWriter = {
  async insert(tx, events) {
    const stored: StoredEvents = { eventIds: [], seqs: [] };
    const epcRows: Database['eventEpc'][] = [];
    const partyRows: Database['eventParty'][] = [];
    const byId = new Map(events.map((e) => [e.eventId, e]));
    const unique = [...byId.values()];
    for (let i = 0; i < unique.length; i += EVENT_ROWS_PER_INSERT) {
      const inserted = await tx
        .insertInto('event')
        .values(unique.slice(i, i + EVENT_ROWS_PER_INSERT).map((e) => ({ ...e.row, recorder: e.scope.recorder, region: e.scope.region, sector: e.scope.sector })))
        .onConflict((oc) => oc.column('eventId').doNothing())
        .returning(['seq', 'eventId'])
        .execute();
      // RETURNING promises no order; the audit digest takes the events in seq order.
      inserted.sort((a, b) => a.seq - b.seq);
      for (const { seq, eventId } of inserted) {
        const event = byId.get(eventId);
        if (!event) continue;
        stored.eventIds.push(eventId);
        stored.seqs.push(seq);
        epcRows.push(...toEpcRows(event, seq));
        partyRows.push(...toPartyRows(event.scope, seq));
      }
    }
    for (let i = 0; i < partyRows.length; i += EPC_ROWS_PER_INSERT) {
      await tx.insertInto('eventParty').values(partyRows.slice(i, i + EPC_ROWS_PER_INSERT)).execute();
    }
    for (let i = 0; i < epcRows.length; i += EPC_ROWS_PER_INSERT) {
      await tx.insertInto('eventEpc').values(epcRows.slice(i, i + EPC_ROWS_PER_INSERT)).execute();
    }
    return stored;
  },
};
