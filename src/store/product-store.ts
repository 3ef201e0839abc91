import type { Db } from './db.js';

/** An enterprise's product, pointing at an entry of the product catalogue (重要产品目录). */
export interface Product {
  /** The GTIN-14 when the product has one, else `<owner USCC>/<code>`. */
  productId: string;
  party: string;
  code: string;
  name: string;
  gtin?: string;
  catalogueEntry: string;
  sector: string;
  registeredAt: string;
}

export function createProductStore(db: Db) {
  const toProduct = (row: { productId: string; party: string; code: string; name: string; gtin: string | null; catalogueEntry: string; sector: string; registeredAt: string }): Product => {
    const { gtin, ...rest } = row;
    return gtin ? { ...rest, gtin } : rest;
  };
  return {
    /** Registers a product; false when its id or the owner's code is taken. */
    async add(product: Product): Promise<boolean> {
      const taken = await db.selectFrom('product').select('productId')
        .where((eb) => eb.or([eb('productId', '=', product.productId), eb.and([eb('party', '=', product.party), eb('code', '=', product.code)])]))
        .executeTakeFirst();
      if (taken) return false;
      await db.insertInto('product').values({ ...product, gtin: product.gtin ?? null }).execute();
      return true;
    },

    async find(productId: string): Promise<Product | undefined> {
      const row = await db.selectFrom('product').selectAll().where('productId', '=', productId).executeTakeFirst();
      return row && toProduct(row);
    },

    async findByCode(party: string, code: string): Promise<Product | undefined> {
      const row = await db.selectFrom('product').selectAll().where('party', '=', party).where('code', '=', code).executeTakeFirst();
      return row && toProduct(row);
    },

    async listOf(party: string): Promise<Product[]> {
      return (await db.selectFrom('product').selectAll().where('party', '=', party).orderBy('code').execute()).map(toProduct);
    },
  };
}

export type ProductStore = ReturnType<typeof createProductStore>;
