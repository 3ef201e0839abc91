import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { createCapture } from '../capture/capture-events.js';
import { createImporter } from '../capture/import/import-records.js';
import { createSectorRecording } from '../capture/records/sector-recording.js';
import type { Config } from '../config.js';
import type { DomainError } from '../domain/errors.js';
import { isObject } from '../domain/event.js';
import { createEventStore } from '../store/event-store.js';
import { cliActor } from './cli-actor.js';
import { withLedger } from './open-ledger.js';

const USAGE = 'usage: zhuisu import-records FILE --sector SECTOR --stage STAGE [--format csv|xlsx]\n';

/** The problems of a refused file, one line each, and how many there were. */
function problemsOf(err: DomainError): { count: number; lines: string[] } {
  const errors = Array.isArray(err.details?.errors) ? err.details.errors.filter(isObject) : [];
  const lines = errors.map((e) => `  第${String(e.row)}行 row ${String(e.row)}${e.column ? `, ${String(e.column)}` : ''}: ${String(e.reason)}`);
  const more = typeof err.details?.more === 'number' ? err.details.more : 0;
  if (more > 0) lines.push(`  … 另有${more}处 / and ${more} more`);
  return { count: errors.length + more, lines };
}

/**
 * `zhuisu import-records FILE --sector S --stage T`: imports a filled-in stage template (CSV or XLSX), all or nothing,
 * and lists every bad row and column as the API does.
 */
export async function runImportRecords(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { sector: { type: 'string' }, stage: { type: 'string' }, format: { type: 'string' } },
  });
  const [file] = positionals;
  const format = values.format ?? (extname(file ?? '').toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
  const { sector, stage } = values;
  if (!file || !sector || !stage || (format !== 'csv' && format !== 'xlsx')) {
    process.stderr.write(USAGE);
    return 2;
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    process.stderr.write(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  return withLedger(config, async (db) => {
    const now = () => new Date();
    const recording = createSectorRecording({ db, capture: createCapture({ events: createEventStore(db), now }), now });
    const importer = createImporter({ db, ...recording, now, workers: config.captureWorkers });
    const result = await importer.importRecords({ sector, stage, format, data: createReadStream(file, { highWaterMark: 1 << 20 }), size, actor: cliActor() });
    process.stdout.write(`imported ${result.rows} rows from ${file}: ${result.stored} stored, ${result.skipped} already stored; capture ${result.captureId}\n`);
    for (const alert of result.alerts) process.stdout.write(`  alert, row ${alert.row}: ${alert.message}\n`);
    if (result.moreAlerts) process.stdout.write(`  … and ${result.moreAlerts} more alerts\n`);
    return 0;
  }, (err) => {
    const { count, lines } = problemsOf(err);
    const summary = count > 0 ? `${count} problem${count === 1 ? '' : 's'}` : err.message;
    return `${file} was not imported, nothing was stored: ${summary}${lines.map((l) => `\n${l}`).join('')}`;
  });
}
