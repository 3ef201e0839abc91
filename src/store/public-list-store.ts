import type { Db } from './db.js';

/** A recall (召回) a regulator ordered or an enterprise announced: of one lot or item, or of every unit of a product. */
export interface Recall {
  recallId: string;
  /** The lot or item recalled; absent: every unit of the product. */
  unitId?: string;
  product: string;
  /** USCC of the enterprise that recalls. */
  party: string;
  reason: string;
  level?: string;
  region?: string;
  sector?: string;
  startedAt: string;
  endedAt?: string;
}

/** A consumer alert (消费提示) published for the public. */
export interface ConsumerAlert {
  alertId: string;
  title: string;
  body: string;
  region?: string;
  sector?: string;
  publishedAt: string;
}

/** An enterprise on the quality blacklist (质量失信黑名单). */
export interface BlacklistEntry {
  uscc: string;
  name: string;
  reason: string;
  region?: string;
  listedAt: string;
  until?: string;
}

/** What regulators publish for the public: recalls in force, consumer alerts, the blacklist. */
export function createPublicListStore(db: Db) {
  return {
    async addRecall(recall: Recall): Promise<void> {
      await db.insertInto('recall').values({
        recallId: recall.recallId, unitId: recall.unitId ?? null, product: recall.product, party: recall.party, reason: recall.reason, level: recall.level ?? null,
        region: recall.region ?? null, sector: recall.sector ?? null, startedAt: recall.startedAt, endedAt: recall.endedAt ?? null,
      }).execute();
    },

    async addConsumerAlert(alert: ConsumerAlert): Promise<void> {
      await db.insertInto('consumerAlert').values({
        alertId: alert.alertId, title: alert.title, body: alert.body, region: alert.region ?? null, sector: alert.sector ?? null, publishedAt: alert.publishedAt, withdrawnAt: null,
      }).execute();
    },

    async addToBlacklist(entry: BlacklistEntry): Promise<void> {
      await db.insertInto('blacklistEntry').values({
        uscc: entry.uscc, name: entry.name, reason: entry.reason, region: entry.region ?? null, listedAt: entry.listedAt, until: entry.until ?? null, removedAt: null,
      }).execute();
    },

    /** Recalls started by `at` and not ended, newest first. */
    async activeRecalls(at: string, page: { limit: number; offset: number }): Promise<Recall[]> {
      const rows = await db.selectFrom('recall').selectAll().where('startedAt', '<=', at)
        .where((eb) => eb.or([eb('endedAt', 'is', null), eb('endedAt', '>', at)]))
        .orderBy('startedAt', 'desc').orderBy('recallId').limit(page.limit).offset(page.offset).execute();
      return rows.map((r) => compact({
        recallId: r.recallId, unitId: r.unitId, product: r.product, party: r.party, reason: r.reason, level: r.level, region: r.region, sector: r.sector, startedAt: r.startedAt, endedAt: r.endedAt,
      }));
    },

    /** Consumer alerts published by `at` and not withdrawn, newest first. */
    async consumerAlerts(at: string, page: { limit: number; offset: number }): Promise<ConsumerAlert[]> {
      const rows = await db.selectFrom('consumerAlert').selectAll().where('publishedAt', '<=', at).where('withdrawnAt', 'is', null)
        .orderBy('publishedAt', 'desc').orderBy('alertId').limit(page.limit).offset(page.offset).execute();
      return rows.map((r) => compact({ alertId: r.alertId, title: r.title, body: r.body, region: r.region, sector: r.sector, publishedAt: r.publishedAt }));
    },

    /** Enterprises listed by `at`, neither removed nor past their listing's end, newest first. */
    async blacklist(at: string, page: { limit: number; offset: number }): Promise<BlacklistEntry[]> {
      const rows = await db.selectFrom('blacklistEntry').selectAll().where('listedAt', '<=', at).where('removedAt', 'is', null)
        .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', at)]))
        .orderBy('listedAt', 'desc').orderBy('uscc').limit(page.limit).offset(page.offset).execute();
      return rows.map((r) => compact({ uscc: r.uscc, name: r.name, reason: r.reason, region: r.region, listedAt: r.listedAt, until: r.until }));
    },
  };
}

export type PublicListStore = ReturnType<typeof createPublicListStore>;

/** Drops the columns a row left empty, so that the domain types' optional fields are absent rather than null. */
function compact<T extends object>(row: { [K in keyof T]: T[K] | null }): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)) as T;
}
