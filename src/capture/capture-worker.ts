import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../domain/errors.js';
import { createDb, type DbOptions } from '../store/db.js';
import { createEventStore } from '../store/event-store.js';
import { createCapture } from './capture-events.js';
import type { CaptureRequest, WorkerReply } from './capture-pool.js';

// One capture pipeline on its own connection to the database that the main thread opened and migrated.
const options: DbOptions = workerData.db;
const capture = createCapture({ events: createEventStore(createDb(options)), now: () => new Date() });

parentPort?.on('message', async (message: CaptureRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: message.id, job: await capture.captureDocumentJson(message.json, message.actor) };
  } catch (err) {
    reply = err instanceof DomainError
      ? { id: message.id, refused: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } }
      : { id: message.id, failed: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
