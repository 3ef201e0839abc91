import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCapture, type Capture } from '../../src/capture/capture-events.js';
import { SEES_ALL } from '../../src/domain/access/sight.js';
import type { JsonObject } from '../../src/domain/event.js';
import type { Db } from '../../src/store/db.js';
import { createEventStore, type EventStore } from '../../src/store/event-store.js';
import { commission, documentOf, lot, q } from '../support/chain.js';
import { createTestDb, testDialects } from '../support/test-db.js';

const withId = (event: JsonObject, id: string): JsonObject => ({ ...event, eventID: id });
const ID = 'urn:uuid:6c0b7f0e-3a7d-4a55-9d7e-000000000001';

for (const dialect of testDialects()) {
  describe(`capture pipeline (${dialect})`, () => {
    let db: Db;
    let events: EventStore;
    let capture: Capture;
    const count = async () => Number((await db.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    beforeEach(async () => {
      db = await createTestDb(dialect);
      events = createEventStore(db);
      capture = createCapture({ events, now: () => new Date('2026-07-01T08:00:00.000Z') });
    });
    afterEach(() => db.destroy());

    it('stores an event sent twice under its own eventID once', async () => {
      const event = withId(commission(0, [q(lot('A'), 5)]), ID);
      expect((await capture.captureDocument(documentOf([event]))).storedCount).toBe(1);
      expect((await capture.captureDocument(documentOf([{ ...event }]))).storedCount).toBe(0);
      expect(await count()).toBe(1);
    });

    it('refuses another event under an eventID the ledger already holds, and stores nothing of that document', async () => {
      await capture.captureDocument(documentOf([withId(commission(0, [q(lot('A'), 5)]), ID)]));
      const clash = documentOf([commission(1, [q(lot('B'), 1)]), withId(commission(2, [q(lot('A'), 6)]), ID)]);
      await expect(capture.captureDocument(clash)).rejects.toMatchObject({
        code: 'event_id_conflict',
        details: { errors: [{ index: 1, field: 'eventID', reason: expect.stringContaining('repeats the eventID of an event already in the ledger') }] },
      });
      expect(await count()).toBe(1);
    });

    it('refuses two different events with one eventID in one document, naming the second', async () => {
      const doc = documentOf([withId(commission(0, [q(lot('A'), 5)]), ID), commission(1, [q(lot('C'), 1)]), withId(commission(2, [q(lot('A'), 7)]), ID)]);
      await expect(capture.captureDocument(doc)).rejects.toMatchObject({
        code: 'invalid_document',
        details: { errors: [{ index: 2, field: 'eventID', eventType: 'ObjectEvent', reason: expect.stringContaining('repeats the eventID of event 0 of this document') }] },
      });
      expect(await count()).toBe(0);
    });

    it('stores identical events without eventID once, under their CBV 2.0 hash', async () => {
      const job = await capture.captureDocument(documentOf([commission(0, [q(lot('A'), 5)]), commission(0, [q(lot('A'), 5)])]));
      expect(job).toMatchObject({ eventCount: 2, storedCount: 1 });
      const [row] = await db.selectFrom('event').select(['eventId', 'recordTime']).execute();
      expect(row?.eventId).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
      expect(row?.recordTime).toBe('2026-07-01T08:00:00.000Z');
    });

    it('records a correction as a declaration on the original, which keeps its body', async () => {
      const original = withId(commission(0, [q(lot('A'), 5)]), ID);
      await capture.captureDocument(documentOf([original]));
      const declaration = { declarationTime: '2026-07-02T00:00:00.000Z', reason: 'incorrect_data', correctiveEventIDs: ['urn:uuid:6c0b7f0e-3a7d-4a55-9d7e-000000000002'] };
      const corrective = withId(commission(0, [q(lot('A'), 50)]), 'urn:uuid:6c0b7f0e-3a7d-4a55-9d7e-000000000002');
      const job = await capture.captureDocument(documentOf([{ ...original, errorDeclaration: declaration }, corrective]));
      expect(job).toMatchObject({ eventCount: 2, storedCount: 1 });
      const stored = await events.find(ID, SEES_ALL);
      expect(stored?.body.quantityList).toEqual([q(lot('A'), 5)]);
      expect(stored?.body.errorDeclaration).toEqual(declaration);
      expect(await count()).toBe(2);
    });
  });
}
