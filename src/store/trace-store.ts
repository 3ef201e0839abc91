import type { Db } from './db.js';
import { inChunks } from './in-list.js';

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
  body: string;
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

/** The read queries of the trace walk: each answers for a whole frontier at once, so a walk costs one query per level. */
export function createTraceStore(db: Db) {
  const eventColumns = ['seq', 'eventType', 'action', 'eventTime', 'transformationId', 'identifiers'] as const;

  return {
    /** Every place where one of `ids` is named, in time order. */
    appearancesOf(ids: readonly string[]): Promise<Appearance[]> {
      return inChunks(ids, (chunk) =>
        db.selectFrom('eventEpc').innerJoin('event', 'event.seq', 'eventEpc.eventSeq')
          .select(['eventEpc.eventSeq', 'event.eventType', 'event.action', 'eventEpc.eventTime', 'event.transformationId', 'eventEpc.epc', 'eventEpc.role', 'eventEpc.isClass', 'eventEpc.quantity', 'eventEpc.uom'])
          .where('eventEpc.epc', 'in', chunk).orderBy('eventEpc.eventTime').orderBy('eventEpc.eventSeq').execute());
    },

    /** Every identifier named by the given events. */
    async identifiersOf(eventSeqs: readonly number[]): Promise<Appearance[]> {
      const rows = await inChunks(eventSeqs, (chunk) => db.selectFrom('event').select(eventColumns).where('seq', 'in', chunk).execute());
      return rows.flatMap(expandIdentifiers);
    },

    /** Every identifier named by the TransformationEvents that carry one of `transformationIds`. */
    async identifiersOfTransformations(transformationIds: readonly string[]): Promise<Appearance[]> {
      const rows = await inChunks(transformationIds, (chunk) => db.selectFrom('event').select(eventColumns).where('transformationId', 'in', chunk).execute());
      return rows.flatMap(expandIdentifiers);
    },

    async partiesOf(eventSeqs: readonly number[]): Promise<PartyRow[]> {
      const rows = await inChunks(eventSeqs, (chunk) => db.selectFrom('event').select(['seq', 'parties']).where('seq', 'in', chunk).execute());
      return rows.flatMap((row) => parseTuples(row.parties).map(([direction, type, party]) => ({ eventSeq: row.seq, direction: String(direction), type: String(type), party: String(party) })));
    },

    eventsBySeq(eventSeqs: readonly number[]): Promise<EventSummaryRow[]> {
      return inChunks(eventSeqs, (chunk) =>
        db.selectFrom('event')
          .select(['seq', 'eventId', 'eventType', 'eventTime', 'eventTimeZoneOffset', 'action', 'bizStep', 'disposition', 'readPoint', 'bizLocation', 'body'])
          .where('seq', 'in', chunk).execute());
    },

    /** Whether any event names `id`, or a trace code stands for it. */
    async isKnown(id: string): Promise<boolean> {
      const named = await db.selectFrom('eventEpc').select('eventSeq').where('epc', '=', id).limit(1).executeTakeFirst();
      if (named) return true;
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
          .where((eb) => eb.exists(eb.selectFrom('eventEpc').select('eventEpc.eventSeq').whereRef('eventEpc.epc', '=', 'traceCode.unitId')))
          .execute());
    },
  };
}

export type TraceStore = ReturnType<typeof createTraceStore>;

function expandIdentifiers(row: { seq: number; eventType: string; action: string | null; eventTime: string; transformationId: string | null; identifiers: string }): Appearance[] {
  return parseTuples(row.identifiers).map(([epc, role, isClass, quantity, uom]) => ({
    eventSeq: row.seq,
    eventType: row.eventType,
    action: row.action,
    eventTime: row.eventTime,
    transformationId: row.transformationId,
    epc: String(epc),
    role: String(role),
    isClass: Number(isClass),
    quantity: typeof quantity === 'number' ? quantity : null,
    uom: typeof uom === 'string' ? uom : null,
  }));
}

function parseTuples(json: string): unknown[][] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((t): t is unknown[] => Array.isArray(t)) : [];
}
