import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { createDb, sameDbOptions, type Db } from '../../src/store/db.js';
import { SCAN_SNAPSHOT_MS, scansFileOf } from '../../src/store/dialect/sqlite-scans.js';
import { createScanStore, type Scan, type ScanStore } from '../../src/store/scan-store.js';
import { createTestDb, testDialects } from '../support/test-db.js';

const CODE = 'urn:zhuisu:code:460100FZCD40R20B9DWF';
const OTHER = 'urn:zhuisu:code:460100AAAA00000000AA';
// Past the snapshot that reads of scans on SQLite share: they see other connections' commits in the next one.
const later = () => new Promise((resolve) => setTimeout(resolve, SCAN_SNAPSHOT_MS + 10));
const scan = (at: string, clientRegion?: string, unitKey = CODE): Scan => ({ unitKey, registered: true, at, clientClass: 'mobile', ...(clientRegion ? { clientRegion } : {}) });

for (const dialect of testDialects()) {
  describe(`scan store (${dialect})`, () => {
    let db: Db;
    beforeEach(async () => {
      db = await createTestDb(dialect);
    });
    afterEach(() => db.destroy());

    it('counts each query of a code and keeps when and where it was first queried, before and after the log is written', async () => {
      const scans = createScanStore(db);
      expect((await scans.record(scan('2026-11-23T08:00:00.000Z', '460100'))).after).toEqual({ count: 1, firstAt: '2026-11-23T08:00:00.000Z', firstRegion: '460100', lastAt: '2026-11-23T08:00:00.000Z', regions: ['460100'] });
      await scans.flush();
      expect((await scans.record(scan('2026-11-23T09:00:00.000Z', '110100'))).after).toEqual({ count: 2, firstAt: '2026-11-23T08:00:00.000Z', firstRegion: '460100', lastAt: '2026-11-23T09:00:00.000Z', regions: ['460100', '110100'] });
      await scans.close();
      expect(await createScanStore(db).summaryOf(CODE)).toEqual({ count: 2, firstAt: '2026-11-23T08:00:00.000Z', firstRegion: '460100', lastAt: '2026-11-23T09:00:00.000Z', regions: ['460100', '110100'] });
      expect(await createScanStore(db).summaryOf(OTHER)).toBeUndefined();
    });

    it('keeps the regions a code was queried from when a new query gives another', async () => {
      const first = createScanStore(db);
      await first.record(scan('2026-11-23T08:00:00.000Z', '460100'));
      await first.close();
      const scans = createScanStore(db);
      await scans.record(scan('2026-11-23T09:00:00.000Z', '110100'));
      await scans.record(scan('2026-11-23T09:00:01.000Z', undefined, OTHER));
      await scans.close();
      expect((await createScanStore(db).summaryOf(CODE))?.regions).toEqual(['460100', '110100']);
    });

    it('leaves the stored regions alone when a query gives none', async () => {
      const first = createScanStore(db);
      await first.record(scan('2026-11-23T08:00:00.000Z', '460100'));
      await first.close();
      const scans = createScanStore(db);
      await scans.record(scan('2026-11-23T09:00:00.000Z'));
      await scans.record(scan('2026-11-23T09:00:01.000Z', undefined, OTHER));
      await scans.close();
      expect(await createScanStore(db).summaryOf(CODE)).toEqual({ count: 2, firstAt: '2026-11-23T08:00:00.000Z', firstRegion: '460100', lastAt: '2026-11-23T09:00:00.000Z', regions: ['460100'] });
    });

    it('counts the queries another server wrote since this one last read the code', async () => {
      const here = createScanStore(db);
      const there = createScanStore(db);
      expect((await here.record(scan('2026-11-23T08:00:00.000Z', '460100'))).after.count).toBe(1);
      await here.flush();
      expect((await there.record(scan('2026-11-23T08:01:00.000Z'))).before?.count).toBe(1);
      await there.flush();
      expect((await here.record(scan('2026-11-23T08:02:00.000Z'))).after).toEqual({ count: 3, firstAt: '2026-11-23T08:00:00.000Z', firstRegion: '460100', lastAt: '2026-11-23T08:02:00.000Z', regions: ['460100'] });
      await here.close();
      await there.close();
    });

    if (dialect === 'sqlite') {
      const ledgerFile = () => sameDbOptions(db).sqliteFile ?? '';
      const storedInScansFile = (query: string, ...params: unknown[]) => {
        const scans = new SQLite(scansFileOf(ledgerFile()), { readonly: true });
        try {
          return scans.prepare(query).raw().all(...params);
        } finally {
          scans.close();
        }
      };

      /** `test` with a scan store here and one in another process's connections to the same files. */
      const withAnotherProcess = async (test: (here: ScanStore, there: ScanStore) => Promise<void>) => {
        const elsewhere = createDb({ sqliteFile: ledgerFile() });
        try {
          await test(createScanStore(db), createScanStore(elsewhere));
        } finally {
          await elsewhere.destroy();
        }
      };

      it('keeps the scans in a file of their own beside the ledger', async () => {
        const scans = createScanStore(db);
        await scans.record(scan('2026-11-23T08:00:00.000Z', '460100'));
        await scans.close();
        const ledger = new SQLite(ledgerFile(), { readonly: true });
        try {
          expect(ledger.prepare("select name from sqlite_master where name like 'scan%'").pluck().all()).toEqual([]);
        } finally {
          ledger.close();
        }
        expect(storedInScansFile("select name from sqlite_master where type = 'table' and name like 'scan%' order by name")).toEqual([['scan_fold'], ['scan_log'], ['scan_summary']]);
        expect(storedInScansFile('select unit_key, scan_count from scan_summary')).toEqual([[CODE, 1]]);
      });

      it('appends each batch to the log alone, and counts the log in the stored summaries when it is folded', async () => {
        const scans = createScanStore(db);
        await scans.record(scan('2026-11-23T08:00:00.000Z', '460100'));
        await scans.record(scan('2026-11-23T08:01:00.000Z', '110100'));
        await scans.flush();
        expect(storedInScansFile('select seq, unit_key, client_region from scan_log order by seq')).toEqual([[1, CODE, '460100'], [2, CODE, '110100']]);
        expect(storedInScansFile('select * from scan_summary')).toEqual([]);
        expect(await scans.summaryOf(CODE)).toEqual({ count: 2, firstAt: '2026-11-23T08:00:00.000Z', firstRegion: '460100', lastAt: '2026-11-23T08:01:00.000Z', regions: ['460100', '110100'] });
        await scans.fold();
        expect(storedInScansFile('select unit_key, registered, scan_count, first_at, first_region, last_at, regions from scan_summary'))
          .toEqual([[CODE, 1, 2, '2026-11-23T08:00:00.000Z', '460100', '2026-11-23T08:01:00.000Z', '460100,110100']]);
        expect(storedInScansFile('select folded_through from scan_fold')).toEqual([[2]]);
        expect(await scans.summaryOf(CODE)).toEqual({ count: 2, firstAt: '2026-11-23T08:00:00.000Z', firstRegion: '460100', lastAt: '2026-11-23T08:01:00.000Z', regions: ['460100', '110100'] });
        await scans.record(scan('2026-11-23T08:02:00.000Z', '120100'));
        await scans.fold();
        expect(storedInScansFile('select scan_count, regions from scan_summary')).toEqual([[3, '460100,110100,120100']]);
        await scans.close();
      });

      it('counts each query once when another process folds the log, before and after', () => withAnotherProcess(async (here, there) => {
        await here.record(scan('2026-11-23T08:00:00.000Z', '460100'));
        await here.record(scan('2026-11-23T08:01:00.000Z'));
        await here.flush();
        await later();
        expect((await there.record(scan('2026-11-23T08:02:00.000Z', '110100'))).before?.count).toBe(2);
        await there.fold();
        expect(storedInScansFile('select scan_count from scan_summary')).toEqual([[3]]);
        await later();
        expect(await here.summaryOf(CODE)).toEqual({ count: 3, firstAt: '2026-11-23T08:00:00.000Z', firstRegion: '460100', lastAt: '2026-11-23T08:02:00.000Z', regions: ['460100', '110100'] });
        await here.record(scan('2026-11-23T08:03:00.000Z'));
        await here.flush();
        await later();
        expect((await there.summaryOf(CODE))?.count).toBe(4);
        await here.fold();
        await later();
        expect((await there.summaryOf(CODE))?.count).toBe(4);
        expect((await here.summaryOf(CODE))?.count).toBe(4);
        await here.close();
        await there.close();
      }));

      it('keeps a batch waiting while another process folds the log in slices, and counts each query once', () => withAnotherProcess(async (here, there) => {
        // Enough codes that the fold lets the event loop turn while it holds the write lock.
        for (let i = 0; i < 2_500; i++) await there.record(scan('2026-11-23T08:00:00.000Z', undefined, `urn:zhuisu:code:bulk-${String(i)}`));
        await there.flush();
        const folded = there.fold();
        // One turn of the event loop: the fold has written a slice of its summaries and holds the write lock.
        await new Promise((resolve) => setImmediate(resolve));
        expect(storedInScansFile('select count(*) from scan_summary')).toEqual([[0]]);
        expect((await here.record(scan('2026-11-23T08:05:00.000Z'))).after.count).toBe(1);
        const flushed = here.flush();
        await folded;
        await flushed;
        await later();
        expect((await here.summaryOf('urn:zhuisu:code:bulk-0'))?.count).toBe(1);
        expect((await there.summaryOf(CODE))?.count).toBe(1);
        await here.record(scan('2026-11-23T08:06:00.000Z'));
        await here.close();
        await there.close();
        expect(storedInScansFile('select count(*), sum(scan_count) from scan_summary')).toEqual([[2_501, 2_502]]);
        expect(storedInScansFile('select folded_through from scan_fold')).toEqual([[2_502]]);
      }));

      it('keeps a batch pending while another connection holds the write lock of the scans, counted all along, and writes it once the lock is free', async () => {
        const other = new SQLite(scansFileOf(ledgerFile()));
        other.exec('BEGIN IMMEDIATE');
        const scans = createScanStore(db);
        await scans.record(scan('2026-11-23T08:00:00.000Z', '460100'));
        let stored = false;
        const flushed = scans.flush().then(() => {
          stored = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(stored).toBe(false);
        expect((await scans.record(scan('2026-11-23T08:01:00.000Z'))).after.count).toBe(2);
        other.exec('COMMIT');
        other.close();
        await flushed;
        expect(stored).toBe(true);
        await scans.close();
        expect((await createScanStore(db).summaryOf(CODE))?.count).toBe(2);
      });
    }
  });
}
