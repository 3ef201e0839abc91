import { sql, type Kysely } from 'kysely';

// Frozen: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_user')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('enterprise', 'text')
    .addColumn('region', 'text')
    .addColumn('sectors', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  await db.schema.createIndex('app_user_enterprise').on('app_user').column('enterprise').execute();

  // Sessions are kept by the hash of their cookie value, as tokens are: a copy of the database opens no session.
  await db.schema
    .createTable('user_session')
    .addColumn('session_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_session_user').on('user_session').column('user_id').execute();

  // Tokens get an id to be listed and revoked by (the secret is never stored), a scope and an expiry. The token of
  // the first start keeps working as a platform administrator's.
  await db.schema.alterTable('api_token').addColumn('token_id', 'text').execute();
  await db.schema.alterTable('api_token').addColumn('enterprise', 'text').execute();
  await db.schema.alterTable('api_token').addColumn('region', 'text').execute();
  await db.schema.alterTable('api_token').addColumn('sectors', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('api_token').addColumn('expires_at', 'text').execute();
  await db.schema.alterTable('api_token').addColumn('created_by', 'text').execute();
  await db.schema.alterTable('api_token').addColumn('bootstrap', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update api_token set token_id = substr(token_hash, 1, 16), role = 'platform_admin', bootstrap = 1 where role = 'admin'`.execute(db);
  await sql`update api_token set token_id = substr(token_hash, 1, 16) where token_id is null`.execute(db);
  await db.schema.createIndex('api_token_id').on('api_token').column('token_id').unique().execute();
}
