import { readFile } from 'node:fs/promises';
import { createCapture } from '../capture/capture-events.js';
import type { Config } from '../config.js';
import { createEventStore } from '../store/event-store.js';
import { cliActor } from './cli-actor.js';
import { withLedger } from './open-ledger.js';

/** `zhuisu import FILE`: captures one EPCIS document, all or nothing, and reports like the API does. */
export async function runImport(args: string[], config: Config): Promise<number> {
  const [file] = args;
  if (!file) {
    process.stderr.write('usage: zhuisu import FILE\n');
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    process.stderr.write(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  return withLedger(config, async (db) => {
    const job = await createCapture({ events: createEventStore(db), now: () => new Date() }).captureDocumentJson(text, cliActor());
    process.stdout.write(`captured ${job.eventCount} events from ${file} (${job.storedCount} new, ${job.eventCount - job.storedCount} already in the ledger); capture ${job.captureId}\n`);
    return 0;
  }, (err) => `${file} was not imported, nothing was stored: ${err.message}`);
}
