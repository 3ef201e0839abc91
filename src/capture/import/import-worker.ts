import { parentPort, workerData } from 'node:worker_threads';
import { createDb, type DbOptions } from '../../store/db.js';
import { createPartyStore } from '../../store/party-store.js';
import { createProductStore } from '../../store/product-store.js';
import { createProfileStore } from '../../store/profile-store.js';
import { createProfiles } from '../records/profiles.js';
import { createLookups } from '../records/resolve-record.js';
import { checkpointLog } from './import-writer.js';
import { packRows } from './packed-rows.js';
import type { ImportWorkerReply, ImportWorkerRequest } from './import-pool.js';
import { createRowPreparer, type ImportContext } from './prepare-rows.js';
import { prepareWork } from './prepare-work.js';

// Rows of one import file prepared on their own thread, looking parties and products up on its own connection.
const options: { db: DbOptions; context: ImportContext } = workerData;
const db = createDb(options.db);
const now = () => new Date();
const lookups = createLookups({ profiles: createProfiles({ store: createProfileStore(db, { now }) }), parties: createPartyStore(db), products: createProductStore(db) });
const preparer = createRowPreparer({ lookups }, options.context);

parentPort?.on('message', async (message: ImportWorkerRequest) => {
  let reply: ImportWorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    if ('checkpoint' in message) {
      checkpointLog(options.db);
      parentPort?.postMessage({ id: message.id, checkpointed: true } satisfies ImportWorkerReply);
      return;
    }
    const result = await prepareWork(await preparer, message.work);
    const packed = packRows(result.prepared);
    reply = { id: message.id, packed, issues: result.issues, count: result.count };
    transfer = [packed.ends.buffer, packed.present.buffer].filter((b) => b instanceof ArrayBuffer);
  } catch (err) {
    reply = { id: message.id, failed: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort?.postMessage(reply, transfer);
});
