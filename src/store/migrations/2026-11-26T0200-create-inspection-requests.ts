import type { Kysely } from 'kysely';

// Frozen: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
  // An inspection body attaches results only to units it was asked to inspect (capture/inspections).
  await db.schema
    .createTable('inspection_request')
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('inspector', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_for', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('record_id', 'text')
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('inspection_request_inspector').on('inspection_request').columns(['inspector', 'requested_at']).execute();
  await db.schema.createIndex('inspection_request_requested_for').on('inspection_request').columns(['requested_for', 'requested_at']).execute();
}
