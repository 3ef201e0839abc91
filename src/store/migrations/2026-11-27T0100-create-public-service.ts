import type { Kysely } from 'kysely';

// Frozen: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
  // Every public query of a code: when, the coarse region the client gave and the kind of client; nothing personal.
  await db.schema
    .createTable('scan_log')
    .addColumn('scan_id', 'text', (c) => c.primaryKey())
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('registered', 'integer', (c) => c.notNull())
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .addColumn('client_region', 'text')
    .addColumn('client_class', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scan_log_by_unit').on('scan_log').columns(['unit_key', 'scanned_at']).execute();
  // One row per code ever queried, so that a page says "queried N times, first on …" without counting the log.
  await db.schema
    .createTable('scan_summary')
    .addColumn('unit_key', 'text', (c) => c.primaryKey())
    .addColumn('registered', 'integer', (c) => c.notNull())
    .addColumn('scan_count', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('first_region', 'text')
    .addColumn('last_at', 'text', (c) => c.notNull())
    // The distinct client regions it was queried from, comma-separated, the first few only: enough to tell one
    // consumer from a copied code queried across the country.
    .addColumn('regions', 'text', (c) => c.notNull())
    .execute();

  // 投诉举报: kept against the code and the enterprise responsible, found again by its tracking number.
  await db.schema
    .createTable('consumer_report')
    .addColumn('tracking_number', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('party', 'text')
    .addColumn('region', 'text')
    .addColumn('sector', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('photo_type', 'text')
    .addColumn('photo', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consumer_report_by_party').on('consumer_report').columns(['party', 'created_at']).execute();

  // What regulators publish: recalls (召回), consumer alerts (消费提示) and the quality blacklist (质量失信黑名单).
  await db.schema
    .createTable('recall')
    .addColumn('recall_id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text')
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('region', 'text')
    .addColumn('sector', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('recall_by_unit').on('recall').column('unit_id').execute();
  await db.schema
    .createTable('consumer_alert')
    .addColumn('alert_id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('sector', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema
    .createTable('blacklist_entry')
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('listed_at', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('until', 'text')
    .addColumn('removed_at', 'text')
    .addPrimaryKeyConstraint('blacklist_entry_pk', ['uscc', 'listed_at'])
    .execute();

  // An enterprise's places beyond its registered main site: farms, warehouses, shops.
  await db.schema
    .createTable('party_site')
    .addColumn('site', 'text', (c) => c.primaryKey())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('party_site_by_party').on('party_site').column('party').execute();
}
