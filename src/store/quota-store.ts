import type { Sight } from '../domain/access/sight.js';
import type { Db } from './db.js';
import { visibleQuotas } from './visible-events.js';

/** An enterprise's output quota (生产总量控制指标) for a period, under the reference of the document that set it. */
export interface Quota {
  party: string;
  reference: string;
  sector: string;
  /** UTC ISO 8601; the period is [start, end). */
  periodStart: string;
  periodEnd: string;
  quantity: number;
  uom: string;
  registeredAt: string;
}

export function createQuotaStore(db: Db) {
  return {
    /** Registers a quota; false when the party already has one under this reference. */
    async add(quota: Quota): Promise<boolean> {
      const result = await db.insertInto('quota').values(quota).onConflict((oc) => oc.columns(['party', 'reference']).doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async find(party: string, reference: string): Promise<Quota | undefined> {
      return db.selectFrom('quota').selectAll().where('party', '=', party).where('reference', '=', reference).executeTakeFirst();
    },

    /** A party's quotas, if `sight` may read them. */
    async listOf(party: string, sight: Sight): Promise<Quota[]> {
      return db.selectFrom('quota').selectAll().where('party', '=', party).where(visibleQuotas(sight)).orderBy('periodStart').execute();
    },
  };
}

export type QuotaStore = ReturnType<typeof createQuotaStore>;
