import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEES_ALL } from '../../src/domain/access/sight.js';
import { createCodeIssuer } from '../../src/capture/issue-codes.js';
import { createIssueLabels, MAX_LABELS_PER_PDF } from '../../src/labels/issue-labels.js';
import { createCodeStore, type CodeStore } from '../../src/store/code-store.js';
import type { Db } from '../../src/store/db.js';
import { createTestDb, testDialects } from '../support/test-db.js';

const BASE = 'https://trace.example.cn';

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

for (const dialect of testDialects()) {
  describe(`issue labels (${dialect})`, () => {
    let db: Db;
    let codes: CodeStore;
    let issued: string[];
    beforeEach(async () => {
      db = await createTestDb(dialect);
      codes = createCodeStore(db);
      const issuer = createCodeIssuer({ codes, nodeCode: '460100', randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)), now: () => new Date(), newIssueId: () => 'issue-1' });
      issued = (await issuer.issue({ count: 30, product: '海南芒果' })).codes.map((c) => c.code);
    });
    afterEach(() => db.destroy());

    const labels = () => createIssueLabels({ codes, publicBaseUrl: BASE });
    const csvCodes = (csv: string) => csv.trim().split('\r\n').slice(1).map((row) => row.split(',')[0]);

    it('prints the whole issue as one PDF named after it', async () => {
      const file = await labels().pdf('issue-1', {}, SEES_ALL);
      expect(file).toMatchObject({ fileName: 'zhuisu-labels-issue-1.pdf', count: 30 });
      expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(file.body.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
    });

    it('prints part of an issue, named after the labels it holds, and stops at the issue\'s end', async () => {
      expect(await labels().pdf('issue-1', { from: 25, count: 24 }, SEES_ALL)).toMatchObject({ fileName: 'zhuisu-labels-issue-1-25-30.pdf', count: 6 });
      const part = await labels().csv('issue-1', { from: 2, count: 3 }, SEES_ALL);
      expect(part).toMatchObject({ fileName: 'zhuisu-labels-issue-1-2-4.csv', count: 3 });
      expect(csvCodes(await text(part.body))).toEqual(issued.slice(1, 4));
    });

    it('streams the whole issue as CSV in code order', async () => {
      const file = await labels().csv('issue-1', {}, SEES_ALL);
      expect(file.fileName).toBe('zhuisu-labels-issue-1.csv');
      expect(csvCodes(await text(file.body))).toEqual(issued);
    });

    it('tells an unknown issue by code_not_found', async () => {
      await expect(labels().pdf('no-such-issue', {}, SEES_ALL)).rejects.toMatchObject({ code: 'code_not_found', details: { issueId: 'no-such-issue' } });
      await expect(labels().csv('no-such-issue', {}, SEES_ALL)).rejects.toMatchObject({ code: 'code_not_found' });
    });

    it('refuses a start beyond the issue\'s end and a count over the PDF limit, naming the parameter', async () => {
      await expect(labels().pdf('issue-1', { from: 31 }, SEES_ALL)).rejects.toMatchObject({ code: 'invalid_request', details: { field: 'from' }, message: 'from is 31, but issue issue-1 has 30 codes' });
      await expect(labels().pdf('issue-1', { count: MAX_LABELS_PER_PDF + 1 }, SEES_ALL)).rejects.toMatchObject({ code: 'invalid_request', details: { field: 'count' } });
      await expect(labels().csv('issue-1', { from: 0 }, SEES_ALL)).rejects.toMatchObject({ code: 'invalid_request', details: { field: 'from' } });
    });
  });
}
