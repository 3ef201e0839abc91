import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { sameDbOptions, type Db } from '../../src/store/db.js';
import { createScanStore, type Scan } from '../../src/store/scan-store.js';
import { createTestDb, testDialects } from '../support/test-db.js';

const CODE = 'urn:zhuisu:code:460100FZCD40R20B9DWF';
const OTHER = 'urn:zhuisu:code:460100AAAA00000000AA';
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
      it('keeps a batch pending while another connection holds the write lock, counted all along, and writes it once the lock is free', async () => {
        const other = new SQLite(sameDbOptions(db).sqliteFile ?? '');
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
