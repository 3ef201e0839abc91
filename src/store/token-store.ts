import { createHash } from 'node:crypto';
import type { Db } from './db.js';

export interface ApiToken {
  name: string;
  role: string;
}

/** API tokens, kept only as SHA-256 hashes: a leaked database does not leak a usable token. */
export function createTokenStore(db: Db, deps: { now: () => Date }) {
  return {
    async add(token: string, info: ApiToken): Promise<void> {
      await db
        .insertInto('apiToken')
        .values({ tokenHash: hashToken(token), name: info.name, role: info.role, createdAt: deps.now().toISOString(), revokedAt: null })
        .onConflict((oc) => oc.column('tokenHash').doNothing())
        .execute();
    },

    async find(token: string): Promise<ApiToken | undefined> {
      const row = await db.selectFrom('apiToken').select(['name', 'role']).where('tokenHash', '=', hashToken(token)).where('revokedAt', 'is', null).executeTakeFirst();
      return row;
    },

    async countActive(role: string): Promise<number> {
      const row = await db.selectFrom('apiToken').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', role).where('revokedAt', 'is', null).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

export type TokenStore = ReturnType<typeof createTokenStore>;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
