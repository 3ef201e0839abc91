import type { SectorProfile } from '../domain/sectors/profile.js';
import type { Db } from './db.js';

/** Profile versions registered as data, beside the built-in ones. */
export function createProfileStore(db: Db, deps: { now: () => Date }) {
  return {
    /** Stores a profile version; false when that sector already has that version. */
    async add(profile: SectorProfile): Promise<boolean> {
      const result = await db.insertInto('sectorProfile')
        .values({ id: profile.id, version: profile.version, body: JSON.stringify(profile), registeredAt: deps.now().toISOString() })
        .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** How many versions are registered: they are only ever added, so a new count means a new version. */
    async count(): Promise<number> {
      const row = await db.selectFrom('sectorProfile').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async all(): Promise<SectorProfile[]> {
      const rows = await db.selectFrom('sectorProfile').select('body').orderBy('id').orderBy('version').execute();
      return rows.map((r) => JSON.parse(r.body));
    },
  };
}

export type ProfileStore = ReturnType<typeof createProfileStore>;
