import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
  // On SQLite the codes are stored in the B-tree of their primary key, without a rowid: the public query finds a code
  // in that one B-tree instead of in the key's index and then in the table, one random leaf page of a million codes'
  // instead of two. Each commit to the file makes a reader map its pages anew, and those pages are faulted in again.
  // PostgreSQL keeps its heap and primary-key index.
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  // In one transaction (Kysely runs an SQLite migration without one): a crash between the drop and the rename would
  // otherwise leave the codes under the new table's name only.
  await db.transaction().execute(async (tx) => {
    await sql`create table trace_code_by_code (code text primary key, unit_id text not null, lot_id text, product text, issue_id text not null,
      issued_at text not null) without rowid`.execute(tx);
    await sql`insert into trace_code_by_code (code, unit_id, lot_id, product, issue_id, issued_at)
      select code, unit_id, lot_id, product, issue_id, issued_at from trace_code order by code`.execute(tx);
    await sql`drop table trace_code`.execute(tx);
    await sql`alter table trace_code_by_code rename to trace_code`.execute(tx);
    await sql`create index trace_code_unit on trace_code (unit_id)`.execute(tx);
    await sql`create index trace_code_lot on trace_code (lot_id)`.execute(tx);
    await sql`create index trace_code_issue_code on trace_code (issue_id, code)`.execute(tx);
  });
}
