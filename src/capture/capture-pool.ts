import { Worker } from 'node:worker_threads';
import { SYSTEM_ACTOR, type AuditActor } from '../domain/audit/actor.js';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import type { DbOptions } from '../store/db.js';
import type { CaptureJob } from '../store/event-store.js';
import type { Capture } from './capture-events.js';
import type { JsonText } from './prepare-capture.js';

/** What a capture worker is asked: a document's JSON, and who sends it. */
export interface CaptureRequest {
  id: number;
  json: JsonText;
  actor: AuditActor;
}

/** What a capture worker answers: a job, or the refusal to turn back into a DomainError, or a failure. */
export type WorkerReply =
  | { id: number; job: CaptureJob }
  | { id: number; refused: { code: ErrorCode; message: string; details?: Record<string, unknown> } }
  | { id: number; failed: string };

// Below this size a document is captured on the calling thread: the hop to a worker would cost more than it saves.
const WORKER_THRESHOLD_BYTES = 64 * 1024;

/**
 * Capture on worker threads, each running the whole pipeline on its own connection to the same database (sharing
 * the SQLite write lock): large documents spread over the cores, and the main thread stays free to answer queries.
 * Small documents, single events and parsed documents go to `local`.
 */
export function createCapturePool(opts: { workers: number; db: DbOptions; local: Capture }): Capture & { close(): Promise<void> } {
  const pool = Array.from({ length: opts.workers }, () => startWorker(opts.db));
  let next = 0;

  return {
    ...opts.local,
    captureDocumentJson(json, actor = SYSTEM_ACTOR) {
      const alive = pool.filter((w) => w.alive);
      if (alive.length === 0 || json.length < WORKER_THRESHOLD_BYTES) return opts.local.captureDocumentJson(json, actor);
      // The least busy worker; ties go round the pool.
      const start = next++ % alive.length;
      let chosen = alive[start];
      for (let i = 1; i < alive.length; i++) {
        const candidate = alive[(start + i) % alive.length];
        if (candidate && chosen && candidate.pending.size < chosen.pending.size) chosen = candidate;
      }
      return chosen ? chosen.capture(json, actor) : opts.local.captureDocumentJson(json, actor);
    },
    async close() {
      await Promise.all(pool.map((w) => (w.alive ? w.worker.terminate() : undefined)));
    },
  };
}

function startWorker(db: DbOptions) {
  // A young generation of 384 MB (128 MB semi-spaces): a capture allocates many short-lived strings, and with V8's
  // default 16 MB semi-spaces scavenging took a fifth of the time.
  const worker = new Worker(new URL('./capture-worker-entry.mjs', import.meta.url), {
    workerData: { db },
    resourceLimits: { maxYoungGenerationSizeMb: 384 },
  });
  const pending = new Map<number, { resolve: (job: CaptureJob) => void; reject: (err: Error) => void }>();
  let seq = 0;
  worker.on('message', (reply: WorkerReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ('job' in reply) waiting.resolve(reply.job);
    else if ('refused' in reply) waiting.reject(new DomainError(reply.refused.code, reply.refused.message, reply.refused.details));
    else waiting.reject(new Error(reply.failed));
  });
  // A worker that died answers nothing more: its captures fail (nothing was committed for them) and later ones go elsewhere.
  const state = { alive: true };
  const fail = (err: Error) => {
    state.alive = false;
    for (const waiting of pending.values()) waiting.reject(err);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`capture worker stopped (exit code ${code})`)));
  return {
    worker,
    pending,
    get alive() {
      return state.alive;
    },
    capture(json: JsonText, actor: AuditActor): Promise<CaptureJob> {
      const id = ++seq;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, json, actor } satisfies CaptureRequest, transferable(json));
      });
    },
  };
}

// Bytes that own their whole buffer (a request body is read into one) move to the worker instead of being copied; the
// caller must not read them afterwards. A string, or a view into a shared buffer, is copied.
function transferable(json: JsonText): ArrayBuffer[] {
  if (typeof json === 'string' || json.byteOffset !== 0) return [];
  const { buffer } = json;
  return buffer instanceof ArrayBuffer && buffer.byteLength === json.byteLength ? [buffer] : [];
}
