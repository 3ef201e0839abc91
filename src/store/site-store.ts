import type { Db } from './db.js';

/** A place of an enterprise beyond its registered main site: a farm, a warehouse, a shop. */
export interface Site {
  site: string;
  party: string;
  name: string;
  region: string;
  registeredAt: string;
}

export function createSiteStore(db: Db) {
  return {
    /** Stores a site; false when that site id is registered already. */
    async add(site: Site): Promise<boolean> {
      const result = await db.insertInto('partySite').values(site).onConflict((oc) => oc.column('site').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async listOf(party: string): Promise<Site[]> {
      return db.selectFrom('partySite').selectAll().where('party', '=', party).orderBy('registeredAt').orderBy('site').execute();
    },

    async countOf(party: string): Promise<number> {
      const { count } = await db.selectFrom('partySite').select((eb) => eb.fn.countAll<number>().as('count')).where('party', '=', party).executeTakeFirstOrThrow();
      return Number(count);
    },
  };
}

export type SiteStore = ReturnType<typeof createSiteStore>;
