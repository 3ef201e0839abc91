import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // Byte order on PostgreSQL too, so that an EPC pattern is an index range scan (`epc >= head and epc < head + U+FFFF`).
  const idText = isPostgres ? sql`text collate "C"` : sql`text`;
  const serial = isPostgres ? sql`bigint generated always as identity primary key` : sql`integer primary key autoincrement`;
  // event_epc is read by its key prefix only; on SQLite the table is the key B-tree itself.
  const clustered = isPostgres ? sql`` : sql`without rowid`;

  await db.schema
    .createTable('event')
    .addColumn('seq', sql`${serial}`)
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_key', 'bigint', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('event_time', 'text', (c) => c.notNull())
    .addColumn('event_time_zone_offset', 'text', (c) => c.notNull())
    .addColumn('record_time', 'text', (c) => c.notNull())
    .addColumn('action', 'text')
    .addColumn('biz_step', 'text')
    .addColumn('disposition', 'text')
    .addColumn('read_point', 'text')
    .addColumn('biz_location', 'text')
    .addColumn('transformation_id', 'text')
    .addColumn('identifiers', 'text', (c) => c.notNull())
    .addColumn('parties', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('namespaces', 'text', (c) => c.notNull())
    .addColumn('capture_id', 'text', (c) => c.notNull())
    .execute();
  // PostgreSQL keeps eventIDs unique by constraint, as concurrent transactions need. On SQLite, where one writer at a
  // time checks before it inserts, a unique index on the 80-character ids cost a third of capture time; an index on a
  // 52-bit key derived from the id finds a stored event as well, and is a fraction of the size.
  if (isPostgres) await db.schema.createIndex('event_event_id').on('event').column('event_id').unique().execute();
  await db.schema.createIndex('event_event_key').on('event').column('event_key').execute();
  await db.schema.createIndex('event_event_time').on('event').column('event_time').execute();
  await db.schema.createIndex('event_record_time').on('event').column('record_time').execute();
  // No indexes on bizStep, readPoint or bizLocation: each cost about a fifth of capture throughput, and those filters
  // come with a time range or an EPC in practice, which the indexes above and event_epc narrow first.
  await db.schema.createIndex('event_transformation_id').on('event').column('transformation_id').where(sql.ref('transformation_id'), 'is not', null).execute();

  await db.schema
    .createTable('event_epc')
    .addColumn('epc', sql`${idText}`, (c) => c.notNull())
    .addColumn('event_time', 'text', (c) => c.notNull())
    .addColumn('event_seq', 'bigint', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('is_class', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'double precision')
    .addColumn('uom', 'text')
    .addPrimaryKeyConstraint('event_epc_pk', ['epc', 'event_time', 'event_seq', 'ordinal'])
    .modifyEnd(clustered)
    .execute();

  await db.schema
    .createTable('event_error_declaration')
    .addColumn('seq', sql`${serial}`)
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('declaration_time', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('record_time', 'text', (c) => c.notNull())
    .addColumn('capture_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_error_declaration_event').on('event_error_declaration').column('event_id').execute();

  await db.schema
    .createTable('capture_job')
    .addColumn('capture_id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('stored_count', 'integer', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('trace_code')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('lot_id', 'text')
    .addColumn('product', 'text')
    .addColumn('issue_id', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trace_code_unit').on('trace_code').column('unit_id').execute();
  await db.schema.createIndex('trace_code_lot').on('trace_code').column('lot_id').execute();
  await db.schema.createIndex('trace_code_issue').on('trace_code').column('issue_id').execute();

  await db.schema
    .createTable('api_token')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
}
