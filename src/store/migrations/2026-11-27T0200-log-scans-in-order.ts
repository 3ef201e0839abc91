import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const serial = isPostgres ? sql`bigint generated always as identity primary key` : sql`integer primary key autoincrement`;
  // The scan log was keyed by a random UUID and indexed by code: two inserts at random places in two B-trees for
  // every public query, which cost more than answering it. Keyed by a sequence, a scan is appended at the end; the
  // questions asked of one code (how often, since when, from where) are answered by scan_summary.
  await db.schema
    .createTable('scan_log_in_order')
    .addColumn('seq', sql`${serial}`)
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('registered', 'integer', (c) => c.notNull())
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .addColumn('client_region', 'text')
    .addColumn('client_class', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into scan_log_in_order (unit_key, registered, scanned_at, client_region, client_class)
    select unit_key, registered, scanned_at, client_region, client_class from scan_log order by scanned_at, scan_id`.execute(db);
  await db.schema.dropTable('scan_log').execute();
  await db.schema.alterTable('scan_log_in_order').renameTo('scan_log').execute();
}
