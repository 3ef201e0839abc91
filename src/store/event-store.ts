import type { Transaction } from 'kysely';
import type { EventQuery } from '../domain/event-query.js';
import type { JsonObject, LedgerEvent } from '../domain/event.js';
import type { Db } from './db.js';
import { eventQueryFilter } from './event-filter.js';
import type { Database } from './schema.js';

/** An event as the ledger returns it: the captured JSON, with any later error declaration attached. */
export interface StoredEvent {
  seq: number;
  eventId: string;
  body: JsonObject;
  namespaces: Record<string, string>;
}

/** A later statement that an event was wrong (EPCIS 2.0 §7.4.1.2); appended, never written over the event. */
export interface ErrorDeclarationRecord {
  eventId: string;
  declarationTime: string;
  reason?: string;
  body: JsonObject;
}

export interface CaptureJob {
  captureId: string;
  createdAt: string;
  finishedAt?: string;
  status: 'running' | 'success' | 'failed';
  eventCount: number;
  storedCount: number;
  errors: JsonObject[];
}

// Rows per INSERT: below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters at the widest table.
const EVENT_ROWS_PER_INSERT = 500;
const CHILD_ROWS_PER_INSERT = 2000;

/** Append-only store of captured events, their error declarations and capture jobs. */
export function createEventStore(db: Db) {
  return {
    /**
     * Stores a whole capture in one transaction: every new event, every declaration and the job, or nothing.
     * Events whose eventID is already in the ledger are skipped, so capturing the same event twice stores it once.
     */
    async append(capture: { events: LedgerEvent[]; declarations: ErrorDeclarationRecord[]; job: CaptureJob }): Promise<{ storedEventIds: string[] }> {
      return db.transaction().execute(async (tx) => {
        const stored = await insertEvents(tx, capture.events, capture.job.captureId);
        if (capture.declarations.length > 0) {
          const recordTime = capture.events[0]?.recordTime ?? capture.job.createdAt;
          await tx
            .insertInto('eventErrorDeclaration')
            .values(capture.declarations.map((d) => ({
              eventId: d.eventId,
              declarationTime: d.declarationTime,
              reason: d.reason ?? null,
              body: JSON.stringify(d.body),
              recordTime,
              captureId: capture.job.captureId,
            })))
            .execute();
        }
        await tx.insertInto('captureJob').values({ ...jobRow(capture.job), storedCount: stored.length }).execute();
        return { storedEventIds: stored };
      });
    },

    async saveJob(job: CaptureJob): Promise<void> {
      await db.insertInto('captureJob').values(jobRow(job)).execute();
    },

    async findJob(captureId: string): Promise<CaptureJob | undefined> {
      const row = await db.selectFrom('captureJob').selectAll().where('captureId', '=', captureId).executeTakeFirst();
      if (!row) return undefined;
      const job: CaptureJob = {
        captureId: row.captureId,
        createdAt: row.createdAt,
        status: row.status === 'success' || row.status === 'failed' ? row.status : 'running',
        eventCount: row.eventCount,
        storedCount: row.storedCount,
        errors: JSON.parse(row.errors),
      };
      if (row.finishedAt) job.finishedAt = row.finishedAt;
      return job;
    },

    /** The ids among `eventIds` that the ledger already holds. */
    async existingIds(eventIds: string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let i = 0; i < eventIds.length; i += CHILD_ROWS_PER_INSERT) {
        const rows = await db.selectFrom('event').select('eventId').where('eventId', 'in', eventIds.slice(i, i + CHILD_ROWS_PER_INSERT)).execute();
        for (const row of rows) found.add(row.eventId);
      }
      return found;
    },

    async find(eventId: string): Promise<StoredEvent | undefined> {
      const row = await db.selectFrom('event').select(['seq', 'eventId', 'body', 'namespaces']).where('eventId', '=', eventId).executeTakeFirst();
      if (!row) return undefined;
      const [event] = await withDeclarations(db, [row]);
      return event;
    },

    /** Events matching an EPCIS query in ledger order, one page at a time. */
    async query(query: EventQuery): Promise<{ events: StoredEvent[]; lastSeq?: number; hasMore: boolean }> {
      const rows = await db
        .selectFrom('event')
        .select(['seq', 'eventId', 'body', 'namespaces'])
        .where(eventQueryFilter(query))
        .orderBy('seq')
        .limit(query.perPage + 1)
        .execute();
      const hasMore = rows.length > query.perPage;
      const page = hasMore ? rows.slice(0, query.perPage) : rows;
      const events = await withDeclarations(db, page);
      const last = page.at(-1);
      return last ? { events, lastSeq: last.seq, hasMore } : { events, hasMore };
    },

    /** Events by ledger position, with declarations, in the order given. */
    async bySeq(seqs: number[]): Promise<StoredEvent[]> {
      const rows: Array<{ seq: number; eventId: string; body: string; namespaces: string }> = [];
      for (let i = 0; i < seqs.length; i += CHILD_ROWS_PER_INSERT) {
        rows.push(...(await db.selectFrom('event').select(['seq', 'eventId', 'body', 'namespaces']).where('seq', 'in', seqs.slice(i, i + CHILD_ROWS_PER_INSERT)).execute()));
      }
      const bySeq = new Map((await withDeclarations(db, rows)).map((e) => [e.seq, e]));
      return seqs.flatMap((s) => bySeq.get(s) ?? []);
    },
  };
}

export type EventStore = ReturnType<typeof createEventStore>;

async function insertEvents(tx: Transaction<Database>, events: LedgerEvent[], captureId: string): Promise<string[]> {
  const storedIds: string[] = [];
  const epcRows: Database['eventEpc'][] = [];
  const partyRows: Database['eventParty'][] = [];
  const byId = new Map(events.map((e) => [e.eventId, e]));
  const unique = [...byId.values()];
  for (let i = 0; i < unique.length; i += EVENT_ROWS_PER_INSERT) {
    const chunk = unique.slice(i, i + EVENT_ROWS_PER_INSERT);
    const inserted = await tx
      .insertInto('event')
      .values(chunk.map((e) => ({
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
      })))
      .onConflict((oc) => oc.column('eventId').doNothing())
      .returning(['seq', 'eventId'])
      .execute();
    for (const { seq, eventId } of inserted) {
      const event = byId.get(eventId);
      if (!event) continue;
      storedIds.push(eventId);
      event.epcs.forEach((epc, ordinal) => {
        epcRows.push({ epc: epc.epc, eventTime: event.eventTime, eventSeq: seq, ordinal, role: epc.role, isClass: epc.isClass ? 1 : 0, quantity: epc.quantity ?? null, uom: epc.uom ?? null });
      });
      event.parties.forEach((party, ordinal) => partyRows.push({ party: party.party, eventSeq: seq, ordinal, direction: party.direction, type: party.type }));
    }
  }
  for (let i = 0; i < epcRows.length; i += CHILD_ROWS_PER_INSERT) {
    await tx.insertInto('eventEpc').values(epcRows.slice(i, i + CHILD_ROWS_PER_INSERT)).execute();
  }
  for (let i = 0; i < partyRows.length; i += CHILD_ROWS_PER_INSERT) {
    await tx.insertInto('eventParty').values(partyRows.slice(i, i + CHILD_ROWS_PER_INSERT)).execute();
  }
  return storedIds;
}

async function withDeclarations(db: Db, rows: Array<{ seq: number; eventId: string; body: string; namespaces: string }>): Promise<StoredEvent[]> {
  const declared = new Map<string, JsonObject>();
  if (rows.length > 0) {
    const declarations = await db
      .selectFrom('eventErrorDeclaration')
      .select(['eventId', 'body'])
      .where('eventId', 'in', rows.map((r) => r.eventId))
      .orderBy('seq')
      .execute();
    // The latest declaration stands, as a correction of a correction replaces the earlier one.
    for (const d of declarations) declared.set(d.eventId, JSON.parse(d.body));
  }
  return rows.map((row) => {
    const body: JsonObject = JSON.parse(row.body);
    const declaration = declared.get(row.eventId);
    return { seq: row.seq, eventId: row.eventId, body: declaration ? { ...body, errorDeclaration: declaration } : body, namespaces: JSON.parse(row.namespaces) };
  });
}

function jobRow(job: CaptureJob): Database['captureJob'] {
  return {
    captureId: job.captureId,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt ?? null,
    status: job.status,
    eventCount: job.eventCount,
    storedCount: job.storedCount,
    errors: JSON.stringify(job.errors),
  };
}
