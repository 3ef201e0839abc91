import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSupplyChain, toDocuments } from '../../../bench/supply-chain.js';
import { createAuditTrail } from '../../../src/capture/audit/audit-trail.js';
import { verifyAudit } from '../../../src/capture/audit/verify-audit.js';
import { createCapture, type Capture } from '../../../src/capture/capture-events.js';
import { createCapturePool } from '../../../src/capture/capture-pool.js';
import type { AuditActor } from '../../../src/domain/audit/actor.js';
import { createAuditStore, type AuditStore } from '../../../src/store/audit-store.js';
import { sameDbOptions, type Db } from '../../../src/store/db.js';
import { createEventStore } from '../../../src/store/event-store.js';
import { commission, documentOf, lot, q } from '../../support/chain.js';
import { createTestDb, testDialects } from '../../support/test-db.js';
import { csvOf, FARM, farmingRow, MANGO_GTIN, NOW, setUpLedger, stageOf, utf8WithBom } from '../import/import-fixtures.js';

const TOKEN: AuditActor = { type: 'token', id: 'tok-1', name: 'ERP 接口', enterprise: FARM, address: '10.0.0.7' };
const USER: AuditActor = { type: 'user', id: 'u-1', name: '张三', address: '10.0.0.8' };
const ORIGINAL = 'urn:uuid:6c0b7f0e-3a7d-4a55-9d7e-00000000a001';

for (const dialect of testDialects()) {
  describe(`audit log verification (${dialect})`, () => {
    let db: Db;
    let audit: AuditStore;
    let capture: Capture;
    /** The seq of the entry of each step below. */
    const seqs = { capture: 0, declaration: 0, import: 0, record: 0, party: 0 };

    const entryOf = async (action: string, subject?: string) => {
      let query = db.selectFrom('auditLog').select('seq').where('action', '=', action);
      if (subject) query = query.where('subject', '=', subject);
      return Number((await query.orderBy('seq', 'desc').executeTakeFirstOrThrow()).seq);
    };
    const eventsOf = async (entrySeq: number) => {
      const entry = await db.selectFrom('auditLog').select(['subject']).where('seq', '=', entrySeq).executeTakeFirstOrThrow();
      return db.selectFrom('event').select(['seq', 'eventId', 'body']).where('captureId', '=', entry.subject).orderBy('seq').execute();
    };
    const verify = () => verifyAudit({ audit });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      audit = createAuditStore(db);
      const { importer, recorder, registry, events } = await setUpLedger(db);
      capture = createCapture({ events, now: () => NOW });
      await capture.captureDocument(documentOf([
        { ...commission(0, [q(lot('A'), 5)]), eventID: ORIGINAL }, commission(1, [q(lot('B'), 2)]), commission(2, [q(lot('C'), 7)]),
      ]), TOKEN);
      seqs.capture = await entryOf('capture');
      const correction = { ...commission(0, [q(lot('A'), 5)]), eventID: ORIGINAL, errorDeclaration: { declarationTime: '2026-05-02T00:00:00.000Z', reason: 'incorrect_data' } };
      await capture.captureDocument(documentOf([correction, commission(3, [q(lot('D'), 1)])]), TOKEN);
      seqs.declaration = await entryOf('capture');
      await importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: utf8WithBom(csvOf(stageOf('edible-agri', 'farming'), [farmingRow('L001'), farmingRow('L002')])), actor: USER });
      seqs.import = await entryOf('import');
      await recorder.record({
        sector: 'edible-agri', stage: 'farming', party: FARM, product: MANGO_GTIN, lot: 'L003', quantity: 20, unit: '千克', time: '2026-03-05T09:00:00+08:00',
        data: { originRegion: '460105', baseName: '海口芒果基地', producerName: '王大明', variety: '贵妃芒', harvestDate: '2026-03-04' },
      }, { actor: TOKEN });
      seqs.record = await entryOf('capture');
      await registry.registerQuota({ party: FARM, reference: '琼农〔2026〕1号', sector: 'edible-agri', periodStart: '2026-01-01', periodEnd: '2027-01-01', quantity: 1000, unit: 'TNE' }, USER);
      seqs.party = await entryOf('quota.register');
    });
    afterEach(() => db.destroy());

    it('passes a log written by captures, an import, a record and registrations, each entry naming who made it', async () => {
      expect(await verify()).toMatchObject({ ok: true, entries: seqs.party, events: 7, declarations: 1, head: { seq: seqs.party, algorithm: 'sm3' } });
      const rows = await db.selectFrom('auditLog').select(['seq', 'actorType', 'actorId', 'enterprise', 'address', 'action', 'eventCount', 'declarationCount'])
        .where('seq', '>=', seqs.capture).orderBy('seq').execute();
      expect(rows).toEqual([
        { seq: seqs.capture, actorType: 'token', actorId: 'tok-1', enterprise: FARM, address: '10.0.0.7', action: 'capture', eventCount: 3, declarationCount: null },
        { seq: seqs.declaration, actorType: 'token', actorId: 'tok-1', enterprise: FARM, address: '10.0.0.7', action: 'capture', eventCount: 1, declarationCount: 1 },
        { seq: seqs.import, actorType: 'user', actorId: 'u-1', enterprise: null, address: '10.0.0.8', action: 'import', eventCount: 2, declarationCount: null },
        { seq: seqs.record, actorType: 'token', actorId: 'tok-1', enterprise: FARM, address: '10.0.0.7', action: 'capture', eventCount: 1, declarationCount: null },
        { seq: seqs.party, actorType: 'user', actorId: 'u-1', enterprise: null, address: '10.0.0.8', action: 'quota.register', eventCount: null, declarationCount: null },
      ]);
      expect(seqs.capture).toBe(8);
    });

    it('catches an edited field of an audit entry', async () => {
      await sql`update audit_log set actor_id = ${'tok-2'} where seq = ${seqs.capture}`.execute(db);
      expect((await verify()).broken).toEqual({
        seq: seqs.capture, problem: 'altered_entry', zh: `第${seqs.capture}条记录的内容与其哈希不符，已被改动`, en: `entry ${seqs.capture} does not match its hash: it was altered`,
      });
    });

    it('catches edited details of a registration, and an entry whose hash was recomputed by the next one\'s link', async () => {
      await sql`update audit_log set details = ${'{"quantity":99999}'} where seq = ${seqs.party}`.execute(db);
      expect((await verify()).broken).toMatchObject({ seq: seqs.party, problem: 'altered_entry' });
      await sql`update audit_log set hash = ${'f'.repeat(64)} where seq = ${seqs.import}`.execute(db);
      expect((await verify()).broken).toMatchObject({ seq: seqs.import, problem: 'altered_entry' });
    });

    it('catches a deleted audit entry', async () => {
      await sql`delete from audit_log where seq = ${seqs.declaration}`.execute(db);
      expect((await verify()).broken).toEqual({
        seq: seqs.declaration, problem: 'missing_entry', zh: `第${seqs.declaration}条审计记录缺失（其后为第${seqs.import}条）`, en: `entry ${seqs.declaration} is missing (the next one is ${seqs.import})`,
      });
    });

    it('catches two audit entries swapped', async () => {
      await sql`update audit_log set seq = -1 where seq = ${seqs.capture}`.execute(db);
      await sql`update audit_log set seq = ${seqs.capture} where seq = ${seqs.import}`.execute(db);
      await sql`update audit_log set seq = ${seqs.import} where seq = -1`.execute(db);
      expect((await verify()).broken).toMatchObject({ seq: seqs.capture, problem: 'broken_link' });
    });

    it('catches an edited event body', async () => {
      const [, second] = await eventsOf(seqs.capture);
      const body = { ...JSON.parse(second?.body ?? '{}'), bizStep: 'destroying' };
      await sql`update event set body = ${JSON.stringify(body)} where seq = ${second?.seq}`.execute(db);
      expect((await verify()).broken).toEqual({
        seq: seqs.capture, problem: 'altered_events',
        zh: `第${seqs.capture}条记录（capture ${await subjectOf(seqs.capture)}）的事件与其摘要不符：记录3个，现有3个，内容或顺序已被改动`,
        en: `the events of entry ${seqs.capture} (capture ${await subjectOf(seqs.capture)}) do not match its digest: it recorded 3, the ledger holds 3, altered or reordered`,
      });
    });

    it('catches an edited body of an imported event', async () => {
      const [first] = await eventsOf(seqs.import);
      await sql`update event set body = ${first?.body.replace('500', '900')} where seq = ${first?.seq}`.execute(db);
      expect((await verify()).broken).toMatchObject({ seq: seqs.import, problem: 'altered_events' });
    });

    it('catches an edited eventID, naming the event', async () => {
      const [first] = await eventsOf(seqs.capture);
      await sql`update event set event_id = ${'urn:uuid:00000000-0000-4000-8000-000000000000'} where seq = ${first?.seq}`.execute(db);
      expect((await verify()).broken).toEqual({
        seq: seqs.capture, eventSeq: first?.seq, problem: 'altered_event_row',
        zh: `事件 seq ${first?.seq}：event_id 列与内容中的 eventID 不同`, en: `event ${first?.seq}: its event_id column differs from the eventID in its body`,
      });
    });

    it('catches an eventID edited in the column and the body alike', async () => {
      const [first] = await eventsOf(seqs.capture);
      const forged = 'urn:uuid:00000000-0000-4000-8000-000000000000';
      await sql`update event set event_id = ${forged}, body = ${JSON.stringify({ ...JSON.parse(first?.body ?? '{}'), eventID: forged })} where seq = ${first?.seq}`.execute(db);
      expect((await verify()).broken).toMatchObject({ seq: seqs.capture, problem: 'altered_events' });
    });

    it('catches a deleted event', async () => {
      const [, second] = await eventsOf(seqs.capture);
      await sql`delete from event where seq = ${second?.seq}`.execute(db);
      expect((await verify()).broken).toMatchObject({ seq: seqs.capture, problem: 'altered_events', en: expect.stringContaining('it recorded 3, the ledger holds 2') });
    });

    it('catches two events of one capture swapped', async () => {
      const [first, second] = await eventsOf(seqs.capture);
      if (dialect === 'postgres') await sql`alter table event alter column seq set generated by default`.execute(db);
      await sql`update event set seq = -1 where seq = ${first?.seq}`.execute(db);
      await sql`update event set seq = ${first?.seq} where seq = ${second?.seq}`.execute(db);
      await sql`update event set seq = ${second?.seq} where seq = -1`.execute(db);
      expect((await verify()).broken).toMatchObject({ seq: seqs.capture, problem: 'altered_events', en: expect.stringContaining('altered or reordered') });
    });

    it('catches an event inserted outside the platform', async () => {
      const [first] = await eventsOf(seqs.capture);
      await sql`insert into event (event_id, event_key, event_type, event_time, event_time_zone_offset, record_time, action, biz_step, disposition, read_point,
        biz_location, transformation_id, identifiers, parties, body, namespaces, capture_id)
        select ${'urn:uuid:00000000-0000-4000-8000-00000000f00d'}, event_key, event_type, event_time, event_time_zone_offset, record_time, action, biz_step,
          disposition, read_point, biz_location, transformation_id, identifiers, parties, body, namespaces, capture_id
        from event where seq = ${first?.seq}`.execute(db);
      const forged = await db.selectFrom('event').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect((await verify()).broken).toEqual({
        eventSeq: forged.seq, problem: 'uncovered_event',
        zh: `事件 seq ${forged.seq}（urn:uuid:00000000-0000-4000-8000-00000000f00d）不在任何审计记录之内，是在平台之外写入的`,
        en: `event ${forged.seq} (urn:uuid:00000000-0000-4000-8000-00000000f00d) is covered by no audit entry: it was written outside the platform`,
      });
    });

    it('catches an edited error declaration', async () => {
      await sql`update event_error_declaration set reason = ${'did_not_occur'}`.execute(db);
      expect((await verify()).broken).toMatchObject({ seq: seqs.declaration, problem: 'altered_declarations' });
    });

    it('reports the first broken entry when several are', async () => {
      const [first] = await eventsOf(seqs.import);
      await sql`delete from event where seq = ${first?.seq}`.execute(db);
      await sql`update audit_log set actor_id = ${'tok-2'} where seq = ${seqs.party}`.execute(db);
      await sql`update audit_log set address = ${'10.6.6.6'} where seq = ${seqs.declaration}`.execute(db);
      expect((await verify()).broken).toMatchObject({ seq: seqs.declaration, problem: 'altered_entry' });
    });

    it('passes an event that carries its own @context, hashed as stored without it', async () => {
      const own = { ...commission(5, [q(lot('E'), 1)]), '@context': [{ ex: 'https://ns.example.com/epcis/' }], 'ex:temperature': 4 };
      expect((await capture.captureDocument(documentOf([own]), TOKEN)).storedCount).toBe(1);
      expect(await verify()).toMatchObject({ ok: true, events: 8 });
    });

    it('passes a log switched to SHA-256, and catches an edit after the switch', async () => {
      const switched = await createAuditTrail({ db, now: () => NOW }).useAlgorithm('sha256', USER);
      await capture.captureDocument(documentOf([commission(9, [q(lot('F'), 3)])]), TOKEN);
      expect(await db.selectFrom('auditLog').select(['action', 'algorithm']).where('seq', '>=', switched?.seq ?? 0).orderBy('seq').execute())
        .toEqual([{ action: 'audit.algorithm', algorithm: 'sha256' }, { action: 'capture', algorithm: 'sha256' }]);
      expect(await verify()).toMatchObject({ ok: true, head: { seq: (switched?.seq ?? 0) + 1, algorithm: 'sha256' } });
      const last = await db.selectFrom('event').select(['seq', 'body']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
      await sql`update event set body = ${last.body.replace('"quantity":3', '"quantity":30')} where seq = ${last.seq}`.execute(db);
      expect((await verify()).broken).toMatchObject({ seq: (switched?.seq ?? 0) + 1, problem: 'altered_events' });
    });

    async function subjectOf(seq: number): Promise<string> {
      return (await db.selectFrom('auditLog').select('subject').where('seq', '=', seq).executeTakeFirstOrThrow()).subject;
    }
  });

  describe(`audit log of captures on worker threads (${dialect})`, () => {
    let db: Db;
    beforeEach(async () => {
      db = await createTestDb(dialect);
    });
    afterEach(() => db.destroy());

    it('keeps one verifiable chain over documents captured at once by two workers, naming the sender', async () => {
      const documents = [...toDocuments(generateSupplyChain({ seed: 11, events: 2000 }), 400)].map((d) => JSON.stringify(d));
      expect(documents.filter((d) => d.length > 64 * 1024).length).toBeGreaterThanOrEqual(3);
      const local = createCapture({ events: createEventStore(db), now: () => new Date() });
      const pool = createCapturePool({ workers: 2, db: sameDbOptions(db), local });
      try {
        await Promise.all(documents.map((d) => pool.captureDocumentJson(d, TOKEN)));
      } finally {
        await pool.close();
      }
      const result = await verifyAudit({ audit: createAuditStore(db) });
      const events = documents.reduce((n, d) => n + JSON.parse(d).epcisBody.eventList.length, 0);
      expect(result).toMatchObject({ ok: true, entries: documents.length, events });
      const actors = await db.selectFrom('auditLog').select(['actorId', 'address']).distinct().execute();
      expect(actors).toEqual([{ actorId: 'tok-1', address: '10.0.0.7' }]);
    });
  });
}
