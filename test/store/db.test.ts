import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dialectOf } from '../../src/store/db.js';
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
