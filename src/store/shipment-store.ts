import type { Sight } from '../domain/access/sight.js';
import type { JsonObject } from '../domain/event.js';
import type { Db } from './db.js';
import { eventViewsOf, readEventRow } from './visible-events.js';

/** A shipping event another enterprise recorded with this one as destination, and whether this one recorded its receipt. */
export interface IncomingShipment {
  eventId: string;
  eventTime: string;
  /** USCC of the sender. */
  from: string;
  body: JsonObject;
  /** Lots and items the shipment named. */
  units: string[];
  received: boolean;
}

/** Shipments on their way to an enterprise (待收货): shipped to it by others, newest first. */
export function createShipmentStore(db: Db) {
  const views = eventViewsOf(db);
  return {
    async incoming(uscc: string, sight: Sight, page: { limit: number }): Promise<IncomingShipment[]> {
      const rows = await db.selectFrom('event').innerJoin('eventParty', 'eventParty.eventSeq', 'event.seq')
        .select(['event.seq', 'event.eventId', 'event.eventTime', 'event.recorder', 'event.body', 'event.namespaces'])
        .where('eventParty.party', '=', uscc).where('event.recorder', '<>', uscc).where('event.recorder', 'is not', null)
        .where('event.bizStep', '=', 'shipping')
        .orderBy('event.eventTime', 'desc').limit(page.limit).execute();
      const bodies = await views.view(rows.map((r) => readEventRow({ ...r, recorder: r.recorder })), sight);
      const shipments: IncomingShipment[] = [];
      for (const [i, row] of rows.entries()) {
        const units = (await db.selectFrom('eventEpc').select('epc').distinct().where('eventSeq', '=', row.seq).where('role', '<>', 'parent').execute()).map((u) => u.epc);
        const receipt = units.length === 0 ? undefined : await db.selectFrom('eventEpc').innerJoin('event', 'event.seq', 'eventEpc.eventSeq').select('event.seq')
          .where('eventEpc.epc', 'in', units).where('event.recorder', '=', uscc).where('event.eventTime', '>=', row.eventTime)
          .where('event.bizStep', 'in', ['receiving', 'accepting']).limit(1).executeTakeFirst();
        shipments.push({ eventId: row.eventId, eventTime: row.eventTime, from: row.recorder ?? '', body: bodies[i] ?? {}, units, received: receipt !== undefined });
      }
      return shipments;
    },
  };
}

export type ShipmentStore = ReturnType<typeof createShipmentStore>;
