import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import SQLite from 'better-sqlite3';
import { createDb, dialectOf, migrateThrough, migrateToLatest } from '../../src/store/db.js';
import { scansFileOf } from '../../src/store/dialect/sqlite-scans.js';
import { createScanStore } from '../../src/store/scan-store.js';
import { createTestDb, testDialects } from '../support/test-db.js';

for (const dialect of testDialects()) {
  describe(`database set-up (${dialect})`, () => {
    it('migrates a new database to the latest schema', async () => {
      const db = await createTestDb(dialect);
      try {
        expect(dialectOf(db)).toBe(dialect);
        const { rows } = await sql<{ n: number }>`select count(*) as n from event`.execute(db);
        expect(Number(rows[0]?.n)).toBe(0);
      } finally {
        await db.destroy();
      }
    });
  });
}

describe('an SQLite ledger from before the scans had a file of their own', () => {
  it('moves its scan log and summaries into the scans file, counted as they were', async () => {
    const file = join(inject('scratchDir'), `${randomBytes(6).toString('hex')}.db`);
    const db = createDb({ sqliteFile: file });
    try {
      await migrateThrough(db, '2026-11-28T0100-count-rate-windows');
      const code = 'urn:zhuisu:code:460100FZCD40R20B9DWF';
      await sql`insert into main.scan_log (unit_key, registered, scanned_at, client_region, client_class) values
        (${code}, 1, '2026-11-23T08:00:00.000Z', '460100', 'mobile'), (${code}, 1, '2026-11-23T09:00:00.000Z', null, 'desktop')`.execute(db);
      await sql`insert into main.scan_summary (unit_key, registered, scan_count, first_at, first_region, last_at, regions) values
        (${code}, 1, 2, '2026-11-23T08:00:00.000Z', '460100', '2026-11-23T09:00:00.000Z', '460100')`.execute(db);
      await migrateToLatest(db);
      const { rows } = await sql<{ name: string }>`select name from main.sqlite_master where name like 'scan%'`.execute(db);
      expect(rows).toEqual([]);
      const scans = new SQLite(scansFileOf(file), { readonly: true });
      try {
        expect(scans.prepare('select seq, scanned_at, client_class from scan_log order by seq').raw().all())
          .toEqual([[1, '2026-11-23T08:00:00.000Z', 'mobile'], [2, '2026-11-23T09:00:00.000Z', 'desktop']]);
        expect(scans.prepare('select folded_through from scan_fold').pluck().all()).toEqual([2]);
      } finally {
        scans.close();
      }
      const store = createScanStore(db);
      expect((await store.record({ unitKey: code, registered: true, at: '2026-11-23T10:00:00.000Z', clientClass: 'mobile' })).before)
        .toEqual({ count: 2, firstAt: '2026-11-23T08:00:00.000Z', firstRegion: '460100', lastAt: '2026-11-23T09:00:00.000Z', regions: ['460100'] });
      await store.close();
    } finally {
      await db.destroy();
    }
  });
});
