import type { Transaction } from 'kysely';
import type { JsonObject } from '../domain/event.js';
import type { Sight } from '../domain/access/sight.js';
import type { Db } from './db.js';
import { eventKeyOf } from './event-rows.js';
import { visibleEvents } from './visible-events.js';
import type { Database } from './schema.js';

/** The row kept beside a sector record's event: who recorded which stage of what, when, and how much. */
export interface SectorRecordRow {
  recordId: string;
  sector: string;
  stage: string;
  profileVersion: number;
  party: string;
  counterpart?: string;
  productId?: string;
  region: string;
  /** UTC ISO 8601 with milliseconds. */
  eventTime: string;
  eventId: string;
  quantity?: number;
  uom?: string;
  recordedAt: string;
}

/** Quantities summed per stage and unit of measure. */
export interface StageTotal {
  stage: string;
  uom: string | null;
  quantity: number;
}

export function createSectorRecordStore(db: Db) {
  return {
    /** Writes inside the transaction that stores the record's event, so that both are stored or neither. */
    within(tx: Transaction<Database>) {
      return {
        async insert(row: SectorRecordRow): Promise<void> {
          await tx.insertInto('sectorRecord')
            .values({ ...row, counterpart: row.counterpart ?? null, productId: row.productId ?? null, quantity: row.quantity ?? null, uom: row.uom ?? null })
            .onConflict((oc) => oc.column('recordId').doNothing())
            .execute();
        },
        /** Claims the units for a once-only stage; throws on a unit already claimed, which fails the transaction. */
        async claim(unitIds: string[], claim: string, recordId: string): Promise<void> {
          if (unitIds.length === 0) return;
          await tx.insertInto('unitClaim').values(unitIds.map((unitId) => ({ unitId, claim, recordId }))).execute();
        },
      };
    },

    /** Of `unitIds`, those already claimed for `claim`, with the record that claimed each. */
    async claimed(unitIds: string[], claim: string): Promise<Map<string, string>> {
      if (unitIds.length === 0) return new Map();
      const rows = await db.selectFrom('unitClaim').select(['unitId', 'recordId']).where('claim', '=', claim).where('unitId', 'in', unitIds).execute();
      return new Map(rows.map((r) => [r.unitId, r.recordId]));
    },

    /** The events that name a unit, newest first: its history, for rules that look at what happened to it before. */
    async unitHistory(unitId: string, opts: { before?: string } = {}): Promise<Array<{ eventTime: string; body: JsonObject }>> {
      let query = db.selectFrom('eventEpc as x').innerJoin('event as e', 'e.seq', 'x.eventSeq')
        .select(['x.eventTime', 'e.body']).where('x.epc', '=', unitId);
      if (opts.before !== undefined) query = query.where('x.eventTime', '<=', opts.before);
      const rows = await query.orderBy('x.eventTime', 'desc').orderBy('x.eventSeq', 'desc').limit(1000).execute();
      return rows.map((r) => ({ eventTime: r.eventTime, body: JSON.parse(r.body) }));
    },

    /** A holder's quantities of one product per stage, up to and including `until`. */
    async totalsByStage(opts: { party: string; productId: string; stages: string[]; until: string }): Promise<StageTotal[]> {
      if (opts.stages.length === 0) return [];
      const rows = await db.selectFrom('sectorRecord')
        .select(['stage', 'uom', (eb) => eb.fn.sum<number | string>('quantity').as('total')])
        .where('productId', '=', opts.productId).where('party', '=', opts.party)
        .where('stage', 'in', opts.stages).where('eventTime', '<=', opts.until)
        .groupBy(['stage', 'uom'])
        .execute();
      return rows.map((r) => ({ stage: r.stage, uom: r.uom, quantity: Number(r.total ?? 0) }));
    },

    /** A party's output of the given stages between two times (`from` inclusive, `to` exclusive). */
    async outputBetween(opts: { party: string; stages: string[]; from: string; to: string }): Promise<StageTotal[]> {
      const rows = await db.selectFrom('sectorRecord')
        .select(['stage', 'uom', (eb) => eb.fn.sum<number | string>('quantity').as('total')])
        .where('party', '=', opts.party).where('stage', 'in', opts.stages)
        .where('eventTime', '>=', opts.from).where('eventTime', '<', opts.to)
        .groupBy(['stage', 'uom'])
        .execute();
      return rows.map((r) => ({ stage: r.stage, uom: r.uom, quantity: Number(r.total ?? 0) }));
    },

    /** For each unit whose id starts with `prefix`: the time of its latest event with one of these bizSteps. */
    async latestPerUnit(opts: { prefix: string; bizSteps: string[] }): Promise<Array<{ unitId: string; eventTime: string }>> {
      const rows = await db.selectFrom('eventEpc as x').innerJoin('event as e', 'e.seq', 'x.eventSeq')
        .select(['x.epc', (eb) => eb.fn.max('x.eventTime').as('latest')])
        .where('x.epc', '>=', opts.prefix).where('x.epc', '<', `${opts.prefix}\uffff`)
        .where('e.bizStep', 'in', opts.bizSteps)
        .groupBy('x.epc')
        .execute();
      return rows.map((r) => ({ unitId: r.epc, eventTime: String(r.latest) }));
    },

    /** A record, if `sight` may see its event (store/visible-events.ts). */
    async find(recordId: string, sight: Sight): Promise<SectorRecordRow | undefined> {
      const row = await db.selectFrom('sectorRecord').selectAll().where('recordId', '=', recordId).executeTakeFirst();
      if (!row) return undefined;
      const visible = await db.selectFrom('event').select('seq')
        .where('eventKey', '=', eventKeyOf(row.eventId)).where('eventId', '=', row.eventId).where(visibleEvents(sight)).executeTakeFirst();
      return visible && toRecordRow(row);
    },
  };
}

function toRecordRow(row: Database['sectorRecord']): SectorRecordRow {
  const { counterpart, productId, quantity, uom, ...rest } = row;
  return {
    ...rest,
    ...(counterpart !== null ? { counterpart } : {}),
    ...(productId !== null ? { productId } : {}),
    ...(quantity !== null ? { quantity } : {}),
    ...(uom !== null ? { uom } : {}),
  };
}

export type SectorRecordStore = ReturnType<typeof createSectorRecordStore>;
