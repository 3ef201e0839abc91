import type { Db } from './db.js';
import { hashSecret } from './token-store.js';

export interface Session {
  userId: string;
  createdAt: string;
  expiresAt: string;
  address: string;
}

/** Web sessions, kept by the hash of their cookie value. */
export function createSessionStore(db: Db, deps: { now: () => Date }) {
  return {
    async add(secret: string, session: Session): Promise<void> {
      await db.insertInto('userSession').values({ sessionHash: hashSecret(secret), ...session }).execute();
    },

    /** The session a cookie value opens, unless it has expired. */
    async find(secret: string): Promise<Session | undefined> {
      const row = await db.selectFrom('userSession').select(['userId', 'createdAt', 'expiresAt', 'address'])
        .where('sessionHash', '=', hashSecret(secret)).where('expiresAt', '>', deps.now().toISOString()).executeTakeFirst();
      return row;
    },

    async remove(secret: string): Promise<void> {
      await db.deleteFrom('userSession').where('sessionHash', '=', hashSecret(secret)).execute();
    },

    /** Ends every session of a user (disabled, or a new password). */
    async removeForUser(userId: string): Promise<void> {
      await db.deleteFrom('userSession').where('userId', '=', userId).execute();
    },

    async removeExpired(): Promise<void> {
      await db.deleteFrom('userSession').where('expiresAt', '<=', deps.now().toISOString()).execute();
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
