import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
  // On SQLite `integer primary key` is the table's own key B-tree; a `bigint` key would be a second index.
  const key = db.getExecutor().adapter instanceof PostgresAdapter ? 'bigint' : 'integer';
  // seq is given by the writer as the head's seq + 1, not by a sequence: a gap in it means a deleted entry, never a
  // rolled-back transaction.
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', key, (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text')
    .addColumn('enterprise', 'text')
    .addColumn('address', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('event_first_seq', 'bigint')
    .addColumn('event_last_seq', 'bigint')
    .addColumn('event_count', 'integer')
    .addColumn('event_digest', 'text')
    .addColumn('declaration_first_seq', 'bigint')
    .addColumn('declaration_last_seq', 'bigint')
    .addColumn('declaration_count', 'integer')
    .addColumn('declaration_digest', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  // Verification walks the ledger in seq order beside the entries that cover it, in the order of their first row.
  await db.schema.createIndex('audit_log_event_first_seq').on('audit_log').columns(['event_first_seq', 'seq'])
    .where(sql.ref('event_first_seq'), 'is not', null).execute();
  await db.schema.createIndex('audit_log_declaration_first_seq').on('audit_log').columns(['declaration_first_seq', 'seq'])
    .where(sql.ref('declaration_first_seq'), 'is not', null).execute();
  await db.schema.createIndex('audit_log_subject').on('audit_log').column('subject').execute();
}
