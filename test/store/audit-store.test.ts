import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditActor } from '../../src/domain/audit/actor.js';
import { chainHash, GENESIS_HASH } from '../../src/domain/audit/chain-hash.js';
import { createAuditStore, type AuditStore, type NewAuditEntry } from '../../src/store/audit-store.js';
import { createDb, sameDbOptions, type Db } from '../../src/store/db.js';
import { createTestDb, testDialects } from '../support/test-db.js';

const ADMIN: AuditActor = { type: 'user', id: 'u-1', name: '管理员', address: '10.0.0.1' };
const entry = (subject: string, more: Partial<NewAuditEntry> = {}): NewAuditEntry => ({
  at: '2026-11-25T02:00:00.000Z', actor: ADMIN, action: 'party.register', subject, details: { name: subject }, ...more,
});

for (const dialect of testDialects()) {
  describe(`audit store (${dialect})`, () => {
    let db: Db;
    let audit: AuditStore;
    beforeEach(async () => {
      db = await createTestDb(dialect);
      audit = createAuditStore(db);
    });
    afterEach(() => db.destroy());

    it('chains each entry to the one before, the first to the genesis hash', async () => {
      const first = await audit.append(entry('A'));
      const second = await audit.append(entry('B'));
      expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, algorithm: 'sm3', details: '{"name":"A"}' });
      expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
      expect(second.hash).toBe(chainHash(first.hash, second));
      expect(await audit.head()).toEqual(second);
      expect(await audit.page(0, 10)).toEqual([first, second]);
      expect(await audit.page(1, 10)).toEqual([second]);
    });

    it('keeps the algorithm an entry was given for the entries after it', async () => {
      await audit.append(entry('A'));
      await audit.append(entry('B', { algorithm: 'sha256' }));
      const third = await audit.append((algorithm) => entry(algorithm));
      expect((await audit.page(0, 10)).map((e) => [e.seq, e.algorithm, e.subject])).toEqual([[1, 'sm3', 'A'], [2, 'sha256', 'B'], [3, 'sha256', 'sha256']]);
      expect(third.hash).toBe(chainHash(third.prevHash, { ...third, algorithm: 'sha256' }));
    });

    it('appends inside the caller\'s transaction, so an entry rolls back with the change it records', async () => {
      await audit.append(entry('A'));
      await expect(db.transaction().execute(async (tx) => {
        await audit.append(entry('B'), tx);
        throw new Error('the change failed');
      })).rejects.toThrow('the change failed');
      expect((await audit.page(0, 10)).map((e) => e.subject)).toEqual(['A']);
      expect(await audit.append(entry('C'))).toMatchObject({ seq: 2, subject: 'C' });
    });

    it('keeps one chain when two connections append at once', async () => {
      // A second pool on PostgreSQL; on SQLite the same file's connection, which shares the write lock.
      const other = dialect === 'postgres' ? createDb(sameDbOptions(db)) : db;
      const theirs = createAuditStore(other);
      try {
        await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? audit : theirs).append(entry(`P${i}`))));
      } finally {
        if (other !== db) await other.destroy();
      }
      const entries = await audit.page(0, 100);
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      entries.forEach((e, i) => expect(e.prevHash).toBe(entries[i - 1]?.hash ?? GENESIS_HASH));
    });

    it('lists the entries that cover events in the order of their first event, a page at a time', async () => {
      const covering = (subject: string, firstSeq: number) => entry(subject, { action: 'capture', events: { firstSeq, lastSeq: firstSeq + 1, count: 2, digest: 'ab'.repeat(32) } });
      await audit.append(covering('c-1', 5));
      await audit.append(entry('party'));
      await audit.append(covering('c-2', 3));
      await audit.append(covering('c-3', 9));
      const page = await audit.coveringPage('event', undefined, 2);
      expect(page.map((e) => e.subject)).toEqual(['c-2', 'c-1']);
      expect((await audit.coveringPage('event', { firstSeq: 5, seq: 1 }, 2)).map((e) => e.subject)).toEqual(['c-3']);
      expect(await audit.coveringPage('declaration', undefined, 2)).toEqual([]);
    });
  });
}
