import type { Kysely } from 'kysely';

// Frozen: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('party')
    .addColumn('uscc', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('sectors', 'text', (c) => c.notNull())
    .addColumn('check_overridden', 'integer', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('catalogue_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('product_kind', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('compatible_with', 'text')
    .addColumn('added_in', 'integer', (c) => c.notNull())
    .addColumn('retired_in', 'integer')
    .execute();
  await db.schema
    .createTable('catalogue_version')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('product')
    .addColumn('product_id', 'text', (c) => c.primaryKey())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gtin', 'text')
    .addColumn('catalogue_entry', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('product_party').on('product').columns(['party', 'code']).unique().execute();

  // One row per sector record, beside its event: what the sector rules sum and the enterprise lists.
  await db.schema
    .createTable('sector_record')
    .addColumn('record_id', 'text', (c) => c.primaryKey())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('profile_version', 'integer', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('counterpart', 'text')
    .addColumn('product_id', 'text')
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('event_time', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision')
    .addColumn('uom', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sector_record_party').on('sector_record').columns(['party', 'stage', 'event_time']).execute();
  await db.schema.createIndex('sector_record_product').on('sector_record').columns(['product_id', 'party']).execute();

  // A unit that may go through a stage once (a drug code sold) claims it; the key refuses a second claim even from a
  // concurrent transaction.
  await db.schema
    .createTable('unit_claim')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('claim', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_claim_pk', ['unit_id', 'claim'])
    .execute();

  await db.schema
    .createTable('quota')
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision', (c) => c.notNull())
    .addColumn('uom', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quota_pk', ['party', 'reference'])
    .execute();

  await db.schema
    .createTable('alert')
    .addColumn('alert_id', 'text', (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('party', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('record_id', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_raised').on('alert').column('raised_at').execute();
  await db.schema.createIndex('alert_rule_unit').on('alert').columns(['rule', 'unit_id']).execute();

  // Profile versions registered as data beside the built-in ones.
  await db.schema
    .createTable('sector_profile')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sector_profile_pk', ['id', 'version'])
    .execute();
}
