import type { Db } from './db.js';

/** A party (追溯主体) registered on the platform under its 统一社会信用代码. */
export interface Party {
  uscc: string;
  name: string;
  region: string;
  site: string;
  sectors: string[];
  /** An administrator accepted this legacy code although its check character fails (GB 32100). */
  checkOverridden: boolean;
  registeredAt: string;
}

export function createPartyStore(db: Db) {
  return {
    /** Registers a party; false when the code is already registered (the first registration stands). */
    async add(party: Party): Promise<boolean> {
      const inserted = await db
        .insertInto('party')
        .values({ ...party, sectors: JSON.stringify(party.sectors), checkOverridden: party.checkOverridden ? 1 : 0 })
        .onConflict((oc) => oc.column('uscc').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async find(uscc: string): Promise<Party | undefined> {
      const row = await db.selectFrom('party').selectAll().where('uscc', '=', uscc).executeTakeFirst();
      return row && { ...row, sectors: JSON.parse(row.sectors), checkOverridden: row.checkOverridden === 1 };
    },

    /** The enterprise whose site (its main one, or one registered beside it) a place is. */
    async atSite(site: string): Promise<string | undefined> {
      const own = await db.selectFrom('party').select('uscc').where('site', '=', site).orderBy('uscc').executeTakeFirst();
      if (own) return own.uscc;
      return (await db.selectFrom('partySite').select('party').where('site', '=', site).executeTakeFirst())?.party;
    },

    async list(opts: { limit: number; offset: number }): Promise<Party[]> {
      const rows = await db.selectFrom('party').selectAll().orderBy('uscc').limit(opts.limit).offset(opts.offset).execute();
      return rows.map((row) => ({ ...row, sectors: JSON.parse(row.sectors), checkOverridden: row.checkOverridden === 1 }));
    },
  };
}

export type PartyStore = ReturnType<typeof createPartyStore>;
