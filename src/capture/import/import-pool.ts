import { Worker } from 'node:worker_threads';
import type { DbOptions } from '../../store/db.js';
import { unpackRows, type PackContext, type PackedRows } from './packed-rows.js';
import type { ImportContext, RowIssue } from './prepare-rows.js';
import type { ChunkResult, ChunkWork } from './prepare-work.js';

/** A chunk to prepare, or, once the import is committed, the copy of SQLite's log into the database. */
export type ImportWorkerRequest = { id: number; work: ChunkWork } | { id: number; checkpoint: true };

export type ImportWorkerReply =
  | { id: number; packed: PackedRows; issues: RowIssue[]; count: number }
  | { id: number; checkpointed: true }
  | { id: number; failed: string };

/**
 * Worker threads that prepare the chunks of one import side by side (parse, check, hash, shape the rows), each
 * looking parties and products up on its own connection, while the calling thread stores what they send back.
 */
export function startImportWorkers(opts: { count: number; db: DbOptions; context: ImportContext; pack: PackContext }) {
  const workers = Array.from({ length: opts.count }, () => startWorker(opts));
  let next = 0;
  return {
    /** Prepares a chunk on the least busy worker; the rows are unpacked when `prepared` is read. */
    run(work: ChunkWork): Promise<ChunkResult> {
      let chosen = workers[next++ % workers.length];
      for (const w of workers) if (chosen && w.pending.size < chosen.pending.size) chosen = w;
      if (!chosen) throw new Error('no import workers');
      return chosen.run(work);
    },
    /** Copies SQLite's log into the database on a worker, so that the calling thread stays free meanwhile. */
    async checkpoint(): Promise<void> {
      await workers[0]?.checkpoint();
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

function startWorker(opts: { db: DbOptions; context: ImportContext; pack: PackContext }) {
  // Preparing rows makes many short-lived strings: a young generation of 64 MB (16 MB cost a tenth more CPU, 192 MB no less).
  const worker = new Worker(new URL('./import-worker-entry.mjs', import.meta.url), {
    workerData: { db: opts.db, context: opts.context },
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  const pending = new Map<number, { resolve: (result: ChunkResult | undefined) => void; reject: (err: Error) => void }>();
  let seq = 0;
  const fail = (err: Error) => {
    for (const waiting of pending.values()) waiting.reject(err);
    pending.clear();
  };
  worker.on('message', (reply: ImportWorkerReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ('failed' in reply) {
      waiting.reject(new Error(`import worker: ${reply.failed}`));
      return;
    }
    if ('checkpointed' in reply) {
      waiting.resolve(undefined);
      return;
    }
    const { packed, issues, count } = reply;
    let rows: ChunkResult['prepared'] | undefined;
    waiting.resolve({
      issues,
      count,
      get prepared() {
        rows ??= unpackRows(packed, opts.pack);
        return rows;
      },
    });
  });
  const request = (message: (id: number) => ImportWorkerRequest, transfer: ArrayBuffer[]) => new Promise<ChunkResult | undefined>((resolve, reject) => {
    const id = ++seq;
    pending.set(id, { resolve, reject });
    worker.postMessage(message(id), transfer);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`import worker stopped (exit code ${code})`)));
  return {
    worker,
    pending,
    async run(work: ChunkWork): Promise<ChunkResult> {
      const transfer = 'csv' in work && work.csv.bytes.buffer instanceof ArrayBuffer ? [work.csv.bytes.buffer] : [];
      const result = await request((id) => ({ id, work }), transfer);
      if (!result) throw new Error('import worker answered a chunk without rows');
      return result;
    },
    async checkpoint(): Promise<void> {
      await request((id) => ({ id, checkpoint: true }), []);
    },
  };
}
