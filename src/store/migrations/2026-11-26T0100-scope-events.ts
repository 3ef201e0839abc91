import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // Whom each event concerns (domain/access/event-scope.ts), so that what a principal may see is a WHERE clause.
  await db.schema.alterTable('event').addColumn('recorder', 'text').execute();
  await db.schema.alterTable('event').addColumn('region', 'text').execute();
  await db.schema.alterTable('event').addColumn('sector', 'text').execute();
  // An enterprise reads the events that name it: a range of this key. One writer appends one party's events in seq
  // order, so the rows of an import land at the end of its range; on SQLite the table is the key B-tree itself.
  await db.schema
    .createTable('event_party')
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('event_seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_party_pk', ['party', 'event_seq'])
    .modifyEnd(isPostgres ? sql`` : sql`without rowid`)
    .execute();
  // The enterprise that sent a capture, which alone may read its job (and errors) besides the platform.
  await db.schema.alterTable('capture_job').addColumn('captured_by', 'text').execute();

  // Events stored before: a sector record's own fields say who recorded it, where and in which sector; the source and
  // destination lists name the rest. Events captured without them stay visible to the platform administrator.
  if (isPostgres) {
    await sql`update event set recorder = body::jsonb ->> 'zhuisu:party', region = body::jsonb ->> 'zhuisu:region', sector = body::jsonb ->> 'zhuisu:sector'`.execute(db);
    await sql`insert into event_party (party, event_seq)
      select distinct party, seq from (
        select recorder as party, seq from event
        union all select body::jsonb ->> 'zhuisu:counterpart', seq from event
        union all select substr(p.value ->> 2, 18), e.seq from event e, jsonb_array_elements(e.parties::jsonb) p
          where p.value ->> 1 <> 'location' and p.value ->> 2 like 'urn:zhuisu:party:%'
      ) named where party is not null and party <> ''`.execute(db);
  } else {
    await sql`update event set recorder = json_extract(body, '$."zhuisu:party"'), region = json_extract(body, '$."zhuisu:region"'),
      sector = json_extract(body, '$."zhuisu:sector"')`.execute(db);
    await sql`insert or ignore into event_party (party, event_seq)
      select party, seq from (
        select recorder as party, seq from event
        union all select json_extract(body, '$."zhuisu:counterpart"'), seq from event
        union all select substr(json_extract(p.value, '$[2]'), 18), e.seq from event e, json_each(e.parties) p
          where json_extract(p.value, '$[1]') <> 'location' and json_extract(p.value, '$[2]') like 'urn:zhuisu:party:%'
      ) where party is not null and party <> ''`.execute(db);
  }
}
