import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { generateSupplyChain, toDocuments } from '../../bench/supply-chain.js';
import { createCapture } from '../../src/capture/capture-events.js';
import { createCapturePool } from '../../src/capture/capture-pool.js';
import { createEventStore } from '../../src/store/event-store.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { createTestDb, testDialects } from '../support/test-db.js';

const documents = [...toDocuments(generateSupplyChain({ seed: 7, events: 3000 }), 500)].map((d) => JSON.stringify(d));
const eventCount = documents.reduce((n, d) => n + JSON.parse(d).epcisBody.eventList.length, 0);

for (const dialect of testDialects()) {
  describe(`capture on worker threads (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect, { captureWorkers: 2 });
    });
    afterEach(() => t.close());

    const post = (payload: string) =>
      t.app.inject({ method: 'POST', url: '/epcis/v2/capture', headers: { ...t.auth, 'content-type': 'application/ld+json' }, payload });

    it('stores every event of documents captured at once by two workers, each exactly once', async () => {
      expect(documents.filter((d) => d.length > 64 * 1024).length).toBeGreaterThanOrEqual(5);
      const replies = await Promise.all([...documents, ...documents].map(post));
      expect(replies.map((r) => r.statusCode)).toEqual(Array(documents.length * 2).fill(202));
      const stored = replies.reduce((n, r) => n + r.json().storedCount, 0);
      expect(stored).toBe(eventCount);
      const rows = await t.db.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(eventCount);
    });

    it('answers a bad large document from a worker with the same problem as the main thread would', async () => {
      const doc = JSON.parse(documents[0] ?? '{}');
      doc.epcisBody.eventList[17].eventTime = 'yesterday';
      doc.epcisBody.eventList[42].eventTimeZoneOffset = '8 hours';
      const reply = await post(JSON.stringify(doc));
      expect(reply.statusCode).toBe(400);
      expect(reply.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      const problem = reply.json();
      expect(problem.code).toBe('invalid_document');
      expect(problem.errors.map((e: { index: number; field: string }) => `${e.index}:${e.field}`)).toEqual(['17:eventTime', '42:eventTimeZoneOffset']);
      const rows = await t.db.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(0);
    });

    it('keeps the Chinese text of a document that a worker decoded from the request bytes', async () => {
      const doc = JSON.parse(documents[1] ?? '{}');
      const original = doc.epcisBody.eventList.find((e: { ilmd?: Record<string, string> }) => Object.values(e.ilmd ?? {}).some((v) => /[\u4e00-\u9fff]/.test(v)));
      expect(original).toBeDefined();
      expect((await post(documents[1] ?? '')).statusCode).toBe(202);
      const rows = await t.db.selectFrom('event').select('body').execute();
      const stored = rows.map((r) => JSON.parse(r.body)).find((b) => b.eventTime === original.eventTime);
      expect(stored?.ilmd).toEqual(original.ilmd);
    });

    it('reports a capture job that a worker stored', async () => {
      const reply = await post(documents[1] ?? '');
      const job = await t.app.inject({ method: 'GET', headers: t.auth, url: reply.headers.location ?? '' });
      expect(job.statusCode).toBe(200);
      expect(job.json()).toMatchObject({ running: false, success: true, eventCount: JSON.parse(documents[1] ?? '{}').epcisBody.eventList.length });
    });
  });
}

describe('capture when a worker thread dies (sqlite)', () => {
  it('fails the capture the worker held, and captures later documents on the calling thread', async () => {
    const db = await createTestDb('sqlite');
    const local = createCapture({ events: createEventStore(db), now: () => new Date() });
    // A database the worker cannot open (its folder would sit inside a file): it dies while starting.
    const file = join(inject('scratchDir'), `not-a-folder-${process.pid}`);
    writeFileSync(file, '');
    const pool = createCapturePool({ workers: 1, db: { sqliteFile: join(file, 'ledger.db') }, local });
    try {
      await expect(pool.captureDocumentJson(documents[0] ?? '')).rejects.toThrow();
      const job = await pool.captureDocumentJson(documents[1] ?? '');
      expect(job.storedCount).toBe(JSON.parse(documents[1] ?? '{}').epcisBody.eventList.length);
    } finally {
      await pool.close();
      await db.destroy();
    }
  });
});
