import type { Kysely } from 'kysely';

// Frozen: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
  // Limits on logins and public reports, counted in the database so that every process serving it counts together.
  // The key is a hash: no username or client address is kept.
  await db.schema
    .createTable('rate_window')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_window_by_end').on('rate_window').column('ends_at').execute();
  // The public query names the enterprise at an event's place when the event names none (plain EPCIS from a
  // partner's system): its main site is on the party row.
  await db.schema.createIndex('party_by_site').on('party').column('site').execute();
}
