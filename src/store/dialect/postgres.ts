import pg from 'pg';
import { PostgresDialect, sql } from 'kysely';
import type { CodeWriter } from '../code-store.js';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** The production database. `searchPath` lets tests give each database its own schema on one server. */
export function createPostgresDialect(connectionString: string, opts: { searchPath?: string; max?: number } = {}): PostgresDialect {
  const pool = new pg.Pool({
    connectionString,
    max: opts.max ?? 10,
    ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath}` } : {}),
    types: {
      // Sequence numbers stay far below 2^53, so they are safe as JS numbers; pg would return strings.
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID || oid === NUMERIC_OID ? Number : pg.types.getTypeParser(oid, format ?? 'text'),
    },
  });
  return new PostgresDialect({ pool });
}

// Codes per INSERT: two array parameters whatever the count, so the bound is the size of a message, not 65,535 parameters.
const CODE_ROWS_PER_INSERT = 50_000;

/** Trace codes on PostgreSQL: codes and unit ids as two arrays, unnested by the server, the shared columns bound once. */
export const postgresCodeWriter: CodeWriter = {
  async insert(tx, issue, units) {
    for (let start = 0; start < units.length; start += CODE_ROWS_PER_INSERT) {
      const part = units.slice(start, start + CODE_ROWS_PER_INSERT);
      await sql`insert into trace_code (code, unit_id, lot_id, product, issue_id, issued_at)
        select code, unit_id, ${issue.lotId ?? null}::text, ${issue.product ?? null}::text, ${issue.issueId}::text, ${issue.issuedAt}::text
        from unnest(${part.map((u) => u.code)}::text[], ${part.map((u) => u.unitId)}::text[]) as part (code, unit_id)`.execute(tx);
    }
  },
};
