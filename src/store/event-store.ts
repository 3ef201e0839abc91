import type { EventQuery } from '../domain/event-query.js';
import type { Transaction } from 'kysely';
import { recordedBy } from '../domain/access/event-scope.js';
import type { Sight } from '../domain/access/sight.js';
import type { AuditActor } from '../domain/audit/actor.js';
import type { AuditAlgorithm, LedgerCoverage } from '../domain/audit/chain-hash.js';
import { createLedgerDigest, type DeclarationRow, type LedgerDigest } from '../domain/audit/ledger-digest.js';
import { eventContentHash } from '../domain/event-hash.js';
import type { JsonObject } from '../domain/event.js';
import { createAuditStore, type NewAuditEntry } from './audit-store.js';
import { eventKeyOf, type EventRecord } from './event-rows.js';
import { inChunks } from './in-list.js';
import { eventWriterOf, writeLockOf, type Db } from './db.js';
import { eventQueryFilter } from './event-filter.js';
import type { StoredEvents } from './event-writer.js';
import type { Database } from './schema.js';
import { eventViewsOf, readEventRow, visibleEvents, visibleJobs, type EventViewRow, type EventViews } from './visible-events.js';

/** An event as the ledger returns it: the captured JSON, with any later error declaration attached. */
export interface StoredEvent {
  seq: number;
  eventId: string;
  body: JsonObject;
  namespaces: Record<string, string>;
  /** USCC of the enterprise that recorded it, if any. */
  recorder: string | null;
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
  /** USCC of the enterprise that sent the capture, which alone may read its job besides the platform. */
  capturedBy?: string;
}


/** More writes that must land in the same transaction as a capture's events (a sector record, a unit's claim). */
export type Alongside = (tx: Transaction<Database>) => Promise<void>;

/** Append-only store of captured events, their error declarations and capture jobs. */
export function createEventStore(db: Db) {
  const writer = eventWriterOf(db);
  const lock = writeLockOf(db);
  const audit = createAuditStore(db);
  const views = eventViewsOf(db);
  return {
    /**
     * Stores a whole capture in one transaction: every new event, every declaration, the job and the audit entry
     * that covers them (docs/audit.md), or nothing. Events whose eventID is already in the ledger are skipped, so
     * capturing the same event twice stores it once.
     */
    async append(capture: { events: EventRecord[]; declarations: ErrorDeclarationRecord[]; job: CaptureJob; alongside?: Alongside; actor: AuditActor }): Promise<{ storedEventIds: string[] }> {
      const enterprise = capture.actor.enterprise;
      const sent = enterprise ? capture.events.map((e) => ({ ...e, scope: recordedBy(e.scope, enterprise) })) : capture.events;
      return lock.run(() => db.transaction().execute(async (tx) => {
        const stored = await writer.insert(tx, await withRecorderScope(tx, sent));
        if (capture.alongside) await capture.alongside(tx);
        let declarations: Array<DeclarationRow & { seq: number }> = [];
        if (capture.declarations.length > 0) {
          const recordTime = capture.job.createdAt;
          declarations = await tx
            .insertInto('eventErrorDeclaration')
            .values(capture.declarations.map((d) => ({
              eventId: d.eventId,
              declarationTime: d.declarationTime,
              reason: d.reason ?? null,
              body: JSON.stringify(d.body),
              recordTime,
              captureId: capture.job.captureId,
            })))
            .returning(['seq', 'eventId', 'declarationTime', 'reason', 'recordTime', 'body'])
            .execute();
          declarations.sort((a, b) => a.seq - b.seq);
        }
        await tx.insertInto('captureJob').values({ ...jobRow(capture.job), storedCount: stored.eventIds.length, capturedBy: enterprise ?? null }).execute();
        await audit.append((algorithm) => captureEntry(algorithm, { ...capture, stored, storedDeclarations: declarations }), tx);
        return { storedEventIds: stored.eventIds };
      }));
    },

    async findJob(captureId: string, sight: Sight): Promise<CaptureJob | undefined> {
      const row = await db.selectFrom('captureJob').selectAll().where('captureId', '=', captureId).where(visibleJobs(sight)).executeTakeFirst();
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
      if (row.capturedBy) job.capturedBy = row.capturedBy;
      return job;
    },

    /** The ids among `eventIds` that the ledger already holds. */
    async existingIds(eventIds: string[]): Promise<Set<string>> {
      const wanted = new Set(eventIds);
      const rows = await inChunks(eventIds.map(eventKeyOf), (keys) => db.selectFrom('event').select('eventId').where('eventKey', 'in', keys).execute());
      return new Set(rows.map((row) => row.eventId).filter((id) => wanted.has(id)));
    },

    /** One event, if `sight` may see it, with the fields its audience may read. */
    async find(eventId: string, sight: Sight): Promise<StoredEvent | undefined> {
      const row = await db.selectFrom('event').select(['seq', 'eventId', 'body', 'namespaces', 'recorder'])
        .where('eventKey', '=', eventKeyOf(eventId)).where('eventId', '=', eventId).where(visibleEvents(sight)).executeTakeFirst();
      if (!row) return undefined;
      const [event] = await withDeclarations(db, [row], views, sight);
      return event;
    },

    /** Events matching an EPCIS query that `sight` may see, in ledger order, one page at a time. */
    async query(query: EventQuery, sight: Sight): Promise<{ events: StoredEvent[]; lastSeq?: number; hasMore: boolean }> {
      const rows = await db
        .selectFrom('event')
        .select(['seq', 'eventId', 'body', 'namespaces', 'recorder'])
        .where(eventQueryFilter(query))
        .where(visibleEvents(sight))
        .orderBy('seq')
        .limit(query.perPage + 1)
        .execute();
      const hasMore = rows.length > query.perPage;
      const page = hasMore ? rows.slice(0, query.perPage) : rows;
      const events = await withDeclarations(db, page, views, sight);
      const last = page.at(-1);
      return last ? { events, lastSeq: last.seq, hasMore } : { events, hasMore };
    },
  };
}

export type EventStore = ReturnType<typeof createEventStore>;

/**
 * An event that does not say where it happened or in which sector (a plain EPCIS capture) takes them from its
 * recorder's registration: its region, and its sector when it is registered in one only.
 */
async function withRecorderScope(tx: Transaction<Database>, events: EventRecord[]): Promise<EventRecord[]> {
  const unplaced = [...new Set(events.flatMap((e) => (e.scope.recorder && (!e.scope.region || !e.scope.sector) ? [e.scope.recorder] : [])))];
  if (unplaced.length === 0) return events;
  const parties = await inChunks(unplaced, (chunk) => tx.selectFrom('party').select(['uscc', 'region', 'sectors']).where('uscc', 'in', chunk).execute());
  const registered = new Map(parties.map((p) => {
    const sectors: unknown = JSON.parse(p.sectors);
    return [p.uscc, { region: p.region, sector: Array.isArray(sectors) && sectors.length === 1 ? String(sectors[0]) : null }];
  }));
  return events.map((e) => {
    const party = e.scope.recorder ? registered.get(e.scope.recorder) : undefined;
    if (!party) return e;
    return { ...e, scope: { ...e.scope, region: e.scope.region ?? party.region, sector: e.scope.sector ?? party.sector } };
  });
}

async function withDeclarations(db: Db, rows: Array<{ seq: number; eventId: string } & EventViewRow>, views: EventViews, sight: Sight): Promise<StoredEvent[]> {
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
  const events = rows.map((row) => {
    const event = readEventRow(row);
    const declaration = declared.get(row.eventId);
    return declaration ? { ...event, body: { ...event.body, errorDeclaration: declaration } } : event;
  });
  const bodies = await views.view(events, sight);
  return rows.map((row, i) => ({ seq: row.seq, eventId: row.eventId, body: bodies[i] ?? {}, namespaces: events[i]?.namespaces ?? {}, recorder: row.recorder }));
}

// The entry of a capture: who sent it, and the digest of the events and declarations it stored, in seq order.
function captureEntry(
  algorithm: AuditAlgorithm,
  capture: { events: EventRecord[]; job: CaptureJob; actor: AuditActor; stored: StoredEvents; storedDeclarations: Array<DeclarationRow & { seq: number }> },
): NewAuditEntry {
  const { job, stored, storedDeclarations } = capture;
  const records = new Map<string, EventRecord>();
  for (const record of capture.events) if (!records.has(record.eventId)) records.set(record.eventId, record);
  const entry: NewAuditEntry = {
    at: job.finishedAt ?? job.createdAt,
    actor: capture.actor,
    action: 'capture',
    subject: job.captureId,
    details: { recordTime: job.createdAt, sent: job.eventCount },
    algorithm,
  };
  const events = coverage(algorithm, stored.seqs, (digest) => {
    stored.eventIds.forEach((eventId) => {
      const record = records.get(eventId);
      digest.addEvent(eventId, record?.contentHash ?? contentHashOfRow(record));
    });
  });
  const declarations = coverage(algorithm, storedDeclarations.map((d) => d.seq), (digest) => storedDeclarations.forEach((d) => digest.addDeclaration(d)));
  if (events) entry.events = events;
  if (declarations) entry.declarations = declarations;
  return entry;
}

function coverage(algorithm: AuditAlgorithm, seqs: number[], add: (digest: LedgerDigest) => void): LedgerCoverage | undefined {
  const [firstSeq] = seqs;
  const lastSeq = seqs.at(-1);
  if (firstSeq === undefined || lastSeq === undefined) return undefined;
  const digest = createLedgerDigest(algorithm);
  add(digest);
  return { firstSeq, lastSeq, count: digest.count, digest: digest.digest() };
}

function contentHashOfRow(record: EventRecord | undefined): string {
  if (!record) throw new Error('the event writer stored an event that the capture did not hold');
  return eventContentHash(JSON.parse(record.row.body), JSON.parse(record.row.namespaces));
}

/** The `capture_job` row of a capture or an import. */
export function jobRow(job: CaptureJob): Database['captureJob'] {
  return {
    captureId: job.captureId,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt ?? null,
    status: job.status,
    eventCount: job.eventCount,
    storedCount: job.storedCount,
    errors: JSON.stringify(job.errors),
    capturedBy: job.capturedBy ?? null,
  };
}
