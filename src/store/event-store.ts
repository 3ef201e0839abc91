import type { EventQuery } from '../domain/event-query.js';
import type { Transaction } from 'kysely';
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
  const audit = createAuditStore(db);
  return {
    /**
     * Stores a whole capture in one transaction: every new event, every declaration, the job and the audit entry
     * that covers them (docs/audit.md), or nothing. Events whose eventID is already in the ledger are skipped, so
     * capturing the same event twice stores it once.
     */
    async append(capture: { events: EventRecord[]; declarations: ErrorDeclarationRecord[]; job: CaptureJob; alongside?: Alongside; actor: AuditActor }): Promise<{ storedEventIds: string[] }> {
      return lock.run(() => db.transaction().execute(async (tx) => {
        const stored = await writer.insert(tx, capture.events);
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
        await tx.insertInto('captureJob').values({ ...jobRow(capture.job), storedCount: stored.eventIds.length }).execute();
        await audit.append((algorithm) => captureEntry(algorithm, { ...capture, stored, storedDeclarations: declarations }), tx);
        return { storedEventIds: stored.eventIds };
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
