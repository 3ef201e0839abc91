import { Worker } from 'node:worker_threads';
import { prepareCapture, type PrepareContext, type PreparedCapture } from './prepare-capture.js';

export type PrepareInput = { text: string } | { value: unknown };

/** Runs `prepareCapture` somewhere: on this thread, or on worker threads so that capture uses every core. */
export interface Preparer {
  prepare(input: PrepareInput, kind: 'document' | 'event', ctx: PrepareContext): Promise<PreparedCapture>;
  close(): Promise<void>;
}

export const inlinePreparer: Preparer = {
  prepare: async (input, kind, ctx) => prepareCapture(input, kind, ctx),
  close: async () => undefined,
};

// Below this size a document is prepared inline: the hop to a worker would cost more than it saves.
const WORKER_THRESHOLD_BYTES = 64 * 1024;

interface Pending {
  resolve: (result: PreparedCapture) => void;
  reject: (err: Error) => void;
}

/**
 * A pool of worker threads that prepare large captures while the main thread stores earlier ones: SQLite writes stay
 * on one connection, the CPU-heavy validation and hashing spread over the other cores.
 */
export function createWorkerPreparer(opts: { workers: number }): Preparer {
  const pool = Array.from({ length: opts.workers }, () => startWorker());
  let next = 0;

  function startWorker() {
    // A young generation of 192 MB (64 MB semi-spaces): preparing allocates many short-lived strings, and with V8's
    // default 16 MB semi-spaces scavenging took a fifth of the time.
    const worker = new Worker(new URL('./prepare-worker-entry.mjs', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 192 } });
    const pending = new Map<number, Pending>();
    let seq = 0;
    worker.on('message', (message: { id: number; result: PreparedCapture } | { id: number; error: string }) => {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if ('result' in message) waiting.resolve(message.result);
      else waiting.reject(new Error(message.error));
    });
    worker.on('error', (err) => {
      for (const waiting of pending.values()) waiting.reject(err);
      pending.clear();
    });
    return {
      worker,
      pending,
      run(input: PrepareInput, kind: 'document' | 'event', ctx: PrepareContext): Promise<PreparedCapture> {
        const id = ++seq;
        return new Promise((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, input, kind, ctx });
        });
      },
    };
  }

  return {
    prepare(input, kind, ctx) {
      if (pool.length === 0 || !('text' in input) || input.text.length < WORKER_THRESHOLD_BYTES) return inlinePreparer.prepare(input, kind, ctx);
      // The least busy worker; ties go round the pool.
      const start = next++ % pool.length;
      let chosen = pool[start];
      for (let i = 0; i < pool.length; i++) {
        const candidate = pool[(start + i) % pool.length];
        if (candidate && chosen && candidate.pending.size < chosen.pending.size) chosen = candidate;
      }
      return chosen ? chosen.run(input, kind, ctx) : inlinePreparer.prepare(input, kind, ctx);
    },
    async close() {
      await Promise.all(pool.map((p) => p.worker.terminate()));
    },
  };
}
