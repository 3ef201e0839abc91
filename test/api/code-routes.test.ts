import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CODES_PER_ISSUE } from '../../src/capture/issue-codes.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-db.js';

for (const dialect of testDialects()) {
  describe(`code label routes (${dialect})`, () => {
    let t: TestApp;
    let issueId: string;
    let codes: string[];
    beforeEach(async () => {
      t = await buildTestApp(dialect);
      const issued = await t.app.inject({ method: 'POST', url: '/api/v1/codes', headers: t.auth, payload: { count: 30, product: '海南芒果, "特级"' } });
      expect(issued.statusCode).toBe(201);
      issueId = issued.json().issueId;
      codes = issued.json().codes.map((c: { code: string }) => c.code);
    });
    afterEach(() => t.close());

    const get = (path: string, headers: Record<string, string> = t.auth) => t.app.inject({ method: 'GET', url: `/api/v1/codes/issues/${path}`, headers });

    it('answers a small issue with every code and a large one with its count and label files only', async () => {
      const small = await t.app.inject({ method: 'POST', url: '/api/v1/codes', headers: t.auth, payload: { count: 3 } });
      expect(small.json()).toMatchObject({ count: 3, labels: { csv: `/api/v1/codes/issues/${small.json().issueId}/labels.csv` } });
      expect(small.json().codes).toHaveLength(3);
      const large = await t.app.inject({ method: 'POST', url: '/api/v1/codes', headers: t.auth, payload: { count: 10_001 } });
      expect(large.statusCode).toBe(201);
      expect(large.json()).toEqual({
        issueId: large.json().issueId, issuedAt: large.json().issuedAt, count: 10_001,
        labels: { pdf: `/api/v1/codes/issues/${large.json().issueId}/labels.pdf`, csv: `/api/v1/codes/issues/${large.json().issueId}/labels.csv` },
      });
      const csv = await get(`${large.json().issueId}/labels.csv`);
      expect(csv.body.trim().split('\r\n')).toHaveLength(10_002);
    });

    it('serves the label sheets of an issue as a PDF attachment', async () => {
      const res = await get(`${issueId}/labels.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="zhuisu-labels-${issueId}.pdf"`);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('serves part of an issue with from and count', async () => {
      const res = await get(`${issueId}/labels.pdf?from=25&count=10`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="zhuisu-labels-${issueId}-25-30.pdf"`);
      expect(res.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    });

    it('serves the label printer data of an issue as a CSV attachment with a BOM, in the order the codes were issued', async () => {
      const res = await get(`${issueId}/labels.csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="zhuisu-labels-${issueId}.csv"`);
      expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(rows[0]).toBe('追溯码 Code,显示码 Display code,二维码内容 QR content,产品 Product,批次 Lot,赋码批次号 Issue ID,赋码时间 Issued at');
      expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual(codes);
      expect(rows[1]).toContain(`,https://trace.example.cn/t/${codes[0]},"海南芒果, ""特级""",,${issueId},`);
    });

    it('answers 404 code_not_found for an issue that does not exist', async () => {
      for (const path of ['no-such-issue/labels.pdf', 'no-such-issue/labels.csv']) {
        const res = await get(path);
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
        expect(res.json()).toMatchObject({ type: 'epcisException:NoSuchResourceException', code: 'code_not_found', detail: 'no trace codes were issued under issue id no-such-issue' });
      }
    });

    it('refuses more than 10,000 labels in one PDF with invalid_request naming count', async () => {
      const res = await get(`${issueId}/labels.pdf?count=10001`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(res.json()).toMatchObject({ code: 'invalid_request', field: 'count' });
      expect(res.json().detail).toMatch(/^count: 10001 labels asked for, at most 10000/);
    });

    it('refuses a start beyond the issue with invalid_request naming from, and a malformed one as a bad query', async () => {
      const beyond = await get(`${issueId}/labels.csv?from=31`);
      expect(beyond.statusCode).toBe(400);
      expect(beyond.json()).toMatchObject({ code: 'invalid_request', field: 'from' });
      const malformed = await get(`${issueId}/labels.pdf?from=first`);
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toMatchObject({ code: 'invalid_query' });
    });

    it('requires the administrator token for labels', async () => {
      expect((await get(`${issueId}/labels.pdf`, {})).statusCode).toBe(401);
      expect((await get(`${issueId}/labels.csv`, {})).statusCode).toBe(401);
    });

    it('refuses an issue of more than a million codes', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/codes', headers: t.auth, payload: { count: MAX_CODES_PER_ISSUE + 1 } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_request' });
      expect(res.json().detail).toContain('count');
    });
  });
}
