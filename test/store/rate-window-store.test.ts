import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { createRateWindowStore } from '../../src/store/rate-window-store.js';
import { createTestDb, testDialects } from '../support/test-db.js';

for (const dialect of testDialects()) {
  describe(`rate windows (${dialect})`, () => {
    let db: Db;
    let now: number;
    beforeEach(async () => {
      db = await createTestDb(dialect);
      now = Date.UTC(2026, 10, 23, 8, 0, 0);
    });
    afterEach(() => db.destroy());
    const storeOn = () => createRateWindowStore(db, { now: () => new Date(now) });

    it('counts hits in a window from the first hit, and starts a new window once it has ended', async () => {
      const windows = storeOn();
      expect(await windows.hit('report:10.0.0.1', 60_000)).toEqual({ hits: 1, endsAt: new Date(now + 60_000), msLeft: 60_000 });
      now += 20_000;
      expect(await windows.hit('report:10.0.0.1', 60_000)).toEqual({ hits: 2, endsAt: new Date(now + 40_000), msLeft: 40_000 });
      expect(await windows.peek('report:10.0.0.1')).toEqual({ hits: 2, endsAt: new Date(now + 40_000), msLeft: 40_000 });
      expect(await windows.peek('report:10.0.0.2')).toBeUndefined();
      now += 40_000;
      expect(await windows.peek('report:10.0.0.1')).toBeUndefined();
      expect(await windows.hit('report:10.0.0.1', 60_000)).toEqual({ hits: 1, endsAt: new Date(now + 60_000), msLeft: 60_000 });
    });

    it('counts every hit of hits made at once from two stores', async () => {
      const [a, b] = [storeOn(), storeOn()];
      const counted = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).hit('login:address:10.0.0.1', 60_000)));
      expect(counted.map((w) => w.hits).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('clears a key, and deletes windows that have ended when it counts again later', async () => {
      const windows = storeOn();
      await windows.hit('a', 60_000);
      await windows.hit('b', 60_000);
      await windows.clear('a');
      expect(await windows.peek('a')).toBeUndefined();
      now += 3_600_000;
      await windows.hit('c', 60_000);
      expect(await db.selectFrom('rateWindow').select('hits').execute()).toEqual([{ hits: 1 }]);
    });
  });
}
