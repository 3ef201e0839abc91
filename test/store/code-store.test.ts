import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEES_ALL } from '../../src/domain/access/sight.js';
import { createCodeStore, type NewCodeIssue } from '../../src/store/code-store.js';
import type { Db } from '../../src/store/db.js';
import { createTestDb, testDialects } from '../support/test-db.js';

const SHARED = { issueId: 'issue-1', issuedAt: '2026-11-23T10:00:00.000Z', lotId: 'urn:epc:class:lgtin:4012345.012345.L9', product: '海南芒果' };
const ISSUE: NewCodeIssue = { ...SHARED, unitIdPrefix: 'urn:zhuisu:code:' };
const codesOf = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);

for (const dialect of testDialects()) {
  describe(`code store (${dialect})`, () => {
    let db: Db;
    beforeEach(async () => {
      db = await createTestDb(dialect);
    });
    afterEach(() => db.destroy());

    it('stores an issue and finds each code with its unit id and what the issue shares', async () => {
      const codes = createCodeStore(db);
      await codes.addIssue(ISSUE, ['A1', 'A2']);
      expect(await codes.find('A2')).toEqual({ code: 'A2', unitId: 'urn:zhuisu:code:A2', ...SHARED });
      expect(await codes.find('A3')).toBeUndefined();
    });

    it('leaves out the lot and product of an issue that has none', async () => {
      const codes = createCodeStore(db);
      await codes.addIssue({ issueId: 'bare', issuedAt: SHARED.issuedAt, unitIdPrefix: 'u:' }, ['B1']);
      expect(await codes.find('B1')).toEqual({ code: 'B1', unitId: 'u:B1', issueId: 'bare', issuedAt: SHARED.issuedAt });
      expect(await codes.findIssue('bare', SEES_ALL)).toEqual({ issueId: 'bare', issuedAt: SHARED.issuedAt, count: 1 });
    });

    it('stores an issue of 50,001 codes, more than one statement takes, and counts them', async () => {
      const codes = createCodeStore(db);
      await codes.addIssue(ISSUE, codesOf('C', 50_001));
      expect(await codes.findIssue('issue-1', SEES_ALL)).toEqual({ ...SHARED, count: 50_001 });
      expect(await codes.find('C050000')).toEqual({ code: 'C050000', unitId: 'urn:zhuisu:code:C050000', ...SHARED });
    });

    it('stores nothing of an issue when one of its codes is already stored', async () => {
      const codes = createCodeStore(db);
      await codes.addIssue(ISSUE, ['D012000']);
      await expect(codes.addIssue({ ...ISSUE, issueId: 'issue-2' }, codesOf('D', 12_001))).rejects.toThrow(/unique|duplicate/i);
      expect(await codes.findIssue('issue-2', SEES_ALL)).toBeUndefined();
      expect(await codes.find('D000000')).toBeUndefined();
      expect(await codes.findIssue('issue-1', SEES_ALL)).toMatchObject({ count: 1 });
    });

    it('does not find an issue that was never made', async () => {
      expect(await createCodeStore(db).findIssue('nope', SEES_ALL)).toBeUndefined();
    });

    it('lists the codes of one issue in code order, by offset and after a code', async () => {
      const codes = createCodeStore(db);
      await codes.addIssue(ISSUE, ['E3', 'E1', 'E5', 'E2', 'E4']);
      await codes.addIssue({ ...ISSUE, issueId: 'other' }, ['E0', 'E6']);
      const list = async (page: { limit: number; offset?: number; after?: string }) => (await codes.listByIssue('issue-1', page)).map((c) => c.code);
      expect(await list({ limit: 10 })).toEqual(['E1', 'E2', 'E3', 'E4', 'E5']);
      expect(await list({ limit: 2, offset: 1 })).toEqual(['E2', 'E3']);
      expect(await list({ limit: 2, after: 'E3' })).toEqual(['E4', 'E5']);
      expect(await list({ limit: 2, offset: 5 })).toEqual([]);
      expect((await codes.listByIssue('issue-1', { limit: 1 }))[0]).toEqual({ code: 'E1', unitId: 'urn:zhuisu:code:E1', ...SHARED });
    });
  });
}
