import type { Db } from './db.js';

/** A trace code the platform issued, and the unit it stands for. */
export interface IssuedCode {
  code: string;
  unitId: string;
  lotId?: string;
  product?: string;
  issueId: string;
  issuedAt: string;
}

const ROWS_PER_INSERT = 2000;

export function createCodeStore(db: Db) {
  return {
    /** Stores a whole issue at once; a collision with an existing code fails the issue rather than reusing it. */
    async addAll(codes: IssuedCode[]): Promise<void> {
      await db.transaction().execute(async (tx) => {
        for (let i = 0; i < codes.length; i += ROWS_PER_INSERT) {
          await tx
            .insertInto('traceCode')
            .values(codes.slice(i, i + ROWS_PER_INSERT).map((c) => ({ code: c.code, unitId: c.unitId, lotId: c.lotId ?? null, product: c.product ?? null, issueId: c.issueId, issuedAt: c.issuedAt })))
            .execute();
        }
      });
    },

    async find(code: string): Promise<IssuedCode | undefined> {
      const row = await db.selectFrom('traceCode').selectAll().where('code', '=', code).executeTakeFirst();
      if (!row) return undefined;
      const found: IssuedCode = { code: row.code, unitId: row.unitId, issueId: row.issueId, issuedAt: row.issuedAt };
      if (row.lotId) found.lotId = row.lotId;
      if (row.product) found.product = row.product;
      return found;
    },
  };
}

export type CodeStore = ReturnType<typeof createCodeStore>;
