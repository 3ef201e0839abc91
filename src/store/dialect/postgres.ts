import pg from 'pg';
import { PostgresDialect } from 'kysely';

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
