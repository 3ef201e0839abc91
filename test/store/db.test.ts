import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import SQLite from 'better-sqlite3';
import { createDb, dialectOf, migrateThrough, migrateToLatest } from '../../src/store/db.js';
import { scansFileOf } from '../../src/store/dialect/sqlite-scans.js';
import { createCodeStore } from '../../src/store/code-store.js';
import { createScanStore } from '../../src/store/scan-store.js';
import { createTestDb, scratchSqliteFile, testDialects } from '../support/test-db.js';

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
    const file = scratchSqliteFile();
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

describe('an SQLite ledger from before its codes were kept in code order', () => {
  it('keeps every code, found by its code and listed by its issue, in a table without a rowid', async () => {
    const db = createDb({ sqliteFile: scratchSqliteFile() });
    try {
      await migrateThrough(db, '2026-11-29T0100-keep-scans-apart');
      const codes = createCodeStore(db);
      const issue = { issueId: 'issue-1', issuedAt: '2026-11-23T08:00:00.000Z', lotId: 'urn:epc:class:lgtin:6901234.500012.L1', product: '海南芒果', unitIdPrefix: 'urn:zhuisu:code:' };
      await codes.addIssue(issue, ['460100B0000000000002', '460100A0000000000001']);
      await migrateToLatest(db);
      const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where name = 'trace_code'`.execute(db);
      expect(rows[0]?.sql).toMatch(/without rowid$/);
      expect(await codes.find('460100A0000000000001')).toEqual({ code: '460100A0000000000001', unitId: 'urn:zhuisu:code:460100A0000000000001', lotId: issue.lotId, product: '海南芒果', issueId: 'issue-1', issuedAt: issue.issuedAt });
      expect((await codes.listByIssue('issue-1', { limit: 10 })).map((c) => c.code)).toEqual(['460100A0000000000001', '460100B0000000000002']);
      const indexes = await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'trace_code' order by name`.execute(db);
      expect(indexes.rows.map((r) => r.name)).toEqual(['trace_code_issue_code', 'trace_code_lot', 'trace_code_unit']);
      await expect(codes.addIssue({ ...issue, issueId: 'issue-2' }, ['460100A0000000000001'])).rejects.toThrow();
    } finally {
      await db.destroy();
    }
  });
});
