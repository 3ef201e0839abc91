import type { Db } from './db.js';

async function latestVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('catalogueVersion').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** An entry of the important-product catalogue (重要产品目录, R-01): national, or local to a region. */
export interface CatalogueEntry {
  /** `drug.preparation` for a national entry; a local entry is prefixed with its region: `460000.edible-agri.mango`. */
  id: string;
  /** `national`, or the GB/T 2260 code of the region that keeps it. */
  scope: string;
  sector: string;
  productKind: string;
  name: { zh: string; en: string };
  /** 重点 (key) or 鼓励 (encouraged) list. */
  list: 'key' | 'encouraged';
  /** The national entry a local entry refines, so that local catalogues stay compatible with the national one. */
  compatibleWith?: string;
  /** Catalogue version that added the entry, and the one that retired it. */
  addedIn: number;
  retiredIn?: number;
}

type Row = { id: string; scope: string; sector: string; productKind: string; nameZh: string; nameEn: string; list: string; compatibleWith: string | null; addedIn: number; retiredIn: number | null };

function toEntry(row: Row): CatalogueEntry {
  const entry: CatalogueEntry = {
    id: row.id, scope: row.scope, sector: row.sector, productKind: row.productKind, name: { zh: row.nameZh, en: row.nameEn },
    list: row.list === 'encouraged' ? 'encouraged' : 'key', addedIn: row.addedIn,
  };
  if (row.compatibleWith) entry.compatibleWith = row.compatibleWith;
  if (row.retiredIn !== null) entry.retiredIn = row.retiredIn;
  return entry;
}

/** The catalogue, versioned: every change is a new version, and any earlier version can be read back. */
export function createCatalogueStore(db: Db, deps: { now: () => Date }) {
  return {
    currentVersion: () => latestVersion(db),

    /** Adds the built-in national entries that are missing, as one version; returns that version or undefined. */
    async ensure(entries: Array<Omit<CatalogueEntry, 'addedIn'>>, change: string): Promise<number | undefined> {
      return db.transaction().execute(async (tx) => {
        const have = new Set((await tx.selectFrom('catalogueEntry').select('id').execute()).map((r) => r.id));
        const missing = entries.filter((e) => !have.has(e.id));
        if (missing.length === 0) return undefined;
        const version = (await latestVersion(tx)) + 1;
        await tx.insertInto('catalogueVersion').values({ version, changedAt: deps.now().toISOString(), change }).execute();
        await tx.insertInto('catalogueEntry').values(missing.map((e) => rowOf({ ...e, addedIn: version }))).execute();
        return version;
      });
    },

    /** Adds one entry as a new catalogue version; false when the id is taken. */
    async add(entry: Omit<CatalogueEntry, 'addedIn'>, change: string): Promise<{ added: boolean; version: number }> {
      return db.transaction().execute(async (tx) => {
        const current = await latestVersion(tx);
        if (await tx.selectFrom('catalogueEntry').select('id').where('id', '=', entry.id).executeTakeFirst()) return { added: false, version: current };
        const version = current + 1;
        await tx.insertInto('catalogueVersion').values({ version, changedAt: deps.now().toISOString(), change }).execute();
        await tx.insertInto('catalogueEntry').values(rowOf({ ...entry, addedIn: version })).execute();
        return { added: true, version };
      });
    },

    /** Retires an entry from the next version on; products keep pointing at it, new ones may not. */
    async retire(id: string, change: string): Promise<number | undefined> {
      return db.transaction().execute(async (tx) => {
        const row = await tx.selectFrom('catalogueEntry').select(['id', 'retiredIn']).where('id', '=', id).executeTakeFirst();
        if (!row || row.retiredIn !== null) return undefined;
        const version = (await latestVersion(tx)) + 1;
        await tx.insertInto('catalogueVersion').values({ version, changedAt: deps.now().toISOString(), change }).execute();
        await tx.updateTable('catalogueEntry').set({ retiredIn: version }).where('id', '=', id).execute();
        return version;
      });
    },

    async find(id: string): Promise<CatalogueEntry | undefined> {
      const row = await db.selectFrom('catalogueEntry').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toEntry(row);
    },

    /** Every entry in force at `version` (the current one by default), national and local alike. */
    async list(opts: { version?: number } = {}): Promise<{ version: number; entries: CatalogueEntry[] }> {
      const version = opts.version ?? (await latestVersion(db));
      const rows = await db.selectFrom('catalogueEntry').selectAll()
        .where('addedIn', '<=', version)
        .where((eb) => eb.or([eb('retiredIn', 'is', null), eb('retiredIn', '>', version)]))
        .orderBy('id')
        .execute();
      return { version, entries: rows.map(toEntry) };
    },
  };
}

function rowOf(entry: CatalogueEntry): Row {
  return {
    id: entry.id, scope: entry.scope, sector: entry.sector, productKind: entry.productKind, nameZh: entry.name.zh, nameEn: entry.name.en,
    list: entry.list, compatibleWith: entry.compatibleWith ?? null, addedIn: entry.addedIn, retiredIn: entry.retiredIn ?? null,
  };
}

export type CatalogueStore = ReturnType<typeof createCatalogueStore>;
