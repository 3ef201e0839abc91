import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
  // An SQLite ledger keeps the scans of its public queries in a file of its own, attached as `scans` (see
  // createSqliteScanLog): a commit of scans then leaves the readers of the ledger's file alone. PostgreSQL, and an
  // in-memory database, keep them where they are.
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  const attached = await sql<{ name: string }>`select name from pragma_database_list where name = 'scans'`.execute(db);
  if (attached.rows.length === 0) return;
  await sql`create table if not exists scans.scan_log (seq integer primary key autoincrement, unit_key text not null, registered integer not null,
    scanned_at text not null, client_region text, client_class text not null)`.execute(db);
  // Without a rowid: a summary is found, and a fold rewrites it, in one B-tree instead of an index and then the table.
  await sql`create table if not exists scans.scan_summary (unit_key text primary key, registered integer not null, scan_count integer not null,
    first_at text not null, first_region text, last_at text not null, regions text not null) without rowid`.execute(db);
  // The log is counted in the summaries through this seq; the scans after it are counted when the log is next folded.
  await sql`create table if not exists scans.scan_fold (folded_through integer not null)`.execute(db);
  await sql`insert or ignore into scans.scan_log select * from main.scan_log`.execute(db);
  await sql`insert or ignore into scans.scan_summary select * from main.scan_summary`.execute(db);
  await sql`insert into scans.scan_fold (folded_through) select coalesce(max(seq), 0) from scans.scan_log where not exists (select 1 from scans.scan_fold)`.execute(db);
  await sql`drop table main.scan_log`.execute(db);
  await sql`drop table main.scan_summary`.execute(db);
}
