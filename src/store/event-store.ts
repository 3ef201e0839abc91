import type { EventQuery } from '../domain/event-query.js';
import type { Transaction } from 'kysely';
import type { JsonObject } from '../domain/event.js';
import { eventKeyOf, type EventRecord } from './event-rows.js';
import { inChunks } from './in-list.js';
import { eventWriterOf, writeLockOf, type Db } from './db.js';
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


/** More writes that must land in the same transaction as a capture's events (a sector record, a unit's claim). */
export type Alongside = (tx: Transaction<Database>) => Promise<void>;

/** Append-only store of captured events, their error declarations and capture jobs. */
export function createEventStore(db: Db) {
  const writer = eventWriterOf(db);
  const lock = writeLockOf(db);
  return {
    /**
     * Stores a whole capture in one transaction: every new event, every declaration and the job, or nothing.
     * Events whose eventID is already in the ledger are skipped, so capturing the same event twice stores it once.
     */
    async append(capture: { events: EventRecord[]; declarations: ErrorDeclarationRecord[]; job: CaptureJob; alongside?: Alongside }): Promise<{ storedEventIds: string[] }> {
      return lock.run(() => db.transaction().execute(async (tx) => {
        const stored = await writer.insert(tx, capture.events);
        if (capture.alongside) await capture.alongside(tx);
        if (capture.declarations.length > 0) {
          const recordTime = capture.job.createdAt;
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
      }));
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
      const wanted = new Set(eventIds);
      const rows = await inChunks(eventIds.map(eventKeyOf), (keys) => db.selectFrom('event').select('eventId').where('eventKey', 'in', keys).execute());
      return new Set(rows.map((row) => row.eventId).filter((id) => wanted.has(id)));
    },

    async find(eventId: string): Promise<StoredEvent | undefined> {
      const row = await db.selectFrom('event').select(['seq', 'eventId', 'body', 'namespaces'])
        .where('eventKey', '=', eventKeyOf(eventId)).where('eventId', '=', eventId).executeTakeFirst();
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
  };
}

export type EventStore = ReturnType<typeof createEventStore>;

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
