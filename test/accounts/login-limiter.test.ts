import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLoginLimiter } from '../../src/accounts/login-limiter.js';
import type { Db } from '../../src/store/db.js';
import { createRateWindowStore } from '../../src/store/rate-window-store.js';
import { createTestDb, testDialects } from '../support/test-db.js';

for (const dialect of testDialects()) {
  describe(`failed login limits (${dialect})`, () => {
    let db: Db;
    let now: number;
    const limiterOn = () => createLoginLimiter({ windows: createRateWindowStore(db, { now: () => new Date(now) }) });
    beforeEach(async () => {
      db = await createTestDb(dialect);
      now = Date.UTC(2026, 10, 23, 8, 0, 0);
    });
    afterEach(() => db.destroy());

    it('stops an account after five failures for the rest of the 15-minute window, whatever the address', async () => {
      const limiter = limiterOn();
      for (let i = 0; i < 5; i++) {
        expect(await limiter.retryAfter('clerk', `10.0.0.${i}`)).toBe(0);
        await limiter.failed('clerk', `10.0.0.${i}`);
        now += 60_000;
      }
      expect(await limiter.retryAfter('Clerk', '10.1.1.1')).toBe(600);
      now += 600_000;
      expect(await limiter.retryAfter('clerk', '10.1.1.1')).toBe(0);
    });

    it('stops an address after twenty failures across accounts, and a success clears only the account', async () => {
      const limiter = limiterOn();
      for (let i = 0; i < 4; i++) await limiter.failed('clerk', '10.0.0.1');
      await limiter.succeeded('clerk');
      expect(await limiter.retryAfter('clerk', '10.0.0.2')).toBe(0);
      for (let i = 0; i < 16; i++) await limiter.failed(`user${i}`, '10.0.0.1');
      expect(await limiter.retryAfter('someone', '10.0.0.1')).toBe(900);
      expect(await limiter.retryAfter('someone', '10.0.0.3')).toBe(0);
    });

    it('counts the failures of every process on the database together, and a restart forgets none', async () => {
      const [first, second] = [limiterOn(), limiterOn()];
      for (let i = 0; i < 3; i++) await first.failed('clerk', '10.0.0.1');
      for (let i = 0; i < 2; i++) await second.failed('clerk', '10.0.0.2');
      expect(await first.retryAfter('clerk', '10.0.0.3')).toBe(900);
      expect(await limiterOn().retryAfter('clerk', '10.0.0.3')).toBe(900);
    });

    it('keeps no username or address in the database', async () => {
      await limiterOn().failed('zhang.wei', '203.0.113.7');
      const rows = await db.selectFrom('rateWindow').selectAll().execute();
      expect(rows).toHaveLength(2);
      expect(JSON.stringify(rows)).not.toMatch(/zhang|203\.0\.113/);
    });
  });
}
