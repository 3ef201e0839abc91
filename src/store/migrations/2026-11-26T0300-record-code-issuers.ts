import type { Kysely } from 'kysely';

// Frozen: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
  // Who issued each issue of trace codes: only that enterprise (and the platform) may print its labels, since a
  // genuine code printed by another is a counterfeit's best disguise. Issues made before have no row: the platform's.
  await db.schema
    .createTable('code_issue')
    .addColumn('issue_id', 'text', (c) => c.primaryKey())
    .addColumn('issued_by', 'text')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
}
