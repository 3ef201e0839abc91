import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCodeStore } from '../../src/store/code-store.js';
import { createDb, migrateToLatest, type Db } from '../../src/store/db.js';
import { scratchSqliteFile } from '../support/test-db.js';

describe('the SQLite connection', () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  it('runs a query again, with other values, after a stream of it was left half-read', async () => {
    db = createDb({ sqliteFile: scratchSqliteFile() });
    await migrateToLatest(db);
    await createCodeStore(db).addIssue({ issueId: 'i', issuedAt: '2026-11-23T10:00:00.000Z', unitIdPrefix: 'u:' }, ['A1', 'A2', 'A3']);
    const from = (code: string) => db?.selectFrom('traceCode').select('code').where('code', '>=', code).orderBy('code');
    const streamed: string[] = [];
    for await (const row of from('A1')?.stream() ?? []) {
      streamed.push(row.code);
      if (streamed.length === 2) break;
    }
    expect(streamed).toEqual(['A1', 'A2']);
    expect((await from('A2')?.execute())?.map((r) => r.code)).toEqual(['A2', 'A3']);
    expect((await from('A3')?.execute())?.map((r) => r.code)).toEqual(['A3']);
  });

  it('checkpoints the WAL on a thread of its own when asked to, so that the file behind it is up to date', async () => {
    const file = scratchSqliteFile();
    db = createDb({ sqliteFile: file, checkpointInBackground: true });
    await migrateToLatest(db);
    await createCodeStore(db).addIssue({ issueId: 'i', issuedAt: '2026-11-23T10:00:00.000Z', unitIdPrefix: 'u:' }, Array.from({ length: 20_000 }, (_, i) => `C${String(i)}`));
    const before = statSync(file).size;
    const deadline = Date.now() + 5_000;
    while (statSync(file).size === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    // The codes went to the WAL; the checkpoint copied them into the database file, which grew.
    expect(statSync(file).size).toBeGreaterThan(before + 500_000);
  });
});
