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
}
