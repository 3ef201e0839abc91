import type { Selectable, Transaction } from 'kysely';
import type { AuditActor } from '../domain/audit/actor.js';
import {
  chainEntry, DEFAULT_AUDIT_ALGORITHM, detailsText, GENESIS_HASH, isAuditAlgorithm, type AuditAlgorithm, type AuditEntry, type LedgerCoverage, type RecordedActor,
} from '../domain/audit/chain-hash.js';
import type { DeclarationRow } from '../domain/audit/ledger-digest.js';
import { dialectOf, writeLockOf, type Db } from './db.js';
import { lockAuditChainPostgres } from './dialect/postgres.js';
import type { Database } from './schema.js';

/** An entry to append; the store gives it its seq, links it to the head and hashes it. */
export interface NewAuditEntry {
  at: string;
  actor: AuditActor;
  action: string;
  subject: string;
  details: Readonly<Record<string, unknown>>;
  /** The chain's algorithm when absent: the head's, or SM3 for the first entry. */
  algorithm?: AuditAlgorithm;
  events?: LedgerCoverage;
  declarations?: LedgerCoverage;
}

/** An entry as read back for verification: the actor's type and the algorithm are kept as stored, whatever they say. */
export type StoredAuditEntry = Omit<AuditEntry, 'algorithm' | 'actor'> & { algorithm: string; actor: RecordedActor };

/** An event row as verification reads it. */
export interface LedgerEventRow {
  seq: number;
  eventId: string;
  recordTime: string;
  body: string;
  namespaces: string;
  captureId: string;
}

export type LedgerDeclarationRow = DeclarationRow & { seq: number; captureId: string };

/** Where a page of covering entries starts: after this entry, in the order of their first row. */
export interface CoverCursor {
  firstSeq: number;
  seq: number;
}

type AuditRow = Selectable<Database['auditLog']>;

/**
 * The audit log: append-only, each entry chained to the one before by its hash. Appends line up one at a time: on
 * SQLite under the write lock that every writer of the file shares, on PostgreSQL under a transaction-scoped advisory
 * lock, so that the chain stays one line even when several servers write.
 */
export function createAuditStore(db: Db) {
  const lock = writeLockOf(db);
  const isPostgres = dialectOf(db) === 'postgres';

  async function appendIn(tx: Transaction<Database>, entry: NewAuditEntry | ((algorithm: AuditAlgorithm) => NewAuditEntry)): Promise<AuditEntry> {
    // SQLite: the caller holds the write lock, so nothing else appends between reading the head and inserting.
    if (isPostgres) await lockAuditChainPostgres(tx);
    const head = await tx.selectFrom('auditLog').select(['seq', 'hash', 'algorithm']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const followed = head && isAuditAlgorithm(head.algorithm) ? head.algorithm : DEFAULT_AUDIT_ALGORITHM;
    const input = typeof entry === 'function' ? entry(followed) : entry;
    const chained = chainEntry(head?.hash ?? GENESIS_HASH, {
      seq: (head?.seq ?? 0) + 1,
      at: input.at,
      actor: actorOf(input.actor),
      action: input.action,
      subject: input.subject,
      details: detailsText(input.details),
      algorithm: input.algorithm ?? followed,
      ...(input.events ? { events: input.events } : {}),
      ...(input.declarations ? { declarations: input.declarations } : {}),
    });
    await tx.insertInto('auditLog').values(rowOf(chained)).execute();
    return chained;
  }

  return {
    /**
     * Appends an entry inside `tx`, so that it commits or rolls back with the change it records; without `tx`, in a
     * transaction of its own. `entry` may be a function of the algorithm the entry will use, for a digest that must
     * be computed with it. On SQLite a caller that passes `tx` must hold the write lock.
     */
    async append(entry: NewAuditEntry | ((algorithm: AuditAlgorithm) => NewAuditEntry), tx?: Transaction<Database>): Promise<AuditEntry> {
      if (tx) return appendIn(tx, entry);
      return lock.run(() => db.transaction().execute((own) => appendIn(own, entry)));
    },

    /** The last entry, or undefined for an empty log. */
    async head(): Promise<StoredAuditEntry | undefined> {
      const row = await db.selectFrom('auditLog').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
      return row && toEntry(row);
    },

    async find(seq: number): Promise<StoredAuditEntry | undefined> {
      const row = await db.selectFrom('auditLog').selectAll().where('seq', '=', seq).executeTakeFirst();
      return row && toEntry(row);
    },

    /** Up to `limit` entries after `afterSeq`, in seq order. */
    async page(afterSeq: number, limit: number): Promise<StoredAuditEntry[]> {
      const rows = await db.selectFrom('auditLog').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
      return rows.map(toEntry);
    },

    /** Up to `limit` entries that cover rows of `ledger`, in the order of their first row, after `after`. */
    async coveringPage(ledger: 'event' | 'declaration', after: CoverCursor | undefined, limit: number): Promise<StoredAuditEntry[]> {
      const first = ledger === 'event' ? 'eventFirstSeq' : 'declarationFirstSeq';
      let query = db.selectFrom('auditLog').selectAll().where(first, 'is not', null);
      if (after) {
        query = query.where((eb) => eb.or([eb(first, '>', after.firstSeq), eb.and([eb(first, '=', after.firstSeq), eb('seq', '>', after.seq)])]));
      }
      const rows = await query.orderBy(first).orderBy('seq').limit(limit).execute();
      return rows.map(toEntry);
    },

    /** Up to `limit` events after `afterSeq`, in seq order, as stored. */
    async eventPage(afterSeq: number, limit: number): Promise<LedgerEventRow[]> {
      return db.selectFrom('event').select(['seq', 'eventId', 'recordTime', 'body', 'namespaces', 'captureId'])
        .where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
    },

    /** Up to `limit` error declarations after `afterSeq`, in seq order, as stored. */
    async declarationPage(afterSeq: number, limit: number): Promise<LedgerDeclarationRow[]> {
      return db.selectFrom('eventErrorDeclaration').select(['seq', 'eventId', 'declarationTime', 'reason', 'recordTime', 'body', 'captureId'])
        .where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
    },
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;

// Only the fields an actor has, so that an actor built with `name: undefined` hashes like one without a name.
function actorOf(actor: AuditActor): AuditActor {
  return {
    type: actor.type,
    id: actor.id,
    ...(actor.name !== undefined ? { name: actor.name } : {}),
    ...(actor.enterprise !== undefined ? { enterprise: actor.enterprise } : {}),
    ...(actor.address !== undefined ? { address: actor.address } : {}),
  };
}

function rowOf(entry: AuditEntry): Database['auditLog'] {
  return {
    seq: entry.seq,
    at: entry.at,
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    actorName: entry.actor.name ?? null,
    enterprise: entry.actor.enterprise ?? null,
    address: entry.actor.address ?? null,
    action: entry.action,
    subject: entry.subject,
    details: entry.details,
    algorithm: entry.algorithm,
    eventFirstSeq: entry.events?.firstSeq ?? null,
    eventLastSeq: entry.events?.lastSeq ?? null,
    eventCount: entry.events?.count ?? null,
    eventDigest: entry.events?.digest ?? null,
    declarationFirstSeq: entry.declarations?.firstSeq ?? null,
    declarationLastSeq: entry.declarations?.lastSeq ?? null,
    declarationCount: entry.declarations?.count ?? null,
    declarationDigest: entry.declarations?.digest ?? null,
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}

function coverageOf(firstSeq: number | null, lastSeq: number | null, count: number | null, digest: string | null): LedgerCoverage | undefined {
  if (firstSeq === null && lastSeq === null && count === null && digest === null) return undefined;
  return { firstSeq: firstSeq ?? 0, lastSeq: lastSeq ?? 0, count: count ?? 0, digest: digest ?? '' };
}

// Read back as stored, even when tampered with: verification recomputes the hash from exactly these values.
function toEntry(row: AuditRow): StoredAuditEntry {
  const actor: RecordedActor = { type: row.actorType, id: row.actorId };
  if (row.actorName !== null) actor.name = row.actorName;
  if (row.enterprise !== null) actor.enterprise = row.enterprise;
  if (row.address !== null) actor.address = row.address;
  const entry: StoredAuditEntry = {
    seq: row.seq, at: row.at, actor, action: row.action, subject: row.subject, details: row.details, algorithm: row.algorithm, prevHash: row.prevHash, hash: row.hash,
  };
  const events = coverageOf(row.eventFirstSeq, row.eventLastSeq, row.eventCount, row.eventDigest);
  const declarations = coverageOf(row.declarationFirstSeq, row.declarationLastSeq, row.declarationCount, row.declarationDigest);
  if (events) entry.events = events;
  if (declarations) entry.declarations = declarations;
  return entry;
}
