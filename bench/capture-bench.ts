import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { contextNamespaces, eventHashId } from '../src/domain/event-hash.js';
import { indexEvent, memoisedCanonicalId, type LedgerEvent } from '../src/domain/event.js';
import { createDb, migrateToLatest } from '../src/store/db.js';
import { createSqliteDatabase } from '../src/store/dialect/sqlite.js';
import { toEpcRows, toEventRow } from '../src/store/event-rows.js';
import { BENCH_TOKEN, startLedgerServer } from './ledger-server.js';
import { generateSupplyChain, toDocuments, type EpcisDocumentJson } from './supply-chain.js';

export interface CaptureFigures {
  events: number;
  documents: number;
  captureEventsPerSecond: number;
  rawInsertEventsPerSecond: number;
  ratio: number;
}

/**
 * Capture through `POST /epcis/v2/capture` over loopback HTTP, 1,000 events a document, against a raw insert of the
 * very same ledger rows (prepared statements, one transaction a document) into a fresh database of the same schema.
 */
export async function benchCapture(opts: { events: number; seed: number; dir: string }): Promise<CaptureFigures> {
  const documents = [...toDocuments(generateSupplyChain({ seed: opts.seed, events: opts.events }), 1000)];
  const bodies = documents.map((d) => JSON.stringify(d));
  const events = documents.reduce((n, d) => n + d.epcisBody.eventList.length, 0);

  const captureFile = join(opts.dir, 'capture.db');
  removeDb(captureFile);
  const server = await startLedgerServer(captureFile);
  const started = performance.now();
  for (const body of bodies) {
    const response = await fetch(`${server.url}/epcis/v2/capture`, {
      method: 'POST',
      headers: { 'content-type': 'application/ld+json', authorization: `Bearer ${BENCH_TOKEN}` },
      body,
    });
    if (response.status !== 202) throw new Error(`capture answered ${response.status}: ${await response.text()}`);
  }
  const captureSeconds = (performance.now() - started) / 1000;
  await server.close();

  const rawFile = join(opts.dir, 'raw.db');
  removeDb(rawFile);
  const rows = documents.map(ledgerRows);
  const rawSeconds = await rawInsert(rawFile, rows);
  const captureEventsPerSecond = events / captureSeconds;
  const rawInsertEventsPerSecond = events / rawSeconds;
  return { events, documents: documents.length, captureEventsPerSecond, rawInsertEventsPerSecond, ratio: captureEventsPerSecond / rawInsertEventsPerSecond };
}

function ledgerRows(doc: EpcisDocumentJson): LedgerEvent[] {
  const namespaces = contextNamespaces(doc['@context']);
  const recordTime = new Date().toISOString();
  const canonicalise = memoisedCanonicalId();
  return doc.epcisBody.eventList.map((raw) => {
    const body = { ...raw };
    const eventId = eventHashId(body, namespaces);
    const indexed = indexEvent({ ...body, eventID: eventId, recordTime }, { eventId, recordTime, namespaces, canonicalise });
    if (!indexed.event) throw new Error(`generated event does not index: ${JSON.stringify(indexed.issues)}`);
    return indexed.event;
  });
}

async function rawInsert(file: string, documents: LedgerEvent[][]): Promise<number> {
  const db = createDb({ sqliteFile: file });
  await migrateToLatest(db);
  await db.destroy();
  // Rows are shaped before the clock starts: the baseline is the database's own cost of storing them.
  const rows = documents.map((events) => events.map((e) => ({ event: Object.values(toEventRow(e, 'raw')), epcs: toEpcRows(e, 0).map((x) => Object.values(x)) })));
  const sqlite = createSqliteDatabase(file);
  const insertEvent = sqlite.prepare(`insert into event (event_id, event_type, event_time, event_time_zone_offset, record_time, action, biz_step,
    disposition, read_point, biz_location, transformation_id, identifiers, parties, body, namespaces, capture_id) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const insertEpc = sqlite.prepare('insert into event_epc (epc, event_time, event_seq, ordinal, role, is_class, quantity, uom) values (?,?,?,?,?,?,?,?)');
  const insertDocument = sqlite.transaction((events: typeof rows[number]) => {
    for (const { event, epcs } of events) {
      const seq = insertEvent.run(...event).lastInsertRowid;
      for (const epc of epcs) insertEpc.run(epc[0], epc[1], seq, ...epc.slice(3));
    }
  });
  const started = performance.now();
  for (const events of rows) insertDocument(events);
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  return seconds;
}

export function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
