import type { Sight } from '../domain/access/sight.js';
import type { Db } from './db.js';
import type { Database } from './schema.js';
import { visibleInspectionRequests } from './visible-events.js';

/** A request that an inspection body inspect a unit (检验委托), and, once answered, the record of its result. */
export interface InspectionRequest {
  requestId: string;
  inspector: string;
  unitId: string;
  sector: string;
  stage: string;
  requestedBy: string;
  requestedFor?: string;
  requestedAt: string;
  note?: string;
  recordId?: string;
  answeredAt?: string;
}

export function createInspectionStore(db: Db) {
  return {
    async add(request: InspectionRequest): Promise<void> {
      await db.insertInto('inspectionRequest').values({
        ...request, requestedFor: request.requestedFor ?? null, note: request.note ?? null, recordId: null, answeredAt: null,
      }).execute();
    },

    /** A request, if `sight` may read it: the inspection body asked, the enterprise that asked, or the platform. */
    async find(requestId: string, sight: Sight, askedBy: string): Promise<InspectionRequest | undefined> {
      const row = await db.selectFrom('inspectionRequest').selectAll().where('requestId', '=', requestId)
        .where(visibleInspectionRequests(sight, askedBy)).executeTakeFirst();
      return row && toRequest(row);
    },

    /** The requests `sight` may read, open ones first, newest first. */
    async list(sight: Sight, askedBy: string, opts: { open?: boolean; limit: number; offset: number }): Promise<InspectionRequest[]> {
      let query = db.selectFrom('inspectionRequest').selectAll().where(visibleInspectionRequests(sight, askedBy));
      if (opts.open) query = query.where('recordId', 'is', null);
      const rows = await query.orderBy('requestedAt', 'desc').orderBy('requestId').limit(opts.limit).offset(opts.offset).execute();
      return rows.map(toRequest);
    },

    /** Marks a request answered by a record; false when it had been answered already. */
    async answer(requestId: string, recordId: string, at: string): Promise<boolean> {
      const result = await db.updateTable('inspectionRequest').set({ recordId, answeredAt: at })
        .where('requestId', '=', requestId).where('recordId', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

export type InspectionStore = ReturnType<typeof createInspectionStore>;

function toRequest(row: Database['inspectionRequest']): InspectionRequest {
  const { requestedFor, note, recordId, answeredAt, ...rest } = row;
  return {
    ...rest,
    ...(requestedFor !== null ? { requestedFor } : {}),
    ...(note !== null ? { note } : {}),
    ...(recordId !== null ? { recordId } : {}),
    ...(answeredAt !== null ? { answeredAt } : {}),
  };
}
