import pg from 'pg';
import { PostgresDialect, sql, type Transaction } from 'kysely';
import type { CodeWriter } from '../code-store.js';
import type { Database } from '../schema.js';

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

// Codes per INSERT: one JSON parameter whatever the count, so the bound is the size of a message, not 65,535 parameters.
const CODE_ROWS_PER_INSERT = 50_000;

/**
 * Trace codes on PostgreSQL: the codes as one JSON array, unpacked by the server, everything else bound once.
 * JSON.stringify is native; pg's escaping of a text[] parameter, element by element, took half the client's time.
 */
export const postgresCodeWriter: CodeWriter = {
  async insert(tx, issue, codes) {
    for (let start = 0; start < codes.length; start += CODE_ROWS_PER_INSERT) {
      const part = JSON.stringify(codes.slice(start, start + CODE_ROWS_PER_INSERT));
      await sql`insert into trace_code (code, unit_id, lot_id, product, issue_id, issued_at)
        select code, ${issue.unitIdPrefix}::text || code, ${issue.lotId ?? null}::text, ${issue.product ?? null}::text, ${issue.issueId}::text, ${issue.issuedAt}::text
        from json_array_elements_text(${part}::json) as part (code)`.execute(tx);
    }
  },
};

/**
 * Holds the audit chain for the rest of the transaction, so that appends from every connection and process line up
 * one after the other. Keyed by the schema too: chains in other schemas of the same server do not wait on each other.
 */
export async function lockAuditChainPostgres(tx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('zhuisu.audit_log'), hashtext(current_schema()))`.execute(tx);
}
