import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEES_ALL } from '../../src/domain/access/sight.js';
import { createCodeIssuer, MAX_CODES_PER_ISSUE } from '../../src/capture/issue-codes.js';
import { DomainError } from '../../src/domain/errors.js';
import { isTraceCode, traceCodeUri } from '../../src/domain/ids/trace-code.js';
import { createCodeStore, type CodeStore } from '../../src/store/code-store.js';
import type { Db } from '../../src/store/db.js';
import { createTestDb, testDialects } from '../support/test-db.js';

/** A repeatable random source: xorshift32 bytes from a seed. */
function seededBytes(seed: number) {
  let state = seed;
  return (n: number) => {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      bytes[i] = state & 0xff;
    }
    return bytes;
  };
}

/** Hands out the given bytes in order, then zeros. */
function scriptedBytes(script: number[]) {
  let at = 0;
  return (n: number) => Uint8Array.from({ length: n }, () => script[at++] ?? 0);
}

const NOW = new Date('2026-11-23T10:00:00.000Z');

for (const dialect of testDialects()) {
  describe(`code issuer (${dialect})`, () => {
    let db: Db;
    let codes: CodeStore;
    beforeEach(async () => {
      db = await createTestDb(dialect);
      codes = createCodeStore(db);
    });
    afterEach(() => db.destroy());

    const issuerWith = (randomBytes: (n: number) => Uint8Array, issueIds = ['issue-1', 'issue-2']) => {
      let next = 0;
      return createCodeIssuer({ codes, nodeCode: '460100', randomBytes, now: () => NOW, newIssueId: () => issueIds[next++] ?? 'issue-x' });
    };

    it('issues distinct valid codes in code order, each with its own unit, and stores them all', async () => {
      const issued = await issuerWith(seededBytes(1)).issue({ count: 2500, product: '海南芒果', lot: 'urn:epc:class:lgtin:4012345.012345.L9' });
      expect(issued).toMatchObject({ issueId: 'issue-1', issuedAt: '2026-11-23T10:00:00.000Z' });
      const list = issued.codes.map((c) => c.code);
      expect(list).toHaveLength(2500);
      expect(new Set(list).size).toBe(2500);
      expect(list).toEqual([...list].sort());
      expect(list.every((c) => c.startsWith('460100') && isTraceCode(c))).toBe(true);
      expect(issued.codes.every((c) => c.unitId === traceCodeUri(c.code))).toBe(true);
      expect(issued.codes[0]).toEqual({
        code: list[0], unitId: traceCodeUri(list[0] ?? ''), issueId: 'issue-1', issuedAt: '2026-11-23T10:00:00.000Z',
        lotId: 'urn:epc:class:lgtin:4012345.012345.L9', product: '海南芒果',
      });
      expect(await codes.findIssue('issue-1', SEES_ALL)).toMatchObject({ count: 2500, product: '海南芒果' });
      expect((await codes.listByIssue('issue-1', { limit: 2500 })).map((c) => c.code)).toEqual(list);
    });

    it('puts codes in code order also when their first random characters are all the same', async () => {
      const random = seededBytes(11);
      // Bytes 0-3 of each code fixed: its first six random characters are the same in every code.
      const sameStart = (n: number) => random(n).map((b, i) => (i % 9 < 4 ? 0x5a : b));
      const list = (await issuerWith(sameStart).issue({ count: 300 })).codes.map((c) => c.code);
      expect(new Set(list.map((c) => c.slice(6, 12))).size).toBe(1);
      expect(list).toEqual([...list].sort());
      expect(new Set(list).size).toBe(300);
    });

    it('issues more codes than one call to crypto.getRandomValues can give bytes for', async () => {
      const issued = await issuerWith((n) => crypto.getRandomValues(new Uint8Array(n))).issue({ count: 10_000 });
      expect(new Set(issued.codes.map((c) => c.code)).size).toBe(10_000);
    });

    it('fails the whole issue when a new code is already stored, and stores none of it', async () => {
      await issuerWith(seededBytes(7)).issue({ count: 3 });
      const again = issuerWith(seededBytes(7), ['issue-2']);
      await expect(again.issue({ count: 1000 })).rejects.toThrow();
      expect(await codes.findIssue('issue-2', SEES_ALL)).toBeUndefined();
      expect(await codes.findIssue('issue-1', SEES_ALL)).toMatchObject({ count: 3 });
    });

    it('draws again for a code that came out twice in one issue', async () => {
      const block = (b: number) => new Array<number>(9).fill(b);
      const issued = await issuerWith(scriptedBytes([...block(1), ...block(1), ...block(2), ...block(3)])).issue({ count: 3 });
      expect(new Set(issued.codes.map((c) => c.code)).size).toBe(3);
      expect(await codes.findIssue('issue-1', SEES_ALL)).toMatchObject({ count: 3 });
    });

    it('gives up on a random source that keeps repeating itself instead of drawing forever', async () => {
      await expect(issuerWith((n) => new Uint8Array(n).fill(7)).issue({ count: 2 })).rejects.toThrow('the random source gave only 1 different codes');
      expect(await codes.findIssue('issue-1', SEES_ALL)).toBeUndefined();
    });

    it.each([0, -1, 1.5, MAX_CODES_PER_ISSUE + 1])('refuses a count of %d', async (count) => {
      const refused = issuerWith(seededBytes(3)).issue({ count });
      await expect(refused).rejects.toBeInstanceOf(DomainError);
      await expect(refused).rejects.toMatchObject({ code: 'invalid_request', details: { field: 'count' } });
    });
  });
}
