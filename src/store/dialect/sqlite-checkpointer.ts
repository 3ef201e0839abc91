import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Copies the WALs into their database files on a thread of its own; `stop` ends it with a last checkpoint. */
export interface Checkpointer {
  stop(): Promise<void>;
}

// Plain JavaScript, so that the thread needs no TypeScript loader; the driver's path comes from the parent.
const CHECKPOINT_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const dbs = workerData.files.map((file) => {
  const db = new SQLite(file);
  db.pragma('busy_timeout = 5000');
  return db;
});
const checkpoint = () => {
  for (const db of dbs) {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or locked: the next turn tries again, and the writer's own autocheckpoint is still there behind it.
    }
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  checkpoint();
  for (const db of dbs) db.close();
  parentPort.close();
});
`;

/**
 * SQLite copies the WAL back into the database file in the commit that finds it long, on the writer's thread: on the
 * server's thread that held every query up for 70-120 ms every few seconds under steady load. A thread of its own
 * checkpoints every `everyMs` instead (PASSIVE: it waits for no reader or writer), so the WAL never grows long enough
 * for a commit to do it.
 */
export function startCheckpointer(files: string[], everyMs = 1_000): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(CHECKPOINT_THREAD, { eval: true, workerData: { files, driver, everyMs } });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      await exited;
    },
  };
}
