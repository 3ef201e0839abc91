import { seesField } from '../domain/access/event-view.js';
import { audienceOf, isPartial, type Sight } from '../domain/access/sight.js';
import { sql } from 'kysely';
import type { Db } from './db.js';
import { inChunks } from './in-list.js';
import { precompiled } from './precompiled.js';
import { eventViewsOf, hiddenEvents, readEventRow, visibleEvents } from './visible-events.js';

/** One identifier named by one event, with what the walk needs to know of the event. */
export interface Appearance {
  eventSeq: number;
  eventType: string;
  action: string | null;
  eventTime: string;
  transformationId: string | null;
  epc: string;
  role: string;
  isClass: number;
  quantity: number | null;
  uom: string | null;
}

export interface EventSummaryRow {
  seq: number;
  eventId: string;
  eventType: string;
  eventTime: string;
  eventTimeZoneOffset: string;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  /** The event as the sight may read it (domain/access/event-view.ts). */
  body: Record<string, unknown>;
  /** USCC of the enterprise that recorded it. */
  recorder: string | null;
}

export interface PartyRow {
  eventSeq: number;
  direction: string;
  type: string;
  party: string;
}

export interface CodeRow {
  code: string;
  unitId: string;
  lotId: string | null;
  product: string | null;
}

/**
 * The read queries of the trace walk, for one sight: each answers for a whole frontier at once, so a walk costs one
 * query per level, and each reads only the events the sight may see (store/visible-events.ts), so that a walk stops
 * where the sight ends.
 */
export function createTraceStore(db: Db, sight: Sight) {
  const eventColumns = ['seq', 'eventType', 'action', 'eventTime', 'transformationId', 'identifiers'] as const;
  const views = eventViewsOf(db);
  // The public reads no quantities (domain/access/event-view.ts): the walk carries units without amounts.
  const withQuantities = sight.kind !== 'public';
  const expand = (row: IdentifierRow) => expandIdentifiers(row, withQuantities);
  // Every event_epc row belongs to an event: only a sight that leaves events out needs to read the event itself.
  // LIMIT written out: SQLite ran `LIMIT ?` (Kysely's default) four times slower than `LIMIT 1`.
  const eventNaming = sight.kind === 'all' || sight.kind === 'public'
    ? precompiled(db, (id: string) => db.selectFrom('eventEpc').select('eventEpc.eventSeq').where('eventEpc.epc', '=', id).limit(sql.lit(1)), 1)
    : precompiled(db, (id: string) => db.selectFrom('eventEpc').innerJoin('event', 'event.seq', 'eventEpc.eventSeq').select('eventEpc.eventSeq')
      .where('eventEpc.epc', '=', id).where(visibleEvents(sight)).limit(sql.lit(1)), 1);

  return {
    sight,

    /** Every place where one of `ids` is named, in time order. */
    async appearancesOf(ids: readonly string[]): Promise<Appearance[]> {
      const rows = await inChunks(ids, (chunk) =>
        db.selectFrom('eventEpc').innerJoin('event', 'event.seq', 'eventEpc.eventSeq')
          .select(['eventEpc.eventSeq', 'event.eventType', 'event.action', 'eventEpc.eventTime', 'event.transformationId', 'eventEpc.epc', 'eventEpc.role', 'eventEpc.isClass', 'eventEpc.quantity', 'eventEpc.uom'])
          .where('eventEpc.epc', 'in', chunk).where(visibleEvents(sight)).orderBy('eventEpc.eventTime').orderBy('eventEpc.eventSeq').execute());
      return withQuantities ? rows : rows.map((a) => ({ ...a, quantity: null, uom: null }));
    },

    /** Of `ids`, those that events out of the sight name too: where a trace stops short of the whole chain. */
    async namedOutOfSight(ids: readonly string[]): Promise<string[]> {
      if (!isPartial(sight)) return [];
      const rows = await inChunks(ids, (chunk) =>
        db.selectFrom('eventEpc').innerJoin('event', 'event.seq', 'eventEpc.eventSeq').select('eventEpc.epc').distinct()
          .where('eventEpc.epc', 'in', chunk).where(hiddenEvents(sight)).execute());
      return rows.map((r) => r.epc);
    },

    /** Every identifier named by the given events. */
    async identifiersOf(eventSeqs: readonly number[]): Promise<Appearance[]> {
      const rows = await inChunks(eventSeqs, (chunk) => db.selectFrom('event').select(eventColumns).where('seq', 'in', chunk).where(visibleEvents(sight)).execute());
      return rows.flatMap(expand);
    },

    /** Every identifier named by the TransformationEvents that carry one of `transformationIds`. */
    async identifiersOfTransformations(transformationIds: readonly string[]): Promise<Appearance[]> {
      const rows = await inChunks(transformationIds, (chunk) =>
        db.selectFrom('event').select(eventColumns).where('transformationId', 'in', chunk).where(visibleEvents(sight)).execute());
      return rows.flatMap(expand);
    },

    /** The source and destination lists of the given events, where the sight may read them. */
    async partiesOf(eventSeqs: readonly number[]): Promise<PartyRow[]> {
      const rows = await inChunks(eventSeqs, (chunk) =>
        db.selectFrom('event').select(['seq', 'parties', 'recorder']).where('seq', 'in', chunk).where(visibleEvents(sight)).execute());
      return rows.flatMap((row) => {
        const audience = audienceOf(sight, row.recorder);
        return parseTuples(row.parties).flatMap(([direction, type, party]) => {
          const field = direction === 'source' ? 'sourceList' : 'destinationList';
          return seesField(audience, field) ? [{ eventSeq: row.seq, direction: String(direction), type: String(type), party: String(party) }] : [];
        });
      });
    },

    async eventsBySeq(eventSeqs: readonly number[]): Promise<EventSummaryRow[]> {
      const rows = await inChunks(eventSeqs, (chunk) =>
        db.selectFrom('event')
          .select(['seq', 'eventId', 'eventType', 'eventTime', 'eventTimeZoneOffset', 'action', 'bizStep', 'disposition', 'readPoint', 'bizLocation', 'body', 'namespaces', 'recorder'])
          .where('seq', 'in', chunk).where(visibleEvents(sight)).execute());
      const bodies = await views.view(rows.map(readEventRow), sight);
      return rows.map((row, i) => ({
        seq: row.seq, eventId: row.eventId, eventType: row.eventType, eventTime: row.eventTime, eventTimeZoneOffset: row.eventTimeZoneOffset, action: row.action,
        bizStep: row.bizStep, disposition: row.disposition, readPoint: row.readPoint, bizLocation: row.bizLocation, recorder: row.recorder, body: bodies[i] ?? {},
      }));
    },

    /** Whether any event the sight may see names `id`. */
    async isNamed(id: string): Promise<boolean> {
      return (await eventNaming(id)).length > 0;
    },

    /** Whether any event the sight may see names `id`, or a trace code stands for it. */
    async isKnown(id: string): Promise<boolean> {
      if (await this.isNamed(id)) return true;
      return (await db.selectFrom('traceCode').select('code').where('unitId', '=', id).limit(1).executeTakeFirst()) !== undefined;
    },

    /** Trace codes standing for any of `unitIds`. */
    codesForUnits(unitIds: readonly string[]): Promise<CodeRow[]> {
      return inChunks(unitIds, (chunk) =>
        db.selectFrom('traceCode').select(['code', 'unitId', 'lotId', 'product']).where('unitId', 'in', chunk).execute());
    },

    /** Trace codes of the given lots that some event names: the items of a lot that have a history of their own. */
    recordedCodesOfLots(lotIds: readonly string[]): Promise<CodeRow[]> {
      return inChunks(lotIds, (chunk) =>
        db.selectFrom('traceCode').select(['code', 'unitId', 'lotId', 'product']).where('lotId', 'in', chunk)
          .where((eb) => eb.exists(eb.selectFrom('eventEpc').innerJoin('event', 'event.seq', 'eventEpc.eventSeq').select('eventEpc.eventSeq')
            .whereRef('eventEpc.epc', '=', 'traceCode.unitId').where(visibleEvents(sight))))
          .execute());
    },
  };
}

export type TraceStore = ReturnType<typeof createTraceStore>;

interface IdentifierRow {
  seq: number;
  eventType: string;
  action: string | null;
  eventTime: string;
  transformationId: string | null;
  identifiers: string;
}

function expandIdentifiers(row: IdentifierRow, withQuantities: boolean): Appearance[] {
  return parseTuples(row.identifiers).map(([epc, role, isClass, quantity, uom]) => ({
    eventSeq: row.seq,
    eventType: row.eventType,
    action: row.action,
    eventTime: row.eventTime,
    transformationId: row.transformationId,
    epc: String(epc),
    role: String(role),
    isClass: Number(isClass),
    quantity: withQuantities && typeof quantity === 'number' ? quantity : null,
    uom: withQuantities && typeof uom === 'string' ? uom : null,
  }));
}

function parseTuples(json: string): unknown[][] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((t): t is unknown[] => Array.isArray(t)) : [];
}
