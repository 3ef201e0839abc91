import type { Scope } from '../domain/access/principal.js';
import { isRole } from '../domain/access/roles.js';
import type { Db } from './db.js';
import type { AppUserTable } from './schema.js';

/** A person who signs in, as listed: never the password hash. */
export interface User extends Scope {
  userId: string;
  username: string;
  displayName: string;
  createdAt: string;
  createdBy: string;
  passwordChangedAt: string;
  disabledAt?: string;
}

export interface NewUser extends Scope {
  userId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  createdBy: string;
}

function toUser(row: AppUserTable): User {
  if (!isRole(row.role)) throw new Error(`app_user ${row.userId} has an unknown role ${row.role}`);
  return {
    userId: row.userId, username: row.username, displayName: row.displayName, role: row.role, sectors: JSON.parse(row.sectors) as string[],
    createdAt: row.createdAt, createdBy: row.createdBy, passwordChangedAt: row.passwordChangedAt,
    ...(row.enterprise ? { enterprise: row.enterprise } : {}),
    ...(row.region ? { region: row.region } : {}),
    ...(row.disabledAt ? { disabledAt: row.disabledAt } : {}),
  };
}

export function createUserStore(db: Db, deps: { now: () => Date }) {
  return {
    /** Adds a user; false when the username is taken. */
    async add(user: NewUser): Promise<boolean> {
      const at = deps.now().toISOString();
      const result = await db
        .insertInto('appUser')
        .values({
          userId: user.userId, username: user.username, displayName: user.displayName, passwordHash: user.passwordHash, role: user.role,
          enterprise: user.enterprise ?? null, region: user.region ?? null, sectors: JSON.stringify(user.sectors), createdAt: at, createdBy: user.createdBy,
          passwordChangedAt: at, disabledAt: null,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async find(userId: string): Promise<User | undefined> {
      const row = await db.selectFrom('appUser').selectAll().where('userId', '=', userId).executeTakeFirst();
      return row ? toUser(row) : undefined;
    },

    /** A user, by username or id, and the password hash to check a password against. */
    async findWithPassword(key: { username: string } | { userId: string }): Promise<{ user: User; passwordHash: string } | undefined> {
      const query = db.selectFrom('appUser').selectAll();
      const row = await ('username' in key ? query.where('username', '=', key.username) : query.where('userId', '=', key.userId)).executeTakeFirst();
      return row ? { user: toUser(row), passwordHash: row.passwordHash } : undefined;
    },

    /** Users by username: all of them, or one enterprise's. */
    async list(opts: { enterprise?: string } = {}): Promise<User[]> {
      let query = db.selectFrom('appUser').selectAll();
      if (opts.enterprise !== undefined) query = query.where('enterprise', '=', opts.enterprise);
      return (await query.orderBy('username').execute()).map(toUser);
    },

    async setPassword(userId: string, passwordHash: string): Promise<void> {
      await db.updateTable('appUser').set({ passwordHash, passwordChangedAt: deps.now().toISOString() }).where('userId', '=', userId).execute();
    },

    /** Disables a user; false when there is no such active user. */
    async disable(userId: string): Promise<boolean> {
      const result = await db.updateTable('appUser').set({ disabledAt: deps.now().toISOString() }).where('userId', '=', userId).where('disabledAt', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async countActive(role: string): Promise<number> {
      const row = await db.selectFrom('appUser').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', role).where('disabledAt', 'is', null).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
