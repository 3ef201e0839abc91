import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { contextNamespaces, eventHashId } from '../src/domain/event-hash.js';
import { indexEvent, memoisedCanonicalId, type LedgerEvent } from '../src/domain/event.js';
import { createDb, migrateToLatest } from '../src/store/db.js';
import { EVENT_COLUMNS, createSqliteDatabase } from '../src/store/dialect/sqlite.js';
import { scansFileOf } from '../src/store/dialect/sqlite-scans.js';
import { toEpcRows, toEventRow } from '../src/store/event-rows.js';
import { BENCH_TOKEN, startLedgerServer } from './ledger-server.js';
import { captureDocuments } from './capture-documents.js';
import type { EpcisDocumentJson } from './supply-chain.js';

export interface CaptureRun {
  workers: number;
  inFlight: number;
  eventsPerSecond: number;
  /** Against the raw insert of the same rows. */
  ratio: number;
}

export interface CaptureFigures {
  events: number;
  documents: number;
  rawInsertEventsPerSecond: number;
  runs: CaptureRun[];
}

/** Capture worker threads × documents in flight: one client at a time first, then several clients at once. */
const SETUPS = [
  { workers: 0, inFlight: 1 },
  { workers: 2, inFlight: 1 },
  { workers: 2, inFlight: 4 },
];

/**
 * Capture through `POST /epcis/v2/capture` over loopback HTTP, 1,000 events a document, against a raw insert of the
 * very same ledger rows (prepared statements, one transaction a document) into a fresh database of the same schema.
 */
export async function benchCapture(opts: { events: number; seed: number; dir: string }): Promise<CaptureFigures> {
  const rawFile = join(opts.dir, 'raw.db');
  removeDb(rawFile);
  const { events, documents, seconds: rawSeconds } = await rawInsertOf(rawFile, opts);
  const rawInsertEventsPerSecond = events / rawSeconds;

  const runs: CaptureRun[] = [];
  for (const setup of SETUPS) {
    const captureFile = join(opts.dir, 'capture.db');
    removeDb(captureFile);
    const server = await startLedgerServer(captureFile, { captureWorkers: setup.workers });
    const seconds = await postAll(server.url, { seed: opts.seed, events: opts.events, inFlight: setup.inFlight });
    await server.close();
    runs.push({ ...setup, eventsPerSecond: events / seconds, ratio: events / seconds / rawInsertEventsPerSecond });
  }
  return { events, documents, rawInsertEventsPerSecond, runs };
}

// The documents live only as long as the raw insert needs them: the server under test shares this process, and its
// collector should not have to walk them.
async function rawInsertOf(file: string, opts: { events: number; seed: number }): Promise<{ events: number; documents: number; seconds: number }> {
  const { warmUp, measured } = captureDocuments({ seed: opts.seed, events: opts.events });
  const events = measured.reduce((n, d) => n + d.epcisBody.eventList.length, 0);
  const seconds = await rawInsert(file, { warmUp: warmUp.map(ledgerRows), measured: measured.map(ledgerRows) });
  return { events, documents: measured.length, seconds };
}

// The client runs in its own process; it generates its documents before it starts the clock.
async function postAll(url: string, opts: { seed: number; events: number; inFlight: number }): Promise<number> {
  const client = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./capture-client.ts', import.meta.url)),
    url, BENCH_TOKEN, String(opts.seed), String(opts.events), String(opts.inFlight)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  client.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = await once(client, 'exit');
  if (code !== 0) throw new Error(`the capture client failed (exit ${String(code)})`);
  const result: unknown = JSON.parse(output);
  const seconds = typeof result === 'object' && result !== null ? Reflect.get(result, 'seconds') : undefined;
  if (typeof seconds !== 'number') throw new Error(`the capture client said ${output}`);
  return seconds;
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

async function rawInsert(file: string, documents: { warmUp: LedgerEvent[][]; measured: LedgerEvent[][] }): Promise<number> {
  const db = createDb({ sqliteFile: file });
  await migrateToLatest(db);
  await db.destroy();
  // Rows are shaped before the clock starts: the baseline is the database's own cost of storing them.
  const toRows = (events: LedgerEvent[]) => events.map((e) => ({ event: Object.values(toEventRow(e, 'raw')), epcs: toEpcRows(e, 0).map((x) => Object.values(x)) }));
  const rows = documents.measured.map(toRows);
  const sqlite = createSqliteDatabase(file);
  const insertEvent = sqlite.prepare(`insert into event (${EVENT_COLUMNS.join(', ')}) values (${EVENT_COLUMNS.map(() => '?').join(', ')})`);
  const insertEpc = sqlite.prepare('insert into event_epc (epc, event_time, event_seq, ordinal, role, is_class, quantity, uom) values (?,?,?,?,?,?,?,?)');
  const insertDocument = sqlite.transaction((events: typeof rows[number]) => {
    for (const { event, epcs } of events) {
      const seq = insertEvent.run(...event).lastInsertRowid;
      for (const epc of epcs) insertEpc.run(epc[0], epc[1], seq, ...epc.slice(3));
    }
  });
  // The database holds the warm-up documents before the clock starts, as it does for capture.
  for (const events of documents.warmUp) insertDocument(toRows(events));
  const started = performance.now();
  for (const events of rows) insertDocument(events);
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  return seconds;
}

/** An SQLite ledger and the file of its public queries' scans beside it: a run starts from nothing of the last. */
export function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    rmSync(`${file}${suffix}`, { force: true });
    rmSync(`${scansFileOf(file)}${suffix}`, { force: true });
  }
}
