import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { createCapture } from '../src/capture/capture-events.js';
import { createCapturePool } from '../src/capture/capture-pool.js';
import { createDb, migrateToLatest, sameDbOptions } from '../src/store/db.js';
import { createEventStore } from '../src/store/event-store.js';
import { removeDb } from './capture-bench.js';
import { startLedgerServer } from './ledger-server.js';
import { percentile } from './stats.js';
import { generateSupplyChain, sampleTraceTargets, toDocuments } from './supply-chain.js';

export interface TraceFigures {
  storeEvents: number;
  loadSeconds?: number;
  samples: number;
  latency: Record<'backward' | 'forward' | 'both', { p50: number; p99: number; max: number; meanNodes: number; meanEvents: number }>;
}

/**
 * Trace latency over loopback HTTP on a store of `events` synthetic events. The store is built once through the
 * capture pipeline and kept under `dir` for later runs with the same seed and size.
 */
export async function benchTrace(opts: { events: number; seed: number; dir: string; samples: number; log: (line: string) => void }): Promise<TraceFigures> {
  const file = join(opts.dir, `trace-${opts.seed}-${opts.events}.db`);
  let loadSeconds: number | undefined;
  if (!existsSync(file)) loadSeconds = await buildStore(file, opts);
  const server = await startLedgerServer(file);
  const storeEvents = Number((await server.db.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const targets = sampleTraceTargets({ seed: opts.seed, events: opts.events }, opts.samples);
  const measured = new Map<string, TraceFigures['latency']['both']>();
  try {
    for (const direction of ['backward', 'forward', 'both'] as const) {
      for (const id of targets.slice(0, 20)) await traceOnce(server.url, id, direction);
      const times: number[] = [];
      let nodes = 0;
      let events = 0;
      for (const id of targets) {
        const started = performance.now();
        const result = await traceOnce(server.url, id, direction);
        times.push(performance.now() - started);
        nodes += result.nodes;
        events += result.events;
      }
      measured.set(direction, { p50: percentile(times, 50), p99: percentile(times, 99), max: Math.max(...times), meanNodes: nodes / targets.length, meanEvents: events / targets.length });
    }
  } finally {
    await server.close();
  }
  const get = (direction: string) => {
    const figures = measured.get(direction);
    if (!figures) throw new Error(`no figures for ${direction}`);
    return figures;
  };
  const latency = { backward: get('backward'), forward: get('forward'), both: get('both') };
  return { storeEvents, ...(loadSeconds === undefined ? {} : { loadSeconds }), samples: targets.length, latency };
}

async function traceOnce(url: string, id: string, direction: string): Promise<{ nodes: number; events: number }> {
  const response = await fetch(`${url}/api/v1/trace/${encodeURIComponent(id)}?direction=${direction}`);
  if (response.status !== 200) throw new Error(`trace of ${id} answered ${response.status}: ${await response.text()}`);
  const body: unknown = await response.json();
  const count = (key: string) => {
    const value = typeof body === 'object' && body !== null ? Reflect.get(body, key) : undefined;
    return Array.isArray(value) ? value.length : 0;
  };
  return { nodes: count('nodes'), events: count('events') };
}

async function buildStore(file: string, opts: { events: number; seed: number; log: (line: string) => void }): Promise<number> {
  const building = `${file}.building`;
  removeDb(building);
  const db = createDb({ sqliteFile: building });
  await migrateToLatest(db);
  const capture = createCapturePool({ workers: 2, db: sameDbOptions(db), local: createCapture({ events: createEventStore(db), now: () => new Date() }) });
  const started = performance.now();
  let done = 0;
  let inFlight: Promise<unknown> = Promise.resolve();
  for (const doc of toDocuments(generateSupplyChain({ seed: opts.seed, events: opts.events }), 1000)) {
    // Two documents in flight, one on each capture worker.
    const previous = inFlight;
    inFlight = capture.captureDocumentJson(JSON.stringify(doc));
    await previous;
    done += doc.epcisBody.eventList.length;
    if (done % 100_000 < 1000) opts.log(`  loading the trace store: ${done.toLocaleString('en-US')} events`);
  }
  await inFlight;
  await capture.close();
  await db.destroy();
  renameSync(building, file);
  for (const suffix of ['-wal', '-shm']) if (existsSync(`${building}${suffix}`)) renameSync(`${building}${suffix}`, `${file}${suffix}`);
  return (performance.now() - started) / 1000;
}
