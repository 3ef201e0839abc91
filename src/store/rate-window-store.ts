import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './db.js';

/** A window of a rate limit as it stands: hits counted since it started, and when it ends. */
export interface RateWindow {
  hits: number;
  endsAt: Date;
  /** Milliseconds from now until it ends. */
  msLeft: number;
}

// Expired windows are deleted at most this often by each process; a window past its end counts for nothing anyway.
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Fixed-window counters in the database (failed logins, public reports): every process and machine serving one
 * database counts together, and a restart forgets nothing. Keys are stored hashed, so the table keeps no username or
 * client address.
 */
export function createRateWindowStore(db: Db, deps: { now: () => Date }) {
  let pruneAfter = 0;
  const keyOf = (key: string) => createHash('sha256').update(key).digest('base64url');

  async function pruneNow(now: Date): Promise<void> {
    if (now.getTime() < pruneAfter) return;
    pruneAfter = now.getTime() + PRUNE_EVERY_MS;
    await db.deleteFrom('rateWindow').where('endsAt', '<=', now.toISOString()).execute();
  }

  return {
    /** Counts one hit: in the key's window while it lasts, else in a new window of `windowMs` from now. */
    async hit(key: string, windowMs: number): Promise<RateWindow> {
      const now = deps.now();
      await pruneNow(now);
      const startedAt = now.toISOString();
      const endsAt = new Date(now.getTime() + windowMs).toISOString();
      // One statement, so that two processes counting the same key at once both count.
      const fresh = sql<boolean>`rate_window.ends_at <= excluded.started_at`;
      const row = await db.insertInto('rateWindow').values({ key: keyOf(key), hits: 1, startedAt, endsAt })
        .onConflict((oc) => oc.column('key').doUpdateSet({
          hits: sql`case when ${fresh} then 1 else rate_window.hits + 1 end`,
          startedAt: sql`case when ${fresh} then excluded.started_at else rate_window.started_at end`,
          endsAt: sql`case when ${fresh} then excluded.ends_at else rate_window.ends_at end`,
        }))
        .returning(['hits', 'endsAt']).executeTakeFirstOrThrow();
      return windowOf(row, now);
    },

    /** The key's window if it has not ended, without counting. */
    async peek(key: string): Promise<RateWindow | undefined> {
      const now = deps.now();
      const row = await db.selectFrom('rateWindow').select(['hits', 'endsAt'])
        .where('key', '=', keyOf(key)).where('endsAt', '>', now.toISOString()).executeTakeFirst();
      return row && windowOf(row, now);
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom('rateWindow').where('key', '=', keyOf(key)).execute();
    },
  };
}

export type RateWindowStore = ReturnType<typeof createRateWindowStore>;

function windowOf(row: { hits: number | string; endsAt: string }, now: Date): RateWindow {
  const endsAt = new Date(row.endsAt);
  return { hits: Number(row.hits), endsAt, msLeft: Math.max(0, endsAt.getTime() - now.getTime()) };
}
