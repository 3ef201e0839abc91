import type { Kysely } from 'kysely';

// Frozen: write a new migration instead of editing this one.
// An issue's codes are read in code order, a page at a time (label files); with the issue id alone every page of a
// million-code issue sorted the whole issue.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('trace_code_issue_code').on('trace_code').columns(['issue_id', 'code']).execute();
  await db.schema.dropIndex('trace_code_issue').execute();
}
