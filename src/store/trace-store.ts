import type { Db } from './db.js';

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

// Keeps every IN list well below both databases' bound-parameter limits.
const IN_LIST = 2000;

/** The read queries of the trace walk: each answers for a whole frontier at once, so a walk costs one query per level. */
export function createTraceStore(db: Db) {
  async function chunked<V, T>(values: readonly V[], run: (chunk: V[]) => Promise<T[]>): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < values.length; i += IN_LIST) out.push(...(await run(values.slice(i, i + IN_LIST))));
    return out;
  }
  const appearanceColumns = ['eventEpc.eventSeq', 'event.eventType', 'event.action', 'eventEpc.eventTime', 'event.transformationId', 'eventEpc.epc', 'eventEpc.role', 'eventEpc.isClass', 'eventEpc.quantity', 'eventEpc.uom'] as const;

  return {
    /** Every place where one of `ids` is named, in time order. */
    appearancesOf(ids: readonly string[]): Promise<Appearance[]> {
      return chunked(ids, (chunk) =>
        db.selectFrom('eventEpc').innerJoin('event', 'event.seq', 'eventEpc.eventSeq').select(appearanceColumns)
          .where('eventEpc.epc', 'in', chunk).orderBy('eventEpc.eventTime').orderBy('eventEpc.eventSeq').execute());
    },

    /** Every identifier named by the given events. */
    identifiersOf(eventSeqs: readonly number[]): Promise<Appearance[]> {
      return chunked(eventSeqs, (chunk) =>
        db.selectFrom('eventEpc').innerJoin('event', 'event.seq', 'eventEpc.eventSeq').select(appearanceColumns)
          .where('eventEpc.eventSeq', 'in', chunk).execute());
    },

    /** Every identifier named by the TransformationEvents that carry one of `transformationIds`. */
    identifiersOfTransformations(transformationIds: readonly string[]): Promise<Appearance[]> {
      return chunked(transformationIds, (chunk) =>
        db.selectFrom('eventEpc').innerJoin('event', 'event.seq', 'eventEpc.eventSeq').select(appearanceColumns)
          .where('event.transformationId', 'in', chunk).execute());
    },

    partiesOf(eventSeqs: readonly number[]): Promise<PartyRow[]> {
      return chunked(eventSeqs, (chunk) =>
        db.selectFrom('eventParty').select(['eventSeq', 'direction', 'type', 'party']).where('eventSeq', 'in', chunk).execute());
    },

    eventsBySeq(eventSeqs: readonly number[]): Promise<EventSummaryRow[]> {
      return chunked(eventSeqs, (chunk) =>
        db.selectFrom('event')
          .select(['seq', 'eventId', 'eventType', 'eventTime', 'eventTimeZoneOffset', 'action', 'bizStep', 'disposition', 'readPoint', 'bizLocation', 'body'])
          .where('seq', 'in', chunk).execute());
    },

    /** Trace codes standing for any of `unitIds`. */
    codesForUnits(unitIds: readonly string[]): Promise<CodeRow[]> {
      return chunked(unitIds, (chunk) =>
        db.selectFrom('traceCode').select(['code', 'unitId', 'lotId', 'product']).where('unitId', 'in', chunk).execute());
    },

    /** Trace codes of the given lots that some event names: the items of a lot that have a history of their own. */
    recordedCodesOfLots(lotIds: readonly string[]): Promise<CodeRow[]> {
      return chunked(lotIds, (chunk) =>
        db.selectFrom('traceCode').select(['code', 'unitId', 'lotId', 'product']).where('lotId', 'in', chunk)
          .where((eb) => eb.exists(eb.selectFrom('eventEpc').select('eventEpc.eventSeq').whereRef('eventEpc.epc', '=', 'traceCode.unitId')))
          .execute());
    },
  };
}

export type TraceStore = ReturnType<typeof createTraceStore>;
