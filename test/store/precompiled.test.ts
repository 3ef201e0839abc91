import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCodeStore } from '../../src/store/code-store.js';
import SQLite from 'better-sqlite3';
import { sameDbOptions, type Db } from '../../src/store/db.js';
import { precompiled } from '../../src/store/precompiled.js';
import { createTestDb, testDialects } from '../support/test-db.js';

const ISSUE = { issueId: 'issue-1', issuedAt: '2026-11-23T10:00:00.000Z', lotId: 'urn:epc:class:lgtin:4012345.012345.L9', product: '海南芒果', unitIdPrefix: 'urn:zhuisu:code:' };

for (const dialect of testDialects()) {
  describe(`precompiled reads (${dialect})`, () => {
    let db: Db;
    beforeEach(async () => {
      db = await createTestDb(dialect);
      await createCodeStore(db).addIssue(ISSUE, ['A1', 'A2', 'A3']);
    });
    afterEach(() => db.destroy());

    it('runs one compiled query with each call\'s values, keeping the values the query was built with', async () => {
      const codesOfLot = precompiled(db, (lot: string, from: string) => db.selectFrom('traceCode').select(['code', 'unitId', 'lotId'])
        .where('lotId', '=', lot).where('code', '>=', from).where('issueId', '=', 'issue-1').orderBy('code').limit(2), 2);
      expect(await codesOfLot(ISSUE.lotId, 'A2')).toEqual([
        { code: 'A2', unitId: 'urn:zhuisu:code:A2', lotId: ISSUE.lotId },
        { code: 'A3', unitId: 'urn:zhuisu:code:A3', lotId: ISSUE.lotId },
      ]);
      expect(await codesOfLot(ISSUE.lotId, 'A1')).toEqual([
        { code: 'A1', unitId: 'urn:zhuisu:code:A1', lotId: ISSUE.lotId },
        { code: 'A2', unitId: 'urn:zhuisu:code:A2', lotId: ISSUE.lotId },
      ]);
      expect(await codesOfLot('urn:epc:class:lgtin:4012345.012345.OTHER', 'A1')).toEqual([]);
    });

    it('reads what was committed a moment before', async () => {
      const byCode = precompiled(db, (code: string) => db.selectFrom('traceCode').select('code').where('code', '=', code), 1);
      expect(await byCode('B1')).toEqual([]);
      await createCodeStore(db).addIssue({ ...ISSUE, issueId: 'issue-2' }, ['B1']);
      expect(await byCode('B1')).toEqual([{ code: 'B1' }]);
    });

    if (dialect === 'sqlite') {
      it('reads one snapshot through a turn of the event loop, and what another connection committed from the next turn on', async () => {
        const byCode = precompiled(db, (code: string) => db.selectFrom('traceCode').select('code').where('code', '=', code), 1);
        const other = new SQLite(sameDbOptions(db).sqliteFile ?? '');
        try {
          expect(await byCode('A1')).toEqual([{ code: 'A1' }]);
          other.prepare('delete from trace_code where code = ?').run('A1');
          expect(await byCode('A1')).toEqual([{ code: 'A1' }]);
          await new Promise((resolve) => setImmediate(resolve));
          expect(await byCode('A1')).toEqual([]);
        } finally {
          other.close();
        }
      });
    }

    it('refuses a query that leaves one of its arguments out', async () => {
      const careless = precompiled(db, (...args: [code: string, lot: string]) => db.selectFrom('traceCode').select('code').where('code', '=', args[0]), 2);
      await expect(careless('A1', 'L9')).rejects.toThrow('precompiled query does not use all of its 2 arguments');
    });
  });
}
